package forms

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

// msg holds the forms' own words; the forms themselves are Czech content.
var msg = i18n.Catalogue{
	"title": {CS: "Formuláře", EN: "Forms"},
	"intro": {
		CS: "Podání, žádosti a ohlášení, která vyřídíte elektronicky, bez cesty na úřad a bez podpisu. Po přihlášení přes Identitu občana formulář předvyplníme a stav podání uvidíte ve svém účtu.",
		EN: "Applications, requests and notifications you can make electronically, without a visit to the office and without a signature. Log in with your Czech eID and we prefill the form, and you follow your submission in your account.",
	},
	"in-czech":      {EN: "The forms are in Czech."},
	"search-label":  {CS: "Hledat formulář", EN: "Search the forms"},
	"search-hint":   {CS: "Například pes, odpad, parkování nebo kácení.", EN: "In Czech, for example pes (dog), odpad (waste) or parkování (parking)."},
	"search-button": {CS: "Hledat", EN: "Search"},
	"search-title":  {CS: "Hledání „%s“", EN: "Search for “%s”"},
	"results":       {CS: "Výsledky hledání", EN: "Search results"},
	"found-one":     {CS: "Pro „%[1]s“ jsme našli jeden formulář.", EN: "We found one form for “%[1]s”."},
	"found-few":     {CS: "Pro „%[1]s“ jsme našli %[2]d formuláře.", EN: "We found %[2]d forms for “%[1]s”."},
	"found-many":    {CS: "Pro „%[1]s“ jsme našli %[2]d formulářů.", EN: "We found %[2]d forms for “%[1]s”."},
	"found-none":    {CS: "Pro „%s“ jsme žádný formulář nenašli. Zkuste jiné slovo, nebo vyberte z témat níže.", EN: "We found no form for “%s”. Try another word, or choose from the topics below."},
	"by-topic":      {CS: "Podle témat", EN: "By topic"},
	"other-forms":   {CS: "Další formuláře", EN: "Other forms"},
	"anonymous":     {CS: "Lze podat i bez přihlášení", EN: "Can be filed without logging in"},

	"need":            {CS: "Co budete potřebovat", EN: "What you need"},
	"need-steps-one":  {CS: "Formulář má jednu stránku.", EN: "The form has one page."},
	"need-steps":      {CS: "Formulář má %d kroky: %s.", EN: "The form has %d steps: %s."},
	"need-steps-many": {CS: "Formulář má %d kroků: %s.", EN: "The form has %d steps: %s."},
	"need-file":       {CS: "%s (%s)", EN: "%s (%s)"},
	"need-files":      {CS: "Přílohy, které můžete přiložit jako soubor:", EN: "Attachments you can add as files:"},
	"need-login":      {CS: "Přihlášení přes Identitu občana (eObčanka, bankovní identita nebo Mobilní klíč eGovernmentu).", EN: "Logging in with the Czech eID (identity card, bank identity or the Mobilní klíč eGovernmentu app)."},
	"need-saved":      {CS: "Rozpracovaný formulář se ukládá po každém kroku, můžete se k němu vrátit později.", EN: "The form is saved after every step: you can come back to it later."},
	"legal":           {CS: "Právní předpis", EN: "Legal basis"},
	"handled-by":      {CS: "Kdo podání vyřizuje", EN: "Who handles it"},
	"fill-in":         {CS: "Vyplnit formulář", EN: "Fill in the form"},
	"draft-since":     {CS: "Máte rozpracovaný formulář, naposledy uložený %s.", EN: "You have started this form; it was last saved on %s."},
	"resume":          {CS: "Pokračovat ve vyplňování", EN: "Continue filling in"},
	"start-again":     {CS: "Začít znovu", EN: "Start again"},
	"start-again-hint": {
		CS: "Rozpracované odpovědi a přiložené soubory se smažou.",
		EN: "The answers and files so far are deleted.",
	},
	"prefilled":          {CS: "Údaje z vaší elektronické identity a z vašeho účtu do formuláře předvyplníme.", EN: "We prefill the form with what your eID and your account state."},
	"log-in-fill":        {CS: "Přihlásit se a vyplnit", EN: "Log in and fill in"},
	"log-in-why":         {CS: "Po přihlášení formulář předvyplníme a podání uvidíte ve svém účtu.", EN: "Once you log in, we prefill the form and you follow your submission in your account."},
	"fill-anonymously":   {CS: "Vyplnit bez přihlášení", EN: "Fill in without logging in"},
	"anonymous-how":      {CS: "Podání pak potvrdíte odkazem, který vám přijde e-mailem.", EN: "You then confirm your submission with a link we send by e-mail."},
	"log-in-needed":      {CS: "Tento formulář lze podat jen po přihlášení, aby úřad věděl, kdo podání činí.", EN: "This form can only be filed once you log in, so that the office knows who files it."},
	"step-of":            {CS: "Krok %d %s %d", EN: "Step %d of %[3]d"},
	"save-continue":      {CS: "Uložit a pokračovat", EN: "Save and continue"},
	"refresh":            {CS: "Aktualizovat formulář", EN: "Update the form"},
	"refresh-hint":       {CS: "Některé otázky závisí na vašich odpovědích. Bez JavaScriptu je zobrazíte tlačítkem Aktualizovat formulář.", EN: "Some questions depend on your answers. Without JavaScript, show them with the Update the form button."},
	"back":               {CS: "Zpět na předchozí krok", EN: "Back to the previous step"},
	"saved-note":         {CS: "Odpovědi se ukládají po každém kroku. Formulář můžete opustit a dokončit později.", EN: "Your answers are saved after every step. You can leave the form and finish it later."},
	"answers":            {CS: "Odpovědi", EN: "Answers"},
	"choose":             {CS: "Vyberte…", EN: "Choose…"},
	"row":                {CS: "%s %d", EN: "%s %d"},
	"remove":             {CS: "Odebrat", EN: "Remove"},
	"add":                {CS: "Přidat další", EN: "Add another"},
	"address-search":     {CS: "Vyhledat adresu", EN: "Search for the address"},
	"address-hint":       {CS: "Napište ulici a číslo domu nebo část obce a číslo popisné, například Štefánikova 12.", EN: "Type the street and house number, or the part of town and building number, for example Štefánikova 12."},
	"address-find":       {CS: "Najít adresu", EN: "Find the address"},
	"address-pick":       {CS: "Vyberte adresu ze seznamu:", EN: "Pick the address from the list:"},
	"address-no":         {CS: "Adresu neuvádím", EN: "I give no address"},
	"address-none":       {CS: "Žádnou adresu jsme nenašli. Zkontrolujte číslo domu nebo zkuste jen název ulice.", EN: "We found no address. Check the house number or try just the street name."},
	"file-kept":          {CS: "Ponechat přiložený soubor %s", EN: "Keep the attached file %s"},
	"person-rc-hint":     {CS: "Rodné číslo najdete v občanském průkazu, například 850412/1330.", EN: "You find the birth number (rodné číslo) in the identity card, for example 850412/1330."},
	"upload-empty":       {CS: "Soubor „%s“ je prázdný. Vyberte jiný.", EN: "The file “%s” is empty. Choose another."},
	"upload-lying-name":  {CS: "Soubor „%s“ je podle svého obsahu %s, jeho název ale ukazuje na jiný typ. Přejmenujte ho, nebo vyberte jiný soubor.", EN: "By its content, the file “%s” is %s, but its name says another type. Rename it or choose another file."},
	"check-title":        {CS: "Zkontrolujte své odpovědi", EN: "Check your answers"},
	"check-problems":     {CS: "Některé odpovědi chybí nebo nejsou v pořádku", EN: "Some answers are missing or wrong"},
	"not-given":          {CS: "Neuvedeno", EN: "Not given"},
	"change":             {CS: "Změnit", EN: "Change"},
	"send":               {CS: "Odeslání", EN: "Sending"},
	"send-logged-in":     {CS: "Podání odejde přímo na úřad. Potvrzení pošleme na váš e-mail a podání najdete ve svém účtu v části Moje podání.", EN: "The submission goes straight to the office. We send a confirmation to your e-mail, and you find the submission in your account under Moje podání."},
	"send-anonymous":     {CS: "Po odeslání vám na e-mail %s pošleme odkaz. Úřad podání přijme, až jím podání potvrdíte.", EN: "Once you send it, we e-mail a link to %s. The office receives the submission once you confirm it with that link."},
	"send-button":        {CS: "Odeslat podání", EN: "Send"},
	"send-fix-first":     {CS: "Podání odešlete, až budou všechny odpovědi v pořádku.", EN: "You can send the submission once all answers are right."},
	"receipt-title":      {CS: "Podání bylo odesláno", EN: "Your submission has been sent"},
	"receipt-confirm":    {CS: "Potvrďte podání odkazem v e-mailu", EN: "Confirm your submission with the link in the e-mail"},
	"receipt-number":     {CS: "Číslo podání", EN: "Submission number"},
	"form":               {CS: "Formulář", EN: "Form"},
	"sent-at":            {CS: "Odesláno", EN: "Sent"},
	"applicant":          {CS: "Podatel", EN: "Filed by"},
	"status":             {CS: "Stav", EN: "Status"},
	"status-unconfirmed": {CS: "Čeká na potvrzení e-mailem", EN: "Waiting for the confirmation by e-mail"},
	"status-submitted":   {CS: "Podáno", EN: "Submitted"},
	"status-accepted":    {CS: "Přijato", EN: "Accepted"},
	"status-in_progress": {CS: "V řešení", EN: "In progress"},
	"status-resolved":    {CS: "Vyřízeno", EN: "Resolved"},
	"status-rejected":    {CS: "Zamítnuto", EN: "Rejected"},
	"next":               {CS: "Co bude dál", EN: "What happens next"},
	"next-submitted":     {CS: "Úřad podání přijme a přidělí mu číslo jednací. O přijetí a o každé další změně vás budeme informovat e-mailem na %s.", EN: "The office accepts the submission and gives it a reference number. We tell you of that and of every later change by e-mail to %s."},
	"next-account":       {CS: "Stav podání a zprávy z úřadu najdete ve svém účtu v části Moje podání.", EN: "You find the status of the submission and messages from the office in your account under Moje podání."},
	"my-submissions":     {CS: "Moje podání", EN: "My submissions"},
	"next-unconfirmed":   {CS: "Na e-mail %s jsme poslali odkaz k potvrzení. Úřad podání přijme, až ho otevřete a podání potvrdíte. Nepřijde-li e-mail do několika minut, podívejte se do složky s nevyžádanou poštou.", EN: "We have sent a link to %s. The office receives the submission once you open it and confirm. If the e-mail does not arrive within a few minutes, look in your spam folder."},
	"quote-number":       {CS: "Při jednání s úřadem uvádějte číslo podání.", EN: "Quote the submission number when dealing with the office."},
	"confirmation":       {CS: "Potvrzení o podání", EN: "Confirmation of the submission"},
	"print":              {CS: "Potvrzení k vytištění", EN: "Printable confirmation"},
	"download":           {CS: "Stáhnout potvrzení", EN: "Download the confirmation"},
	"print-hint":         {CS: "Potvrzení vytisknete nebo uložíte jako PDF příkazem Tisk ve svém prohlížeči.", EN: "Print the confirmation, or save it as PDF, with your browser's Print command."},
	"contents":           {CS: "Obsah podání", EN: "Contents of the submission"},
	"confirm-title":      {CS: "Potvrzení podání", EN: "Confirming the submission"},
	"confirm-ask":        {CS: "Potvrďte, že podání chcete odeslat úřadu. Teprve potom ho úřad přijme k vyřízení.", EN: "Confirm that you want to send the submission to the office. Only then does the office take it up."},
	"confirm-button":     {CS: "Potvrdit podání", EN: "Confirm"},
	"confirmed-title":    {CS: "Podání je potvrzené", EN: "Your submission is confirmed"},
	"confirmed-text":     {CS: "Děkujeme. Úřad podání přijal pod číslem %s.", EN: "Thank you. The office has received the submission under the number %s."},
	"confirmed-show":     {CS: "Zobrazit podání", EN: "Show the submission"},
	"used-title":         {CS: "Podání už je potvrzené", EN: "The submission is already confirmed"},
	"used-text":          {CS: "Tento odkaz už byl použit a podání má úřad k vyřízení. Další potvrzení není potřeba.", EN: "This link has been used: the office already has the submission. No further confirmation is needed."},
}

