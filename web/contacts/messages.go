package contacts

import (
	"context"
	"strconv"
	"strings"
	"time"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/web/i18n"
)

// messages are the contacts' texts in Czech and English; the content itself is Czech.
var messages = i18n.Catalogue{
	"title":              {CS: "Kontakty", EN: "Contacts"},
	"intro":              {CS: "Odbory a oddělení městského úřadu, jejich pracovníci a co vyřizují. Najděte, kdo vám pomůže, a kde to jde, objednejte se online.", EN: "The departments of the municipal office, their staff and what they handle. Find who can help you and, where possible, book an appointment online."},
	"search-title":       {CS: "Hledání v kontaktech", EN: "Search the contacts"},
	"search-label":       {CS: "Hledat v kontaktech", EN: "Search the contacts"},
	"search-hint":        {CS: "Jméno, odbor nebo co potřebujete vyřídit, například poplatek za psa, matrika nebo Novák.", EN: "A name, a department or what you need to deal with, in Czech: e.g. poplatek za psa (dog fee), matrika (registry office) or Novák."},
	"search-button":      {CS: "Hledat", EN: "Search"},
	"search-empty":       {CS: "Zadejte, co hledáte: jméno, odbor nebo co potřebujete vyřídit.", EN: "Enter what you are looking for: a name, a department or what you need to deal with."},
	"search-failed":      {CS: "Hledání se nepodařilo", EN: "The search did not work"},
	"error":              {CS: "Chyba:", EN: "Error:"},
	"error-title":        {CS: "Chyba: %s", EN: "Error: %s"},
	"results-for":        {CS: "Výsledky pro „%s“", EN: "Results for “%s”"},
	"results-none":       {CS: "Nic jsme nenašli. Zkuste jiné slovo: co potřebujete vyřídit (třeba „poplatek za psa“), název odboru nebo příjmení.", EN: "Nothing found. Try another word: what you need to deal with (e.g. “poplatek za psa”), a department's name or a surname."},
	"booking-title":      {CS: "Objednání na úřad", EN: "Appointments at the office"},
	"booking-intro":      {CS: "Na tyto úkony se můžete objednat online na konkrétní čas a nečekat ve frontě. Ostatní vyřídíte bez objednání v úředních hodinách.", EN: "For these matters you can book a time online and skip the queue. Everything else is dealt with without an appointment during office hours."},
	"all-contacts":       {CS: "Všechny kontakty a úřední hodiny", EN: "All contacts and office hours"},
	"hours-title":        {CS: "Úřední hodiny", EN: "Office hours"},
	"hours-changes":      {CS: "Změny úředních hodin", EN: "Changes to the office hours"},
	"closed":             {CS: "zavřeno", EN: "closed"},
	"departments-title":  {CS: "Odbory a oddělení", EN: "Departments"},
	"agendas-title":      {CS: "Co vyřizujeme", EN: "What we handle"},
	"people-title":       {CS: "Pracovníci", EN: "Staff"},
	"found-people":       {CS: "Lidé", EN: "People"},
	"subdepartments":     {CS: "Oddělení", EN: "Sections"},
	"department-agendas": {CS: "Co vyřizuje", EN: "What it handles"},
	"person-agendas":     {CS: "Vyřizuje", EN: "Handles"},
	"person-hours":       {CS: "Vlastní úřední hodiny", EN: "Own office hours"},
	"who-handles":        {CS: "Kdo to vyřizuje", EN: "Who handles it"},
	"handled-by":         {CS: "Vyřizuje", EN: "Handled by"},
	"book":               {CS: "Objednat se online", EN: "Book an appointment online"},
	"book-where":         {CS: "v rezervačním systému města", EN: "in the town's booking system"},
	"vcard":              {CS: "Uložit kontakt (vCard)", EN: "Save the contact (vCard)"},
	"phone":              {CS: "Telefon", EN: "Phone"},
	"mobile":             {CS: "Mobil", EN: "Mobile"},
	"email":              {CS: "E-mail", EN: "E-mail"},
	"room":               {CS: "Kancelář", EN: "Room"},
	"location":           {CS: "Umístění", EN: "Location"},
	"address":            {CS: "Adresa", EN: "Address"},
	"department":         {CS: "Útvar", EN: "Department"},
	"status-open":        {CS: "Nyní otevřeno, zavírá %s", EN: "Open now, closes %s"},
	"status-opens-today": {CS: "Nyní zavřeno, otevírá dnes %s", EN: "Closed now, opens today %s"},
	"status-opens-tmrw":  {CS: "Nyní zavřeno, otevírá zítra %s", EN: "Closed now, opens tomorrow %s"},
	"status-opens-on":    {CS: "Nyní zavřeno, otevírá %s %s", EN: "Closed now, opens %s %s"},
	"status-closed":      {CS: "Nyní zavřeno", EN: "Closed now"},
	"at":                 {CS: "v %s", EN: "at %s"},
	"at-ve":              {CS: "ve %s", EN: "at %s"},
	"on-date":            {CS: "%s", EN: "on %s"},
	"on-0":               {CS: "v neděli", EN: "on Sunday"},
	"on-1":               {CS: "v pondělí", EN: "on Monday"},
	"on-2":               {CS: "v úterý", EN: "on Tuesday"},
	"on-3":               {CS: "ve středu", EN: "on Wednesday"},
	"on-4":               {CS: "ve čtvrtek", EN: "on Thursday"},
	"on-5":               {CS: "v pátek", EN: "on Friday"},
	"on-6":               {CS: "v sobotu", EN: "on Saturday"},
	"day-0":              {CS: "neděle", EN: "Sunday"},
	"day-1":              {CS: "pondělí", EN: "Monday"},
	"day-2":              {CS: "úterý", EN: "Tuesday"},
	"day-3":              {CS: "středa", EN: "Wednesday"},
	"day-4":              {CS: "čtvrtek", EN: "Thursday"},
	"day-5":              {CS: "pátek", EN: "Friday"},
	"day-6":              {CS: "sobota", EN: "Saturday"},
}

