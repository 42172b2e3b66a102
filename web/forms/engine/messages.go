package engine

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/i18n"
)

// msg are the engine's texts: %[1]s is the field's label, %[2]s what the error quotes.
var msg = i18n.Catalogue{
	"required":    {CS: "Vyplňte pole „%[1]s“.", EN: "Fill in “%[1]s”."},
	"choose":      {CS: "Vyberte jednu z možností v poli „%[1]s“.", EN: "Choose one of the options for “%[1]s”."},
	"choose-some": {CS: "Zaškrtněte alespoň jednu možnost v poli „%[1]s“.", EN: "Tick at least one option for “%[1]s”."},
	"consent":     {CS: "Zaškrtněte pole „%[1]s“.", EN: "Tick “%[1]s”."},
	"address":     {CS: "Vyhledejte a vyberte adresu v poli „%[1]s“.", EN: "Search for and pick the address for “%[1]s”."},
	"attach":      {CS: "Přiložte soubor v poli „%[1]s“.", EN: "Attach a file for “%[1]s”."},
	"option":      {CS: "V poli „%[1]s“ vyberte jednu z nabízených možností.", EN: "For “%[1]s”, choose one of the options offered."},
	"too-short":   {CS: "Pole „%[1]s“ musí mít alespoň %[2]s.", EN: "“%[1]s” needs at least %[2]s."},
	"too-long":    {CS: "Pole „%[1]s“ může mít nejvýše %[2]s.", EN: "“%[1]s” can have at most %[2]s."},
	"pattern":     {CS: "Pole „%[1]s“ nemá správný tvar, zkontrolujte ho podle nápovědy.", EN: "“%[1]s” is not in the right form: check it against the hint."},
	"number":      {CS: "Do pole „%[1]s“ zadejte číslo, například 12 nebo 12,5.", EN: "Enter a number for “%[1]s”, like 12 or 12.5."},
	"number-min":  {CS: "Číslo v poli „%[1]s“ musí být alespoň %[2]s.", EN: "“%[1]s” must be at least %[2]s."},
	"number-max":  {CS: "Číslo v poli „%[1]s“ může být nejvýše %[2]s.", EN: "“%[1]s” can be at most %[2]s."},
	"money":       {CS: "Do pole „%[1]s“ zadejte částku v korunách, například 1 234,50.", EN: "Enter an amount in crowns for “%[1]s”, like 1234.50."},
	"money-min":   {CS: "Částka v poli „%[1]s“ musí být alespoň %[2]s.", EN: "“%[1]s” must be at least %[2]s."},
	"money-max":   {CS: "Částka v poli „%[1]s“ může být nejvýše %[2]s.", EN: "“%[1]s” can be at most %[2]s."},
	"date":        {CS: "Do pole „%[1]s“ zadejte skutečné datum, například 12. 4. 1985.", EN: "Enter a real date for “%[1]s”, like 12. 4. 1985."},
	"date-past":   {CS: "Datum v poli „%[1]s“ musí být v minulosti.", EN: "“%[1]s” must be in the past."},
	"date-future": {CS: "Datum v poli „%[1]s“ musí být v budoucnosti.", EN: "“%[1]s” must be in the future."},
	"date-min":    {CS: "Datum v poli „%[1]s“ nesmí být dřívější než %[2]s.", EN: "“%[1]s” cannot be earlier than %[2]s."},
	"date-max":    {CS: "Datum v poli „%[1]s“ nesmí být pozdější než %[2]s.", EN: "“%[1]s” cannot be later than %[2]s."},
	"email":       {CS: "Do pole „%[1]s“ zadejte e-mail ve tvaru jmeno@example.cz.", EN: "Enter an e-mail address like name@example.com for “%[1]s”."},
	"phone":       {CS: "Do pole „%[1]s“ zadejte telefonní číslo o devíti číslicích, případně s předvolbou, například +420 731 123 456.", EN: "Enter a nine-digit phone number, or one with its country code like +420 731 123 456, for “%[1]s”."},
	"ico":         {CS: "IČO v poli „%[1]s“ není platné: má osm číslic a poslední z nich je kontrolní. Opište ho z obchodního nebo živnostenského rejstříku.", EN: "“%[1]s” is not a valid company ID (IČO): it has eight digits, the last a check digit. Copy it from the business register."},
	"bankaccount": {CS: "Číslo účtu v poli „%[1]s“ není platné. Zapište ho ve tvaru předčíslí-číslo/kód banky, například 19-2000145399/0800.", EN: "“%[1]s” is not a valid Czech account number. Write it as prefix-number/bank code, like 19-2000145399/0800."},
	"bank-code":   {CS: "Kód banky %[2]s v poli „%[1]s“ neexistuje, zkontrolujte čtyři číslice za lomítkem.", EN: "There is no bank with the code %[2]s (“%[1]s”): check the four digits after the slash."},
	"postcode":    {CS: "Do pole „%[1]s“ zadejte PSČ o pěti číslicích, například 742 21.", EN: "Enter a five-digit postcode for “%[1]s”, like 742 21."},
	"rc":          {CS: "Rodné číslo v poli „%[1]s“ není platné. Opište ho z občanského průkazu i s číslicemi za lomítkem.", EN: "The birth number in “%[1]s” is not valid. Copy it from the identity card, digits after the slash included."},
	"file-type":   {CS: "Soubor v poli „%[1]s“ musí být typu %[2]s.", EN: "The file for “%[1]s” must be %[2]s."},
	"file-size":   {CS: "Soubor v poli „%[1]s“ může mít nejvýše %[2]s.", EN: "The file for “%[1]s” can be %[2]s at most."},
	"rows-min":    {CS: "Vyplňte alespoň %[2]s „%[1]s“.", EN: "Fill in at least %[2]s of “%[1]s”."},
	"rows-max":    {CS: "„%[1]s“ může mít nejvýše %[2]s.", EN: "“%[1]s” can have at most %[2]s."},

	"part-given":  {CS: "Jméno", EN: "Given name"},
	"part-family": {CS: "Příjmení", EN: "Family name"},
	"part-birth":  {CS: "Datum narození", EN: "Date of birth"},
	"part-rc":     {CS: "Rodné číslo", EN: "Birth number (rodné číslo)"},

	"chars-1":   {CS: "%d znak", EN: "%d character"},
	"chars-2":   {CS: "%d znaky", EN: "%d characters"},
	"chars-5":   {CS: "%d znaků", EN: "%d characters"},
	"entries-1": {CS: "%d záznam", EN: "%d entry"},
	"entries-2": {CS: "%d záznamy", EN: "%d entries"},
	"entries-5": {CS: "%d záznamů", EN: "%d entries"},
	"or":        {CS: "nebo", EN: "or"},
}