// content are the words the portal adds to a form's own Czech texts, Czech on English pages
// too: they are marked Czech with them.
var content = i18n.Catalogue{
	"optional":  {CS: " (nepovinné)"},
	"file-hint": {CS: "Soubor %s, nejvýše %s."},
}

// countText is the message key-one, key-few or key-many that suits n in the language of ctx,
// formatted with args: Czech says "1 formulář", "3 formuláře", "5 formulářů".
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

// stepsText says how many steps a form has, and which.
func stepsText(ctx context.Context, steps []formdefs.Step) string {
	if len(steps) == 1 {
		return msg.T(ctx, "need-steps-one")
	}
	titles := make([]string, len(steps))
	for i, s := range steps {
		titles[i] = s.Title
	}
	key := "need-steps"
	if len(steps) >= 5 {
		key = "need-steps-many"
	}
	return msg.T(ctx, key, len(steps), strings.Join(titles, ", "))
}

// fileHint says what files a file field takes: "Soubor PDF, JPG, PNG, nejvýše 5 MB."
func fileHint(f *formdefs.Field) string {
	return content.In(i18n.Czech, "file-hint", fileKinds(f), sizeText(f.MaxSize))
}

// fileKinds are the kinds of file a file field takes: "PDF, JPG, PNG".
func fileKinds(f *formdefs.Field) string {
	return strings.ToUpper(strings.Join(f.Accept, ", "))
}

