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
