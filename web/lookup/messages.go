package lookup

import "github.com/radnice/radnice/web/i18n"

// msg holds the lookup pages' words. Keys of a page start with its key (see pages); keys of
// a map or an uncovered answer end with the layer it is about (geo.Layer: polling, waste, zs, ms).
var msg = i18n.Catalogue{
	"polling-title": {CS: "Kde volím", EN: "Where do I vote"},
	"polling-intro": {CS: "Zjistěte, do kterého volebního okrsku patří vaše adresa a kde je vaše volební místnost.", EN: "Find out which polling district your address belongs to and where your polling station is."},
	"polling-more":  {CS: "kde volím", EN: "where to vote"},
	"waste-title":   {CS: "Svoz odpadu", EN: "Waste collection"},
	"waste-intro":   {CS: "Zjistěte, kdy se u vaší adresy vyváží popelnice a nádoby na tříděný odpad.", EN: "Find out when the bins and the containers for sorted waste are emptied at your address."},
	"waste-more":    {CS: "svoz odpadu", EN: "waste collection"},
	"schools-title": {CS: "Spádová škola", EN: "Catchment school"},
	"schools-intro": {CS: "Zjistěte, která základní a mateřská škola je pro vaši adresu spádová.", EN: "Find out which primary school and kindergarten your address belongs to (its catchment schools)."},
	"schools-more":  {CS: "spádová škola", EN: "catchment school"},
	"all-title":     {CS: "Moje adresa", EN: "My address"},
	"all-intro":     {CS: "Vše k vaší adrese na jedné stránce: kde volíte, kdy se vyváží odpad a které školy jsou spádové.", EN: "Everything about your address on one page: where you vote, when the waste is collected and which schools are the catchment ones."},
	"all-more":      {CS: "vše na jedné stránce", EN: "everything on one page"},

	"form-label":   {CS: "Vaše adresa", EN: "Your address"},
	"form-hint":    {CS: "Ulice a číslo domu, část obce a číslo popisné, nebo PSČ. Například Štefánikova 12 nebo Lubina 25.", EN: "Street and house number, part of town and building number, or postcode. For example Štefánikova 12 or Lubina 25."},
	"form-button":  {CS: "Zjistit", EN: "Look up"},
	"form-several": {CS: "Zadání odpovídá více adresám. Vyberte tu svou:", EN: "Several addresses match. Choose yours:"},

	"another-address": {CS: "Hledat jinou adresu", EN: "Look up another address"},
	"address":         {CS: "Adresa:", EN: "Address:"},
	"more-label":      {CS: "Další informace k této adrese", EN: "More about this address"},
	"more-lead":       {CS: "K této adrese také:", EN: "Also for this address:"},

	"district-lead":   {CS: "Vaše adresa patří do", EN: "Your address belongs to"},
	"district":        {CS: "volebního okrsku č. %d", EN: "polling district no. %d"},
	"station":         {CS: "Volební místnost", EN: "Polling station"},
	"station-address": {CS: "Adresa místnosti", EN: "Address of the polling station"},
	"station-note":    {CS: "Poznámka", EN: "Note"},
	"when":            {CS: "Kdy volit", EN: "When to vote"},
	"round":           {CS: "%d. kolo:", EN: "Round %d:"},

	"zone":            {CS: "Svozová oblast:", EN: "Waste zone:"},
	"collections":     {CS: "Nejbližší termíny svozu", EN: "Next collection dates"},
	"waste-type":      {CS: "Odpad", EN: "Waste"},
	"dates":           {CS: "Termíny", EN: "Dates"},
	"no-collection":   {CS: "V nejbližších týdnech se nesváží.", EN: "No collection in the coming weeks."},
	"calendar":        {CS: "Termíny svozu do kalendáře", EN: "Collection dates for your calendar"},
	"calendar-detail": {CS: "(soubor iCalendar na rok dopředu). Když adresu odkazu přidáte do kalendáře jako odběr, termíny se budou samy aktualizovat.", EN: "(an iCalendar file for a year ahead). If you add the link's address to your calendar as a subscription, the dates will update by themselves."},

	"primary-school":   {CS: "Základní škola", EN: "Primary school"},
	"kindergarten":     {CS: "Mateřská škola", EN: "Kindergarten"},
	"shared-catchment": {CS: "Adresa patří do společného spádového obvodu více škol: spádová je kterákoli z nich.", EN: "The address lies in a catchment area shared by several schools: any of them is a catchment school."},

	// What an answer the data does not settle says, by layer and geo.Coverage.Reason; the Czech
	// texts are the API's messages (geo/lookup.go), which the tests compare.
	"not-covered-polling-no_area":     {CS: "Adresa neleží v žádném volebním okrsku.", EN: "The address does not lie in any polling district."},
	"not-covered-polling-ambiguous":   {CS: "Adresa leží ve více než jednom volebním okrsku; úřad data prověřuje.", EN: "The address lies in more than one polling district; the office is checking the data."},
	"not-covered-polling-no_election": {CS: "Žádné volby nejsou vyhlášeny.", EN: "No election has been called."},
	"not-covered-polling-no_station":  {CS: "Volební místnost okrsku č. %d pro tyto volby zatím není zveřejněna.", EN: "The polling station of district no. %d has not been published for this election yet."},
	"not-covered-waste-no_area":       {CS: "Adresa neleží v žádné svozové oblasti.", EN: "The address does not lie in any waste zone."},
	"not-covered-waste-ambiguous":     {CS: "Adresa leží ve více než jedné svozové oblasti; úřad data prověřuje.", EN: "The address lies in more than one waste zone; the office is checking the data."},
	"not-covered-waste-no_schedule":   {CS: "Pro svozovou oblast %s není harmonogram svozu.", EN: "There is no collection schedule for the waste zone %s."},
	"not-covered-zs-no_area":          {CS: "Adresa neleží ve spádovém obvodu žádné základní školy.", EN: "The address does not lie in the catchment area of any primary school."},
	"not-covered-ms-no_area":          {CS: "Adresa neleží ve spádovém obvodu žádné mateřské školy.", EN: "The address does not lie in the catchment area of any kindergarten."},

	// The maps: "Mapa volebního okrsku č. 1 s volební místností a vaší adresou".
	"map-title-polling":        {CS: "Mapa volebního okrsku %s", EN: "Map of polling district %s"},
	"map-title-waste":          {CS: "Mapa svozové oblasti %s", EN: "Map of waste zone %s"},
	"map-title-zs":             {CS: "Mapa spádového obvodu %s", EN: "Map of catchment area %s"},
	"map-title-ms":             {CS: "Mapa spádového obvodu %s", EN: "Map of catchment area %s"},
	"map-legend-polling":       {CS: "Volební okrsek %s", EN: "Polling district %s"},
	"map-legend-waste":         {CS: "Svozová oblast %s", EN: "Waste zone %s"},
	"map-legend-zs":            {CS: "Spádový obvod %s", EN: "Catchment area %s"},
	"map-legend-ms":            {CS: "Spádový obvod %s", EN: "Catchment area %s"},
	"map-facility-polling":     {CS: "s volební místností", EN: "with the polling station"},
	"map-facility-zs":          {CS: "se základní školou", EN: "with the primary school"},
	"map-facility-ms":          {CS: "s mateřskou školou", EN: "with the kindergarten"},
	"map-facility-and-address": {CS: "%s a vaší adresou", EN: "%s and your address"},
	"map-address":              {CS: "s vaší adresou", EN: "with your address"},
	"map-number":               {CS: "č. %d", EN: "no. %d"},
	"map-name":                 {CS: "„%s“", EN: "“%s”"},
	"mark-address":             {CS: "Vaše adresa: %s", EN: "Your address: %s"},
	"mark-station":             {CS: "Volební místnost: %s", EN: "Polling station: %s"},
	"zoom-in":                  {CS: "Přiblížit", EN: "Zoom in"},
	"zoom-out":                 {CS: "Oddálit", EN: "Zoom out"},
}