// sizeText writes a file field's size limit, whole kilo- or megabytes: "5 MB", "500 kB".
func sizeText(n int64) string {
	if n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + "\u00a0MB"
	}
	return strconv.FormatInt(n>>10, 10) + "\u00a0kB"
}

// dateTime writes when something happened, in Prague: "24. listopadu 2026, 9:15".
func dateTime(ctx context.Context, t time.Time) string {
	t = t.In(geo.Prague)
	return i18n.Date(ctx, t) + ", " + fmt.Sprintf("%d:%02d", t.Hour(), t.Minute())
}

// stepOf says which step of how many: "Krok 2 ze 4", "Step 2 of 4".
func stepOf(ctx context.Context, i, n int) string {
	return msg.T(ctx, "step-of", i, fromPreposition(n), n)
}

// fromPreposition is the Czech "z" as it is said before the number n (in the genitive):
// "ze" before the words that start with s, š, d, t or č ("ze dvou", "ze šesti", "ze sedmi").
func fromPreposition(n int) string {
	lead := n
	if n >= 20 && n < 100 {
		lead = n / 10
	}
	switch {
	case n >= 100, slices.Contains([]int{2, 3, 4, 6, 7, 12, 13, 14, 16, 17}, lead):
		return "ze"
	}
	return "z"
}

// statusText is a submission's status in words.
func statusText(ctx context.Context, status string) string {
	return msg.T(ctx, "status-"+status)
}
