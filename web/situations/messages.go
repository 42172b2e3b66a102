package situations

import (
	"context"

	"github.com/radnice/radnice/web/i18n"
)

// msg holds the life situations' own words; the situations themselves are Czech content.
var msg = i18n.Catalogue{
	"title": {CS: "Životní situace", EN: "Life situations"},
	"intro": {
		CS: "Co dělat, když se stěhujete, pořizujete psa, čekáte dítě nebo pořádáte akci: u každé situace najdete, co si připravit, kolik to stojí, jaké jsou lhůty, co vyřídíte online a kdo vám na úřadě pomůže.",
		EN: "What to do when you move house, get a dog, have a baby or organise an event: for each situation you find what to prepare, what it costs, the deadlines, what you can do online and who at the office helps you.",
	},
	"in-czech":      {EN: "The life situations are written in Czech."},
	"search-label":  {CS: "Hledat životní situaci", EN: "Search the life situations"},
	"search-hint":   {CS: "Například pes, stěhování, svatba nebo kácení stromu.", EN: "In Czech, for example pes (dog), stěhování (moving house) or svatba (wedding)."},
	"search-button": {CS: "Hledat", EN: "Search"},
	"search-title":  {CS: "Hledání „%s“", EN: "Search for “%s”"},
	"results":       {CS: "Výsledky hledání", EN: "Search results"},
	"found-one":     {CS: "Pro „%[1]s“ jsme našli jednu životní situaci.", EN: "We found one life situation for “%[1]s”."},
	"found-few":     {CS: "Pro „%[1]s“ jsme našli %[2]d životní situace.", EN: "We found %[2]d life situations for “%[1]s”."},
	"found-many":    {CS: "Pro „%[1]s“ jsme našli %[2]d životních situací.", EN: "We found %[2]d life situations for “%[1]s”."},
	"found-none":    {CS: "Pro „%s“ jsme nic nenašli. Zkuste jiné slovo, nebo vyberte z kategorií níže.", EN: "We found nothing for “%s”. Try another word, or choose from the categories below."},
	"by-category":   {CS: "Podle kategorií", EN: "By category"},
	"count-one":     {CS: "%d situace", EN: "%d situation"},
	"count-few":     {CS: "%d situace", EN: "%d situations"},
	"count-many":    {CS: "%d situací", EN: "%d situations"},
	"contents":      {CS: "Na této stránce", EN: "On this page"},
	"sec-about":     {CS: "Co to je", EN: "What it is"},
	"sec-audience":  {CS: "Koho se týká", EN: "Who it concerns"},
	"sec-prepare":   {CS: "Co si připravit", EN: "What to prepare"},
	"sec-fees":      {CS: "Poplatky", EN: "Fees"},
	"sec-deadlines": {CS: "Lhůty", EN: "Deadlines"},
	"sec-online":    {CS: "Jak to vyřídit online", EN: "How to do it online"},
	"sec-videos":    {CS: "Videonávody", EN: "Video guides"},
	"sec-handling":  {CS: "Kdo to vyřizuje", EN: "Who handles it"},
	"sec-laws":      {CS: "Právní předpisy", EN: "Legal basis"},
	"sec-updated":   {CS: "Poslední aktualizace", EN: "Last updated"},
	"forms":         {CS: "Formuláře", EN: "Forms"},
	"soon":          {CS: "připravujeme", EN: "coming soon"},
	"agenda-link":   {CS: "Kontakty, úřední hodiny a objednání", EN: "Contacts, office hours and appointments"},
}

// countText is the message key-one, key-few or key-many that suits n in the language of ctx,
// formatted with args: Czech says "1 situace", "3 situace", "5 situací".
func countText(ctx context.Context, key string, n int, args ...any) string {
	form := "-many"
	switch {
	case n == 1:
		form = "-one"
	case n >= 2 && n <= 4:
		form = "-few"
	}
	return msg.T(ctx, key+form, args...)
}
