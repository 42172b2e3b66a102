package search

import "github.com/radnice/radnice/web/i18n"

var msg = i18n.Catalogue{
	"title":           {CS: "Hledání na portálu", EN: "Search the portal"},
	"label":           {CS: "Co hledáte?", EN: "What are you looking for?"},
	"hint":            {CS: "Například: pes, rozpočet, matrika, Štefánikova 12.", EN: "For example: pes (dog), rozpočet (budget), matrika (registry office), Štefánikova 12."},
	"button":          {CS: "Hledat", EN: "Search"},
	"results-for":     {CS: "Výsledky pro „%s“", EN: "Results for “%s”"},
	"nothing":         {CS: "Pro „%s“ jsme nic nenašli. Zkuste jiné nebo kratší slovo, případně projděte životní situace nebo kontakty.", EN: "We found nothing for “%s”. Try another or a shorter word, or browse the life situations or contacts."},
	"situations":      {CS: "Životní situace", EN: "Life situations"},
	"notices":         {CS: "Úřední deska", EN: "Official notice board"},
	"contacts":        {CS: "Kontakty", EN: "Contacts"},
	"videos":          {CS: "Videonávody", EN: "Video guides"},
	"addresses":       {CS: "Adresy", EN: "Addresses"},
	"more-situations": {CS: "Všechny nalezené životní situace", EN: "All life situations found"},
	"more-notices":    {CS: "Všech %d nalezených oznámení na úřední desce", EN: "All %d notices found on the board"},
	"more-contacts":   {CS: "Podrobné hledání v kontaktech", EN: "Search the contacts in full"},
	"posted":          {CS: "vyvěšeno %s", EN: "posted %s"},
	"agenda":          {CS: "agenda", EN: "agenda"},
	"department":      {CS: "odbor", EN: "department"},
	"address-hint":    {CS: "kde volíte, svoz odpadu, spádové školy", EN: "where you vote, waste collection, catchment schools"},
}
