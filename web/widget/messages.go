package widget

import "github.com/radnice/radnice/web/i18n"

// msg holds the words of the documentation page. Text between backticks is code (see prose).
var msg = i18n.Catalogue{
	"intro": {CS: "Nabídněte návštěvníkům svého webu, například webu školy, spolku nebo zpravodaje, vyhledávání podle adresy: kde volí, kdy se u nich vyváží odpad a která škola je pro ně spádová. Stačí do stránky vložit dva kousky HTML. Odpovědi přicházejí přímo z portálu, takže jsou vždy aktuální.",
		EN: "Offer the visitors of your website, such as a school's, a club's or a newsletter's, a lookup by address: where they vote, when their waste is collected and which school is their catchment school. Two snippets of HTML in your page are all it takes. The answers come straight from the portal, so they are always up to date."},
	"how":        {CS: "Jak na to", EN: "How to do it"},
	"how-script": {CS: "Vložte do stránky jednou, nejlépe do hlavičky `<head>`, skript portálu:", EN: "Put the portal's script in your page once, preferably in its `<head>`:"},
	"how-element": {CS: "Na místo, kde se má vyhledávání zobrazit, vložte prvek `radnice-lookup` s druhem vyhledávání, například:",
		EN: "Where the lookup is to appear, put the element `radnice-lookup` with the kind of lookup, for example:"},
	"how-fallback": {CS: "Odkaz uvnitř prvku uvidí jen ti návštěvníci, u kterých se vyhledávání zobrazit nemůže (například bez JavaScriptu); ostatní místo něj uvidí pole pro adresu. Prvků může být na stránce více, skript stačí jeden.",
		EN: "Only visitors whose browser cannot show the lookup (without JavaScript, for example) see the link inside the element; everyone else sees a field for the address instead. A page may hold several elements; one script is enough."},
	"fallback": {CS: "%s na portálu města", EN: "%s on the town's portal"},

	"kinds":         {CS: "Druhy vyhledávání", EN: "Kinds of lookup"},
	"shows":         {CS: "Ukáže %s.", EN: "Shows %s."},
	"waste-title":   {CS: "Svoz odpadu", EN: "Waste collection"},
	"waste-shows":   {CS: "svozovou oblast a nejbližší termíny svozu podle druhu odpadu, s odkazem na kalendář termínů", EN: "the waste zone and the next collection dates by type of waste, with a link to the calendar of dates"},
	"polling-title": {CS: "Kde volím", EN: "Where do I vote"},
	"polling-shows": {CS: "volební okrsek, volební místnost s adresou a dny a hodiny nejbližších voleb", EN: "the polling district, the polling station with its address, and the days and hours of the next election"},
	"schools-title": {CS: "Spádová škola", EN: "Catchment school"},
	"schools-shows": {CS: "spádovou základní a mateřskou školu s adresou a odkazem na jejich web", EN: "the catchment primary school and kindergarten with their addresses and links to their websites"},
	"all-title":     {CS: "Moje adresa", EN: "My address"},
	"all-shows":     {CS: "vše najednou: volby, svoz odpadu i spádové školy; tento druh platí, když atribut kind chybí", EN: "everything at once: elections, waste collection and catchment schools; this kind applies when the kind attribute is missing"},

	"settings":       {CS: "Nastavení", EN: "Settings"},
	"setting-kind":   {CS: "Druh vyhledávání: `waste`, `polling`, `schools` nebo `all` (výchozí).", EN: "The kind of lookup: `waste`, `polling`, `schools` or `all` (the default)."},
	"setting-level":  {CS: "Úroveň nadpisu vyhledávání, 1 až 6, výchozí 2 (`<h2>`). Zvolte ji podle nadpisů okolní stránky; části odpovědi druhu `all` mají nadpisy o úroveň nižší.", EN: "The level of the lookup's heading, 1 to 6, by default 2 (`<h2>`). Choose it to fit the headings of the page around it; the parts of an `all` answer have headings one level lower."},
	"setting-portal": {CS: "Adresa portálu, pokud skript nenačítáte přímo z něj. Jinak se použije adresa, ze které se skript načetl.", EN: "The portal's address, if you do not load the script from the portal itself. Otherwise the address the script was loaded from is used."},
	"setting-lang":   {CS: "Jazyk vyhledávání: `cs` (čeština) nebo `en` (angličtina). Bez atributu vyhledávání mluví jazykem stránky, pokud je to angličtina, jinak česky.", EN: "The language of the lookup: `cs` (Czech) or `en` (English). Without the attribute the lookup speaks the page's language if that is English, and Czech otherwise."},

	"design":          {CS: "Vzhled, přístupnost a soukromí", EN: "Look, accessibility and privacy"},
	"design-shadow":   {CS: "Vyhledávání má vlastní vzhled, oddělený od vaší stránky (Shadow DOM): styly vašeho webu ho nerozbijí a jeho styly nezmění váš web. Ve svém CSS můžete prvku `radnice-lookup` nastavit šířku a okraje.", EN: "The lookup has its own look, kept apart from your page (Shadow DOM): your website's styles do not break it and its styles do not change your website. In your CSS you can set the width and margins of the `radnice-lookup` element."},
	"design-keyboard": {CS: "Ovládá se i klávesnicí (šipky vyberou adresu z návrhů, Enter ji potvrdí, Escape návrhy zavře), čtečkám obrazovky oznamuje počet návrhů a je navržené podle WCAG 2.1 na úrovni AA.", EN: "It works with the keyboard too (the arrow keys pick an address from the suggestions, Enter confirms it, Escape closes the suggestions), tells screen readers how many suggestions there are, and is designed to WCAG 2.1 level AA."},
	"design-privacy":  {CS: "Portálu posílá jen zadaný text adresy a kód vybrané adresy. Nepoužívá cookies a nic neukládá.", EN: "It sends the portal only the address text typed and the code of the address chosen. It uses no cookies and stores nothing."},
	"design-csp":      {CS: "Pokud váš web používá Content Security Policy, povolte adresu portálu pro skripty a pro spojení. Vložené skripty ani styly povolovat nemusíte:", EN: "If your website uses a Content Security Policy, allow the portal's address for scripts and connections. You need not allow inline scripts or styles:"},

	"preview":      {CS: "Ukázka", EN: "Preview"},
	"preview-text": {CS: "Takto vypadá vyhledávání druhu `all` s nadpisem úrovně 3. Vyzkoušejte ho:", EN: "This is a lookup of the kind `all` with a level 3 heading. Try it:"},
}