// t is the message key in the language of ctx.
func t(ctx context.Context, key string, args ...any) string { return messages.T(ctx, key, args...) }

// StatusText says the office's status in the language of ctx: "Nyní otevřeno, zavírá v 11:30",
// "Nyní zavřeno, otevírá v pondělí v 8:00"; "" when the office publishes no hours.
func StatusText(ctx context.Context, s Status) string {
	switch {
	case !s.Known:
		return ""
	case s.Open:
		return t(ctx, "status-open", at(ctx, s.Closes))
	case s.OpensOn.IsZero():
		return t(ctx, "status-closed")
	case s.InDays == 0:
		return t(ctx, "status-opens-today", at(ctx, s.Opens))
	case s.InDays == 1:
		return t(ctx, "status-opens-tmrw", at(ctx, s.Opens))
	case s.InDays < 7:
		return t(ctx, "status-opens-on", t(ctx, "on-"+strconv.Itoa(int(s.OpensOn.Weekday()))), at(ctx, s.Opens))
	default:
		return t(ctx, "status-opens-on", t(ctx, "on-date", i18n.Date(ctx, s.OpensOn)), at(ctx, s.Opens))
	}
}

// at is "at the time": Czech says "ve" before the hours whose names begin with two consonants
// (dvě, tři, čtyři, dvanáct, třináct, čtrnáct, dvacet…): "v 8:00", "ve 12:30".
func at(ctx context.Context, c contactfiles.Clock) string {
	switch c / 60 {
	case 2, 3, 4, 12, 13, 14, 20, 21, 22, 23:
		return t(ctx, "at-ve", c)
	}
	return t(ctx, "at", c)
}

// dayName is the weekday's name, "pondělí"; capitalised, "Pondělí", for a list's heads.
func dayName(ctx context.Context, d time.Weekday, capitalised bool) string {
	name := t(ctx, "day-"+strconv.Itoa(int(d)))
	if capitalised {
		r := []rune(name)
		return strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return name
}

// intervalsText writes hours as timetables do: "8:00–11:30, 12:30–17:00"; closed when none.
func intervalsText(ctx context.Context, hours []contactfiles.Interval) string {
	if len(hours) == 0 {
		return t(ctx, "closed")
	}
	parts := make([]string, len(hours))
	for i, in := range hours {
		parts[i] = in.Opens.String() + "–" + in.Closes.String()
	}
	return strings.Join(parts, ", ")
}