// PartLabel is the label of a person's part ("given", "family", "birth", "rc") in lang.
func PartLabel(lang i18n.Lang, part string) string {
	return msg.In(lang, "part-"+part)
}

// Message is the error's text in lang: "Vyplňte pole „Jméno psa“.", and for a group's row
// or a person's part with where it is in front: "Pes 2: vyplňte pole „Jméno psa“.",
// "Držitel psa: vyplňte pole „Příjmení“.".
func (e FieldError) Message(lang i18n.Lang) string {
	label := strings.TrimSuffix(e.Label, ".") // a sentence quoted in a sentence ends once
	var where []string
	if e.Group != "" {
		where = append(where, e.Group)
	}
	if e.Part != "" {
		where = append(where, e.Label)
		label = PartLabel(lang, e.Part)
	}
	text := msg.In(lang, e.Code, label, e.arg(lang))
	if len(where) == 0 {
		return text
	}
	return strings.Join(where, ", ") + ": " + lowerFirst(text)
}

// arg is what the message quotes, written for lang.
func (e FieldError) arg(lang i18n.Lang) string {
	ctx := i18n.WithLang(context.Background(), lang)
	switch e.Code {
	case "too-short", "too-long":
		return counted(lang, "chars", e.Arg)
	case "rows-min", "rows-max":
		return counted(lang, "entries", e.Arg)
	case "number-min", "number-max":
		if lang == i18n.Czech {
			return strings.Replace(e.Arg, ".", ",", 1)
		}
	case "money-min", "money-max":
		h, _ := parseMoney(e.Arg)
		return i18n.Money(ctx, h)
	case "date-min", "date-max":
		d, _ := time.Parse(time.DateOnly, e.Arg)
		return i18n.ShortDate(ctx, d)
	case "file-size":
		n, _ := strconv.ParseInt(e.Arg, 10, 64)
		return fileSize(n)
	case "file-type":
		names := strings.Split(strings.ToUpper(e.Arg), ",")
		if len(names) == 1 {
			return names[0]
		}
		return strings.Join(names[:len(names)-1], ", ") + " " + msg.In(lang, "or") + " " + names[len(names)-1]
	}
	return e.Arg
}

// counted writes n things of the kind unit ("chars", "entries") with the plural of lang:
// in Czech 1 znak, 2 až 4 znaky, 5 a více znaků.
func counted(lang i18n.Lang, unit, n string) string {
	i, _ := strconv.Atoi(n)
	form := "5"
	switch {
	case i == 1:
		form = "1"
	case i >= 2 && i <= 4:
		form = "2"
	}
	return msg.In(lang, unit+"-"+form, i)
}

// fileSize writes a size in bytes as people read it: "5 MB", "500 kB", "1,2 MB".
func fileSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "\u00a0MB"
	case n >= 1<<20:
		return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + "\u00a0MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+1<<9)>>10, 10) + "\u00a0kB"
	}
	return strconv.FormatInt(n, 10) + "\u00a0B"
}

// lowerFirst is s with its first letter in lower case, unless it starts an abbreviation ("IČO").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// fileTypeName is the name people know a media type by: "PDF", "JPG".
func fileTypeName(mediaType string) string {
	for _, t := range formdefs.FileTypes {
		if t.MediaType == mediaType {
			return strings.ToUpper(t.Name)
		}
	}
	return mediaType
}
