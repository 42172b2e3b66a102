package notices

import (
	"context"
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/radnice/radnice/web/i18n"
)

var msg = i18n.Catalogue{
	"board-title":     {CS: "Úřední deska", EN: "Official notice board"},
	"archive-title":   {CS: "Archiv úřední desky", EN: "Notice board archive"},
	"archive-crumb":   {CS: "Archiv", EN: "Archive"},
	"board-intro":     {CS: "Dokumenty, které úřad zveřejňuje na elektronické úřední desce. Každý zůstává vyvěšen do data, které je u něj uvedeno, a pak se sám přesune do archivu.", EN: "Documents the office publishes on its electronic official notice board. Each stays on the board until the date it gives, then moves to the archive by itself. The documents are in Czech."},
	"archive-intro":   {CS: "Dokumenty, jejichž doba zveřejnění na úřední desce už skončila.", EN: "Documents whose time on the official notice board has ended. The documents are in Czech."},
	"parts":           {CS: "Části úřední desky", EN: "Parts of the notice board"},
	"part-current":    {CS: "Vyvěšené dokumenty", EN: "Current notices"},
	"part-archive":    {CS: "Archiv", EN: "Archive"},
	"filters":         {CS: "Hledat na úřední desce", EN: "Search the notice board"},
	"search-label":    {CS: "Hledat v dokumentech", EN: "Search the documents"},
	"search-hint":     {CS: "Slova z názvu, textu nebo číslo jednací, například rozpočet nebo MěÚK/12345/2026.", EN: "Words of the title or text, or a reference number, e.g. rozpočet or MěÚK/12345/2026."},
	"category":        {CS: "Kategorie", EN: "Category"},
	"department":      {CS: "Odbor", EN: "Department"},
	"year":            {CS: "Rok vyvěšení", EN: "Year posted"},
	"all-categories":  {CS: "Všechny kategorie", EN: "All categories"},
	"all-departments": {CS: "Všechny odbory", EN: "All departments"},
	"all-years":       {CS: "Všechny roky", EN: "All years"},
	"show":            {CS: "Zobrazit", EN: "Show"},
	"clear":           {CS: "Zrušit filtry", EN: "Clear the filters"},
	"found-1":         {CS: "Nalezen %d dokument", EN: "%d document found"},
	"found-2-4":       {CS: "Nalezeny %d dokumenty", EN: "%d documents found"},
	"found-5":         {CS: "Nalezeno %d dokumentů", EN: "%d documents found"},
	"count-1":         {CS: "%d dokument", EN: "%d document"},
	"count-2-4":       {CS: "%d dokumenty", EN: "%d documents"},
	"count-5":         {CS: "%d dokumentů", EN: "%d documents"},
	"board-empty":     {CS: "Na úřední desce teď není vyvěšen žádný dokument.", EN: "There are no documents on the notice board now."},
	"archive-empty":   {CS: "Archiv je prázdný.", EN: "The archive is empty."},
	"none-found":      {CS: "Zadání neodpovídá žádný dokument. Zkuste jiná slova nebo zrušte filtry.", EN: "No document matches. Try other words or clear the filters."},
	"reference":       {CS: "Číslo jednací", EN: "Reference number"},
	"reference-short": {CS: "č. j.", EN: "ref."},
	"posted":          {CS: "Vyvěšeno", EN: "Posted"},
	"until":           {CS: "Zveřejněno do", EN: "Published until"},
	"until-in-list":   {CS: "zveřejněno do", EN: "published until"},
	"published-by":    {CS: "Zveřejňuje", EN: "Published by"},
	"state-current":   {CS: "Dokument je vyvěšen na úřední desce.", EN: "The document is on the notice board."},
	"state-archived":  {CS: "Dokument je v archivu: jeho zveřejnění skončilo %s.", EN: "The document is archived: its publication ended on %s."},
	"attachments":     {CS: "Přílohy", EN: "Attachments"},
	"no-attachments":  {CS: "Dokument nemá přílohy.", EN: "The document has no attachments."},
	"open-data":       {CS: "Otevřená data", EN: "Open data"},
	"open-data-ofn":   {CS: "Úřední deska jako otevřená data (JSON-LD, OFN Úřední desky)", EN: "The notice board as open data (JSON-LD, OFN Úřední desky)"},
	"feed":            {CS: "Odběr novinek (Atom)", EN: "News feed (Atom)"},
	"pages":           {CS: "Stránkování", EN: "Pages"},
	"previous":        {CS: "Předchozí strana", EN: "Previous page"},
	"next":            {CS: "Další strana", EN: "Next page"},
	"page-of":         {CS: "Strana %d z %d", EN: "Page %d of %d"},
	"title-page":      {CS: "%s, strana %d", EN: "%s, page %d"},
	"feed-title":      {CS: "Úřední deska: %s", EN: "Official notice board: %s"},

	// The page of a withdrawn notice.
	"withdrawn-title": {CS: "Dokument byl stažen z úřední desky", EN: "The document has been withdrawn from the notice board"},
	"withdrawn-text":  {CS: "Úřad tento dokument stáhl z úřední desky %s. Jeho obsah už není zveřejněn.", EN: "The office withdrew this document from the notice board on %s. Its content is no longer published."},
	"withdrawn-board": {CS: "Přejít na úřední desku", EN: "Go to the notice board"},

	// The editors' screens.
	"staff":                         {CS: "Správa", EN: "Administration"},
	"staff-title":                   {CS: "Správa úřední desky", EN: "Notice board administration"},
	"staff-crumb":                   {CS: "Úřední deska", EN: "Notice board"},
	"staff-intro":                   {CS: "Dokumenty ve všech stavech: koncepty, zveřejněné i stažené. Zveřejněný dokument visí na desce od data vyvěšení do data „zveřejněno do“.", EN: "Documents in every state: drafts, published and withdrawn. A published document is on the board from its posting date to its “published until” date."},
	"staff-new":                     {CS: "Nový dokument", EN: "New document"},
	"staff-filter":                  {CS: "Filtrovat podle stavu", EN: "Filter by state"},
	"staff-state":                   {CS: "Stav", EN: "State"},
	"staff-all-states":              {CS: "Všechny stavy", EN: "All states"},
	"staff-none":                    {CS: "V tomto stavu není žádný dokument.", EN: "There are no documents in this state."},
	"staff-not-dated":               {CS: "Datum vyvěšení: dnem zveřejnění", EN: "Posting date: the day it is published"},
	"new-title":                     {CS: "Nový dokument úřední desky", EN: "New notice board document"},
	"edit-title":                    {CS: "Úprava dokumentu: %s", EN: "Editing: %s"},
	"edit-details":                  {CS: "Údaje dokumentu", EN: "Details of the document"},
	"edit-save":                     {CS: "Uložit změny", EN: "Save the changes"},
	"edit-create":                   {CS: "Uložit jako koncept", EN: "Save as a draft"},
	"edit-new-hint":                 {CS: "Dokument se uloží jako koncept. Přílohy přidáte v dalším kroku a zveřejníte ho, až bude hotový.", EN: "The document is saved as a draft. You add attachments in the next step and publish it when it is ready."},
	"edit-preview":                  {CS: "Náhled dokumentu", EN: "Preview the document"},
	"edit-public":                   {CS: "Zobrazit na úřední desce", EN: "View on the notice board"},
	"label-" + fieldTitle:           {CS: "Název dokumentu", EN: "Title of the document"},
	"label-" + fieldReference:       {CS: "Číslo jednací", EN: "Reference number"},
	"hint-" + fieldReference:        {CS: "Například MěÚK/12345/2026. Nemá-li dokument číslo jednací, nechte pole prázdné.", EN: "For example MěÚK/12345/2026. Leave it empty when the document has none."},
	"label-" + fieldDepartment:      {CS: "Zveřejňuje", EN: "Published by"},
	"hint-" + fieldDepartment:       {CS: "Odbor, který dokument zveřejňuje, nebo jiný úřad, jehož dokument město vyvěšuje, například Odbor majetku města.", EN: "The department publishing the document, or another authority whose document the town posts, e.g. Odbor majetku města."},
	"label-" + fieldCategory:        {CS: "Kategorie", EN: "Category"},
	"hint-" + fieldCategory:         {CS: "Podle kategorie lze desku filtrovat, například Rozpočet a finance, Územní plánování, Volby.", EN: "The board can be filtered by category, e.g. Rozpočet a finance, Územní plánování, Volby."},
	"label-" + fieldPosted:          {CS: "Vyvěšeno dne", EN: "Posted on"},
	"hint-" + fieldPosted:           {CS: "U konceptu můžete nechat prázdné: dokument se vyvěsí dnem zveřejnění. Budoucí datum dokument vyvěsí až v ten den.", EN: "A draft may leave it empty: the document is posted on the day it is published. A future date posts it on that day."},
	"label-" + fieldUntil:           {CS: "Zveřejněno do", EN: "Published until"},
	"hint-" + fieldUntil:            {CS: "Poslední den, kdy dokument visí na desce. Den poté se sám přesune do archivu.", EN: "The last day the document is on the board. The day after, it moves to the archive by itself."},
	"label-" + fieldDescription:     {CS: "Text dokumentu", EN: "Text of the document"},
	"hint-" + fieldDescription:      {CS: "Krátké shrnutí toho, co dokument oznamuje. Odstavce oddělte prázdným řádkem.", EN: "A short summary of what the document announces. Separate paragraphs with a blank line."},
	"label-" + fieldAttachmentFile:  {CS: "Soubor", EN: "File"},
	"hint-" + fieldAttachmentFile:   {CS: "PDF, DOCX, ODT nebo obrázek PNG či JPEG, nejvýše 20 MB.", EN: "PDF, DOCX, ODT or a PNG or JPEG image, at most 20 MB."},
	"label-" + fieldAttachmentTitle: {CS: "Název přílohy (nepovinné)", EN: "Title of the attachment (optional)"},
	"hint-" + fieldAttachmentTitle:  {CS: "Pod tímto názvem se příloha na desce zobrazí. Když ho nevyplníte, použije se název souboru.", EN: "The attachment is shown on the board under this title. When empty, the file's name is used."},
	"attachments-none":              {CS: "Dokument zatím nemá přílohy.", EN: "The document has no attachments yet."},
	"attachment-add":                {CS: "Přidat přílohu", EN: "Add an attachment"},
	"attachment-remove":             {CS: "Odebrat", EN: "Remove"},
	"attachment-remove-of":          {CS: "přílohu %s", EN: "the attachment %s"},

	"error-required-" + fieldTitle:      {CS: "Zadejte název dokumentu.", EN: "Enter the title of the document."},
	"error-required-" + fieldDepartment: {CS: "Zadejte, kdo dokument zveřejňuje.", EN: "Enter who publishes the document."},
	"error-required-" + fieldCategory:   {CS: "Zadejte kategorii dokumentu.", EN: "Enter the category of the document."},
	"error-required-" + fieldPosted:     {CS: "Zveřejněný nebo stažený dokument musí mít datum vyvěšení.", EN: "A published or withdrawn document needs its posting date."},
	"error-required-" + fieldUntil:      {CS: "Zadejte, do kdy je dokument zveřejněn.", EN: "Enter until when the document is published."},
	"error-too-long":                    {CS: "Text je příliš dlouhý: nejvýše %d znaků.", EN: "The text is too long: at most %d characters."},
	"error-date":                        {CS: "Zadejte platné datum, například 2026-11-24.", EN: "Enter a real date, e.g. 2026-11-24."},
	"error-until-before-posted":         {CS: "Datum „zveřejněno do“ nesmí být dříve než datum vyvěšení.", EN: "The “published until” date must not be before the posting date."},
	"error-period-over":                 {CS: "Doba zveřejnění už uplynula: dokument vyvěšený dnes by na desce nebyl ani den. Posuňte datum „zveřejněno do“.", EN: "The publication period is over: posted today, the document would not be on the board for a single day. Move the “published until” date."},
	"error-state-changed":               {CS: "Dokument je teď ve stavu „%s“ a tuto změnu z něj nelze provést. Vyberte jednu z nabízených.", EN: "The document is now in the state “%s”, from which this change is not possible. Choose one of those offered."},
	"upload-missing":                    {CS: "Vyberte soubor, který chcete přiložit.", EN: "Choose the file to attach."},
	"upload-empty":                      {CS: "Vybraný soubor je prázdný.", EN: "The chosen file is empty."},
	"upload-too-large":                  {CS: "Soubor je příliš velký: nejvýše %d MB.", EN: "The file is too large: at most %d MB."},
	"upload-type":                       {CS: "Tento typ souboru nelze přiložit. Přiložte PDF, DOCX, ODT nebo obrázek PNG či JPEG.", EN: "This type of file cannot be attached. Attach a PDF, DOCX, ODT or a PNG or JPEG image."},
	"upload-lying-name":                 {CS: "Přípona v názvu souboru neodpovídá jeho obsahu: soubor je ve skutečnosti %s. Vyberte správný soubor, nebo mu dejte příponu %s.", EN: "The extension of the file's name does not match its content: the file really is %s. Choose the right file, or give it the extension %s."},

	"done-" + doneCreated:           {CS: "Koncept dokumentu je uložen. Přidejte přílohy a dokument zveřejněte.", EN: "The draft is saved. Add the attachments and publish the document."},
	"done-" + doneSaved:             {CS: "Změny jsou uloženy.", EN: "The changes are saved."},
	"done-" + doneAttachmentAdded:   {CS: "Příloha je přidána.", EN: "The attachment is added."},
	"done-" + doneAttachmentRemoved: {CS: "Příloha je odebrána.", EN: "The attachment is removed."},
	"done-published":                {CS: "Dokument je zveřejněn.", EN: "The document is published."},
	"done-withdrawn":                {CS: "Dokument je stažen z úřední desky.", EN: "The document is withdrawn from the notice board."},
	"done-draft":                    {CS: "Dokument je vrácen do konceptu a na desce není vidět.", EN: "The document is back to a draft and is not shown on the board."},
}

// countKey picks the Czech plural form of a count: 1 dokument, 2–4 dokumenty, 5 dokumentů.
func countKey(prefix string, n int) string {
	switch {
	case n == 1:
		return prefix + "-1"
	case n >= 2 && n <= 4:
		return prefix + "-2-4"
	default:
		return prefix + "-5"
	}
}

// fileSize writes a size in bytes as people read it: "850 B", "12,3 kB", "1,2 MB" (decimal
// units, the language's decimal separator).
func fileSize(ctx context.Context, n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d\u00a0B", n)
	}
	value, unit := float64(n)/1e3, "kB"
	if n >= 1e6 {
		value, unit = float64(n)/1e6, "MB"
	}
	s := fmt.Sprintf("%.1f", math.Round(value*10)/10)
	if i18n.FromContext(ctx) == i18n.Czech {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "\u00a0" + unit
}

// fileKind names a file's type by its extension: "PDF", "ODT".
func fileKind(file string) string {
	return strings.ToUpper(strings.TrimPrefix(path.Ext(file), "."))
}
