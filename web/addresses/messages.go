package addresses

import "github.com/radnice/radnice/web/i18n"

// msg holds the address pages' words.
var msg = i18n.Catalogue{
	"find-title":   {CS: "Najít adresu", EN: "Find an address"},
	"find-intro":   {CS: "Zadejte ulici a číslo domu, název části obce a číslo popisné, nebo PSČ. Na velikosti písmen ani diakritice nezáleží.", EN: "Enter a street and house number, the name of a part of town and building number, or a postcode. Capital letters and diacritics do not matter."},
	"form-label":   {CS: "Adresa", EN: "Address"},
	"form-hint":    {CS: "Například Štefánikova 12, Lubina 25, č. ev. 45 nebo 742 21", EN: "For example Štefánikova 12, Lubina 25, č. ev. 45 or 742 21"},
	"form-button":  {CS: "Hledat", EN: "Search"},
	"find-another": {CS: "Najít jinou adresu", EN: "Find another address"},

	"municipality":       {CS: "Obec", EN: "Municipality"},
	"part":               {CS: "Část obce", EN: "Part of the municipality"},
	"city-district":      {CS: "Městský obvod", EN: "City district"},
	"street":             {CS: "Ulice", EN: "Street"},
	"registry-number":    {CS: "Číslo evidenční", EN: "Registration number (číslo evidenční)"},
	"house-number":       {CS: "Číslo popisné", EN: "Building number (číslo popisné)"},
	"orientation-number": {CS: "Číslo orientační", EN: "Street number (číslo orientační)"},
	"postcode":           {CS: "PSČ", EN: "Postcode"},
	"code":               {CS: "Kód adresního místa", EN: "Address point code"},
	"position":           {CS: "Poloha", EN: "Location"},
	"no-position":        {CS: "RÚIAN u této adresy souřadnice neuvádí.", EN: "RÚIAN gives no coordinates for this address."},
	// A coordinate: the Czech write a decimal comma.
	"decimal-separator": {CS: ",", EN: "."},
}
