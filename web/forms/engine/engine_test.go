package engine_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
)

// testForm has a field of every type, over three steps.
const testForm = `Slug: zkouska
Title: Žádost o pronájem pozemku
Agenda: majetek
Summary: Zkušební formulář se všemi druhy polí.

## Žadatel
- holder: person "Žadatel" required prefill
- child: person "Dítě" birthnumber
- email: email "E-mail" required prefill=email
- phone: phone "Telefon" prefill=phone
- residence: address "Adresa trvalého pobytu" required prefill=address
- born: date "Datum narození" prefill=birthdate past

## Žádost
- kind: radio "Druh žádosti" required options="pronajem=Pronájem|prodej=Prodej"
- area: number "Výměra v m²" required min=1 max=10000
- rent: money "Nabízené nájemné" required if="kind=pronajem" min=100 max=100000
- company: ico "IČO"
- account: bankaccount "Číslo účtu pro vrácení přeplatku"
- postcode: postcode "PSČ"
- services: checkbox "Služby" options="voda=Voda|elektrina=Elektřina|plyn=Plyn"
- gas_meter: text "Číslo plynoměru" if="services=plyn"
- district: select "Místní část" options="koprivnice=Kopřivnice|lubina=Lubina|mnisi=Mniší"
- start: date "Začátek nájmu" required future max=2027-12-31
- note: text "Poznámka" max=20 pattern="^[^<>]*$"
- reason: longtext "Zdůvodnění" required min=10 if="kind"
- plan: file "Situační plánek" accept="pdf,png" maxsize=1MB

## Psi
- dogs: group "Pes" min=1 max=3
  - name: text "Jméno psa" required max=30
  - chipped: radio "Čipovaný" required options="ano=Ano|ne=Ne"
  - chip: text "Číslo čipu" required if="chipped=ano" pattern="^[0-9]{15}$"
  - photo: file "Fotografie" accept="jpg,png"
- agree: consent "Potvrzuji pravdivost údajů" required
`

var today = time.Date(2026, 11, 24, 15, 30, 0, 0, time.UTC)

func definition(t *testing.T) *formdefs.Definition {
	t.Helper()
	def, err := formdefs.Parse("zkouska.txt", []byte(testForm))
	if err != nil {
		t.Fatal(err)
	}
	return def
}

var (
	applicant = url.Values{
		"holder.given": {" Jana "}, "holder.family": {"Nováková"}, "holder.birth": {"12. 4. 1985"},
		"child.given": {"Eliška"}, "child.family": {"Nováková"}, "child.rc": {"1951010116"},
		"email": {"Jana.Novakova@Example.cz"}, "phone": {"731 123 456"}, "residence": {"1009830"}, "born": {"1985-04-12"},
	}
	request = url.Values{
		"kind": {"pronajem"}, "area": {"1 250,5"}, "rent": {"12 500,- Kč"}, "company": {"00298077"},
		"account": {"19-2000145399 / 0800"}, "postcode": {"74221"}, "services": {"plyn", "voda"},
		"district": {"lubina"}, "start": {"1. 3. 2027"}, "note": {"Za garáží"},
		"reason": {"Zahrada u domu.\r\nDruhý řádek."},
	}
	dogs = url.Values{
		"dogs.count":  {"2"},
		"dogs.0.name": {"Rex"}, "dogs.0.chipped": {"ano"}, "dogs.0.chip": {"203164000123456"},
		"dogs.1.name": {"Bety"}, "dogs.1.chipped": {"ne"}, "dogs.1.chip": {"neplatný, ale skrytý"},
		"agree": {"ano"},
	}
	plan  = engine.FileRef{ID: "f1", Name: "plánek.pdf", Type: "application/pdf", Size: 120 << 10}
	photo = engine.FileRef{ID: "f2", Name: "rex.jpg", Type: "image/jpeg", Size: 2 << 20}
)

// filled is the test form filled in step by step, its address labelled.
func filled(t *testing.T, def *formdefs.Definition) engine.Answers {
	t.Helper()
	a, _ := engine.Decode(def, 0, engine.Form{Values: applicant}, nil)
	a, _ = engine.Decode(def, 1, engine.Form{Values: request, Files: map[string]engine.FileRef{"plan": plan}}, a)
	a, _ = engine.Decode(def, 2, engine.Form{Values: dogs, Files: map[string]engine.FileRef{"dogs.0.photo": photo}}, a)
	err := engine.LabelAddresses(a, func(codes []int64) (map[int64]string, error) {
		return map[int64]string{1009830: "Česká 1318/30, 742 21 Kopřivnice"}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestEveryFieldTypeDecodesToItsCanonicalAnswer(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	want := engine.Answers{
		"holder":    engine.Person{Given: "Jana", Family: "Nováková", Birth: "1985-04-12"},
		"child":     engine.Person{Given: "Eliška", Family: "Nováková", Birth: "2019-01-01", RC: "195101/0116"},
		"email":     "jana.novakova@example.cz",
		"phone":     "+420 731 123 456",
		"residence": engine.Address{Code: 1009830, Label: "Česká 1318/30, 742 21 Kopřivnice"},
		"born":      "1985-04-12",
		"kind":      "pronajem",
		"area":      "1250.5",
		"rent":      "12500.00",
		"company":   "00298077",
		"account":   "19-2000145399/0800",
		"postcode":  "742 21",
		"services":  []string{"voda", "plyn"},
		"district":  "lubina",
		"start":     "2027-03-01",
		"note":      "Za garáží",
		"reason":    "Zahrada u domu.\nDruhý řádek.",
		"plan":      plan,
		"dogs": []engine.Answers{
			{"name": "Rex", "chipped": "ano", "chip": "203164000123456", "photo": photo},
			{"name": "Bety", "chipped": "ne", "chip": "neplatný, ale skrytý"},
		},
		"agree": true,
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("answers\n got %#v\nwant %#v", a, want)
	}
	if errs := engine.Validate(def, a, engine.AllSteps, today); len(errs) != 0 {
		t.Errorf("errors: %+v", errs)
	}
}

func TestInputsShowTheAnswersAsTyped(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	for id, want := range map[string]string{
		"holder.given": "Jana", "holder.birth": "1985-04-12", "child.rc": "195101/0116", "residence": "1009830",
		"area": "1250,5", "rent": "12500,00", "start": "2027-03-01", "dogs.count": "2", "dogs.1.name": "Bety",
		"agree": "ano", "services": "", "nothing": "", "dogs.7.name": "",
	} {
		if got := engine.Input(def, a, id); got != want {
			t.Errorf("Input(%s) = %q, want %q", id, got, want)
		}
	}
	if v := engine.Value(a, "dogs.0.photo"); v != photo {
		t.Errorf("Value(dogs.0.photo) = %v", v)
	}
}

// errorsOf are the inputs and codes of the problems of step with the given form values.
func errorsOf(t *testing.T, def *formdefs.Definition, step int, values url.Values) map[string]string {
	t.Helper()
	a, _ := engine.Decode(def, step, engine.Form{Values: values}, nil)
	err := engine.LabelAddresses(a, func([]int64) (map[int64]string, error) { return map[int64]string{1009830: "Česká 1318/30"}, nil })
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range engine.Validate(def, a, step, today) {
		out[e.Field] = e.Code
	}
	return out
}

func TestRequiredFieldsAreReportedByType(t *testing.T) {
	def := definition(t)
	for step, want := range []map[string]string{
		{"holder.given": "required", "holder.family": "required", "holder.birth": "required", "email": "required", "residence": "address"},
		{"kind": "choose", "area": "required", "start": "required"},
		{"dogs": "rows-min", "agree": "consent"},
	} {
		if got := errorsOf(t, def, step, url.Values{}); !reflect.DeepEqual(got, want) {
			t.Errorf("step %d: %v, want %v", step, got, want)
		}
	}
}

func TestBadAnswersAreRefusedWithTheirReason(t *testing.T) {
	def := definition(t)
	for _, c := range []struct {
		step           int
		field, value   string
		wantID, wantCd string
	}{
		{0, "email", "jana@", "email", "email"},
		{0, "phone", "12345", "phone", "phone"},
		{0, "born", "2026-11-24", "born", "date-past"}, // today is not in the past
		{0, "born", "31. 2. 1985", "born", "date"},
		{0, "holder.birth", "2027-01-01", "holder.birth", "date-past"},
		{0, "child.rc", "1951010117", "child.rc", "rc"}, // wrong check digit
		{0, "child.rc", "2701010013", "child.rc", "rc"}, // born in 2027: not yet
		{0, "residence", "abc", "residence", "address"}, // no address point picked
		{1, "kind", "koupe", "kind", "option"},          // an option the form does not offer
		{1, "area", "12 m2", "area", "number"},          // not a number
		{1, "area", "0,5", "area", "number-min"},        // below min=1
		{1, "area", "10 000,01", "area", "number-max"},  // above max=10000
		{1, "rent", "99,99", "rent", "money-min"},       // min=100
		{1, "rent", "1.234,50", "rent", "money"},        // a point as the thousands separator
		{1, "rent", "-100", "rent", "money"},            // negative
		{1, "company", "00298078", "company", "ico"},    // wrong check digit
		{1, "account", "19-2000145398/0800", "account", "bankaccount"},
		{1, "account", "19-2000145399/0000", "account", "bank-code"},
		{1, "postcode", "042 21", "postcode", "postcode"}, // Slovak range
		{1, "services", "kabel", "services", "option"},
		{1, "district", "praha", "district", "option"},
		{1, "start", "2026-11-24", "start", "date-future"}, // today is not in the future
		{1, "start", "2028-01-01", "start", "date-max"},
		{1, "note", "Příliš dlouhá poznámka, opravdu", "note", "too-long"},
		{1, "note", "<script>", "note", "pattern"},
		{1, "reason", "Krátce", "reason", "too-short"},
	} {
		values := url.Values{}
		for _, v := range []url.Values{applicant, request} {
			for k, vs := range v {
				values[k] = vs
			}
		}
		values.Set(c.field, c.value)
		got := errorsOf(t, def, c.step, values)
		if len(got) != 1 || got[c.wantID] != c.wantCd {
			t.Errorf("%s = %q: %v, want %s: %s", c.field, c.value, got, c.wantID, c.wantCd)
		}
	}
}

func TestDateLimitsCountFromTheDayGiven(t *testing.T) {
	def, err := formdefs.Parse("akce.txt", []byte("Slug: akce\nTitle: Akce\nAgenda: akce\nSummary: S\n\n- from: date \"Od\" min=today max=2026-12-31\n"))
	if err != nil {
		t.Fatal(err)
	}
	for value, want := range map[string]string{"2026-11-24": "", "2026-11-23": "date-min", "2026-12-31": "", "2027-01-01": "date-max"} {
		a := engine.Answers{"from": value}
		errs := engine.Validate(def, a, engine.AllSteps, today)
		if got := ""; len(errs) > 0 {
			got = errs[0].Code
			if got != want {
				t.Errorf("%s: %s, want %q", value, got, want)
			}
		} else if want != "" {
			t.Errorf("%s: accepted, want %s", value, want)
		}
	}
	errs := engine.Validate(def, engine.Answers{"from": "2026-11-01"}, engine.AllSteps, today)
	if len(errs) != 1 || errs[0].Message(i18n.Czech) != "Datum v poli „Od“ nesmí být dřívější než 24. 11. 2026." {
		t.Errorf("%+v", errs)
	}
}

func TestHiddenFieldsAreNeitherCheckedNorKept(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	a["kind"] = "prodej"
	a["rent"] = "nesmysl"
	if engine.Visible(def, a, "rent") || !engine.Visible(def, a, "reason") || !engine.Visible(def, a, "dogs.0.chip") || engine.Visible(def, a, "dogs.1.chip") {
		t.Error("visibility")
	}
	if errs := engine.Validate(def, a, engine.AllSteps, today); len(errs) != 0 {
		t.Errorf("hidden fields checked: %+v", errs)
	}
	pruned := engine.Prune(def, a)
	if _, kept := pruned["rent"]; kept {
		t.Error("the hidden rent is kept")
	}
	if _, kept := pruned["dogs"].([]engine.Answers)[1]["chip"]; kept {
		t.Error("the hidden chip of the second dog is kept")
	}
	if pruned["dogs"].([]engine.Answers)[0]["chip"] != "203164000123456" || pruned["kind"] != "prodej" {
		t.Errorf("pruned: %v", pruned)
	}
	if !engine.Visible(def, a, "gas_meter") {
		t.Error("a condition on a checkbox holds when the option is ticked among others")
	}
	a["services"] = []string{"voda"}
	if engine.Visible(def, a, "gas_meter") {
		t.Error("a condition on a checkbox holds when the option is not ticked")
	}
	delete(a, "kind") // no answer meets no condition, not even "!="
	if engine.Visible(def, a, "reason") || engine.Visible(def, a, "rent") {
		t.Error("shown without the answer they depend on")
	}
	a["kind"] = "pronajem" // shown again: now checked
	if errs := engine.Validate(def, a, 1, today); len(errs) != 1 || errs[0].Field != "rent" || errs[0].Code != "money" {
		t.Errorf("%+v", errs)
	}
}

func TestGroupRowsAreAddedAndRemovedWithoutJavaScript(t *testing.T) {
	def := definition(t)
	form := url.Values{"dogs.count": {"1"}, "dogs.0.name": {"Rex"}, "dogs.add": {""}}
	a, edited := engine.Decode(def, 2, engine.Form{Values: form}, nil)
	if rows := a["dogs"].([]engine.Answers); !edited || len(rows) != 2 || rows[0]["name"] != "Rex" || len(rows[1]) != 0 {
		t.Fatalf("add: %v, %v", a, edited)
	}
	form = url.Values{"dogs.count": {"3"}, "dogs.0.name": {"Rex"}, "dogs.1.name": {"Bety"}, "dogs.2.name": {"Max"}, "dogs.remove": {"1"}}
	a, edited = engine.Decode(def, 2, engine.Form{Values: form}, nil)
	if rows := a["dogs"].([]engine.Answers); !edited || len(rows) != 2 || rows[1]["name"] != "Max" {
		t.Fatalf("remove: %v, %v", a, edited)
	}
	form = url.Values{"dogs.count": {"3"}, "dogs.0.name": {"A"}, "dogs.1.name": {"B"}, "dogs.2.name": {"C"}, "dogs.add": {""}}
	if a, _ = engine.Decode(def, 2, engine.Form{Values: form}, nil); len(a["dogs"].([]engine.Answers)) != 3 {
		t.Errorf("added beyond max=3: %v", a)
	}
	form = url.Values{"dogs.count": {"3"}, "dogs.1.name": {"Bety"}, "agree": {"ano"}}
	a, edited = engine.Decode(def, 2, engine.Form{Values: form}, nil)
	if rows := a["dogs"].([]engine.Answers); edited || len(rows) != 1 || rows[0]["name"] != "Bety" {
		t.Errorf("going on keeps the empty rows: %v", a)
	}
	if a, _ = engine.Decode(def, 2, engine.Form{Values: url.Values{"dogs.count": {"9999"}}}, nil); a["dogs"] != nil {
		t.Errorf("a forged count: %v", a)
	}
}

func TestEachRowIsCheckedWithItsOwnIDs(t *testing.T) {
	def := definition(t)
	form := url.Values{
		"dogs.count":  {"2"},
		"dogs.0.name": {"Rex"}, "dogs.0.chipped": {"ano"},
		"dogs.1.chipped": {"ano"}, "dogs.1.chip": {"123"},
		"agree": {"ano"},
	}
	a, _ := engine.Decode(def, 2, engine.Form{Values: form}, nil)
	var got []string
	for _, e := range engine.Validate(def, a, 2, today) {
		got = append(got, e.Field+" "+e.Code+" "+e.Group)
	}
	want := []string{"dogs.0.chip required Pes 1", "dogs.1.name required Pes 2", "dogs.1.chip pattern Pes 2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	a["dogs"] = append(a["dogs"].([]engine.Answers), engine.Answers{"name": "C", "chipped": "ne"}, engine.Answers{"name": "D", "chipped": "ne"})
	if errs := engine.Validate(def, a, 2, today); errs[0].Field != "dogs" || errs[0].Code != "rows-max" {
		t.Errorf("four dogs: %+v", errs[0])
	}
}

func TestEachStepIsCheckedOnItsOwnAndAllTogetherAtTheEnd(t *testing.T) {
	def := definition(t)
	a, _ := engine.Decode(def, 0, engine.Form{Values: applicant}, nil)
	if errs := engine.Validate(def, a, 0, today); len(errs) != 1 || errs[0].Field != "residence" {
		t.Errorf("step 1, address not labelled: %+v", errs)
	}
	a["residence"] = engine.Address{Code: 1009830, Label: "Česká 1318/30"}
	if errs := engine.Validate(def, a, 0, today); len(errs) != 0 {
		t.Errorf("step 1: %+v", errs)
	}
	steps := map[int]int{}
	for _, e := range engine.Validate(def, a, engine.AllSteps, today) {
		steps[e.Step]++
	}
	if !reflect.DeepEqual(steps, map[int]int{1: 3, 2: 2}) {
		t.Errorf("errors by step: %v", steps)
	}
	b, _ := engine.Decode(def, 1, engine.Form{Values: url.Values{"kind": {"prodej"}}}, a)
	if b["email"] != "jana.novakova@example.cz" || a["kind"] != nil {
		t.Errorf("decoding step 2 keeps step 1 and leaves the draft alone: %v", b)
	}
}

func TestAnAttachedFileIsKeptReplacedOrRemoved(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	keep := url.Values{"kind": {"prodej"}, "area": {"5"}, "start": {"2027-01-01"}, "plan.keep": {"f1"}}
	if b, _ := engine.Decode(def, 1, engine.Form{Values: keep}, a); b["plan"] != plan {
		t.Errorf("kept: %v", b["plan"])
	}
	other := engine.FileRef{ID: "f3", Name: "nový.png", Type: "image/png", Size: 1 << 20}
	if b, _ := engine.Decode(def, 1, engine.Form{Values: keep, Files: map[string]engine.FileRef{"plan": other}}, a); b["plan"] != other {
		t.Errorf("replaced: %v", b["plan"])
	}
	keep.Del("plan.keep")
	if b, _ := engine.Decode(def, 1, engine.Form{Values: keep}, a); b["plan"] != nil {
		t.Errorf("removed: %v", b["plan"])
	}
	keep.Set("plan.keep", "f-of-someone-else")
	if b, _ := engine.Decode(def, 1, engine.Form{Values: keep}, a); b["plan"] != nil {
		t.Errorf("a file not in the draft: %v", b["plan"])
	}
	for ref, want := range map[engine.FileRef]string{
		{ID: "x", Name: "plan.jpg", Type: "image/jpeg", Size: 10}:               "file-type", // accept="pdf,png"
		{ID: "x", Name: "plan.pdf", Type: "text/html; charset=utf-8", Size: 10}: "file-type", // named .pdf, sniffed as HTML
		{ID: "x", Name: "plan.pdf", Type: "application/pdf", Size: 1<<20 + 1}:   "file-size", // maxsize=1MB
	} {
		a["plan"] = ref
		if errs := engine.Validate(def, a, 1, today); len(errs) != 1 || errs[0].Code != want {
			t.Errorf("%+v: %+v, want %s", ref, errs, want)
		}
	}
}

func TestMessagesReadNaturallyInCzechAndEnglish(t *testing.T) {
	for _, c := range []struct {
		e      engine.FieldError
		cs, en string
	}{
		{engine.FieldError{Code: "required", Label: "E-mail"}, "Vyplňte pole „E-mail“.", "Fill in “E-mail”."},
		{engine.FieldError{Code: "consent", Label: "Potvrzuji, že údaje jsou pravdivé."}, "Zaškrtněte pole „Potvrzuji, že údaje jsou pravdivé“.", "Tick “Potvrzuji, že údaje jsou pravdivé”."},
		{engine.FieldError{Code: "required", Label: "Jméno psa", Group: "Pes 2"}, "Pes 2: vyplňte pole „Jméno psa“.", "Pes 2: fill in “Jméno psa”."},
		{engine.FieldError{Code: "required", Label: "Držitel psa", Part: "family"}, "Držitel psa: vyplňte pole „Příjmení“.", "Držitel psa: fill in “Family name”."},
		{engine.FieldError{Code: "ico", Label: "IČO", Group: "Firma 1"}, "Firma 1: IČO v poli „IČO“ není platné: má osm číslic a poslední z nich je kontrolní. Opište ho z obchodního nebo živnostenského rejstříku.", "Firma 1: “IČO” is not a valid company ID (IČO): it has eight digits, the last a check digit. Copy it from the business register."},
		{engine.FieldError{Code: "too-long", Label: "Poznámka", Arg: "1"}, "Pole „Poznámka“ může mít nejvýše 1 znak.", "“Poznámka” can have at most 1 character."},
		{engine.FieldError{Code: "too-long", Label: "Poznámka", Arg: "3"}, "Pole „Poznámka“ může mít nejvýše 3 znaky.", "“Poznámka” can have at most 3 characters."},
		{engine.FieldError{Code: "too-long", Label: "Poznámka", Arg: "60"}, "Pole „Poznámka“ může mít nejvýše 60 znaků.", "“Poznámka” can have at most 60 characters."},
		{engine.FieldError{Code: "rows-min", Label: "Pes", Arg: "1"}, "Vyplňte alespoň 1 záznam „Pes“.", "Fill in at least 1 entry of “Pes”."},
		{engine.FieldError{Code: "money-min", Label: "Nájemné", Arg: "1500.5"}, "Částka v poli „Nájemné“ musí být alespoň 1\u00a0500,50\u00a0Kč.", "“Nájemné” must be at least CZK 1,500.50."},
		{engine.FieldError{Code: "number-max", Label: "Výměra", Arg: "12.5"}, "Číslo v poli „Výměra“ může být nejvýše 12,5.", "“Výměra” can be at most 12.5."},
		{engine.FieldError{Code: "date-max", Label: "Začátek", Arg: "2027-12-31"}, "Datum v poli „Začátek“ nesmí být pozdější než 31. 12. 2027.", "“Začátek” cannot be later than 31/12/2027."},
		{engine.FieldError{Code: "file-type", Label: "Plánek", Arg: "pdf,jpg,png"}, "Soubor v poli „Plánek“ musí být typu PDF, JPG nebo PNG.", "The file for “Plánek” must be PDF, JPG or PNG."},
		{engine.FieldError{Code: "file-size", Label: "Plánek", Arg: "5242880"}, "Soubor v poli „Plánek“ může mít nejvýše 5\u00a0MB.", "The file for “Plánek” can be 5\u00a0MB at most."},
		{engine.FieldError{Code: "bank-code", Label: "Účet", Arg: "0000"}, "Kód banky 0000 v poli „Účet“ neexistuje, zkontrolujte čtyři číslice za lomítkem.", "There is no bank with the code 0000 (“Účet”): check the four digits after the slash."},
	} {
		if got := c.e.Message(i18n.Czech); got != c.cs {
			t.Errorf("%+v in Czech:\n got %s\nwant %s", c.e, got, c.cs)
		}
		if got := c.e.Message(i18n.English); got != c.en {
			t.Errorf("%+v in English:\n got %s\nwant %s", c.e, got, c.en)
		}
	}
	for _, code := range []string{"required", "choose", "choose-some", "consent", "address", "attach", "option", "pattern", "number", "money", "date", "date-past", "date-future", "email", "phone", "bankaccount", "postcode", "rc", "rows-max", "money-max", "number-min", "date-min", "too-short"} {
		e := engine.FieldError{Code: code, Label: "X", Arg: "2"}
		if m := e.Message(i18n.Czech); m == "" || m[0] == '!' || e.Message(i18n.English)[0] == '!' {
			t.Errorf("%s has no message", code)
		}
	}
}

func TestPrefillTakesWhatTheIdentityKnows(t *testing.T) {
	def := definition(t)
	a := engine.Prefill(def, engine.Identity{
		GivenName: "Jana", FamilyName: "Nováková", BirthDate: time.Date(1985, 4, 12, 0, 0, 0, 0, time.UTC),
		Email: "jana.novakova@example.cz", AddressCode: 1009830, AddressLabel: "Česká 1318/30, 742 21 Kopřivnice",
	})
	want := engine.Answers{
		"holder":    engine.Person{Given: "Jana", Family: "Nováková", Birth: "1985-04-12"},
		"email":     "jana.novakova@example.cz",
		"residence": engine.Address{Code: 1009830, Label: "Česká 1318/30, 742 21 Kopřivnice"},
		"born":      "1985-04-12",
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got %v\nwant %v", a, want)
	}
	if a := engine.Prefill(def, engine.Identity{}); len(a) != 0 {
		t.Errorf("an empty identity prefills %v", a)
	}
}

func TestTheSummaryIsWrittenTheCzechWay(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	rows := engine.Summary(def, a)
	got := map[string]string{}
	for _, r := range rows {
		got[r.ID] = r.Value
	}
	for id, want := range map[string]string{
		"holder":      "Jana Nováková, nar. 12. 4. 1985",
		"child":       "Eliška Nováková, r. č. 195101/0116",
		"residence":   "Česká 1318/30, 742 21 Kopřivnice",
		"kind":        "Pronájem",
		"area":        "1\u00a0250,5",
		"rent":        "12\u00a0500,00\u00a0Kč",
		"account":     "19-2000145399/0800 (Česká spořitelna, a.s.)",
		"services":    "Voda, Plyn",
		"district":    "Lubina",
		"start":       "1. 3. 2027",
		"plan":        "plánek.pdf (PDF, 120\u00a0kB)",
		"dogs.0.name": "Rex",
		"dogs.1.name": "Bety",
		"agree":       "Ano",
		"reason":      "Zahrada u domu.\nDruhý řádek.",
	} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q", id, got[id], want)
		}
	}
	if _, shown := got["dogs.1.chip"]; shown {
		t.Error("the hidden chip of the second dog is in the summary")
	}
	if first, last := rows[0], rows[len(rows)-1]; first.ID != "holder" || first.Label != "Žadatel" || last.ID != "agree" || last.Step != 2 {
		t.Errorf("order: %+v … %+v", first, last)
	}
	if r := rows[len(rows)-3]; r.ID != "dogs.1.chipped" || r.Group != "Pes 2" || r.Label != "Čipovaný" || r.Value != "Ne" {
		t.Errorf("a group's row: %+v", r)
	}
	for _, r := range engine.MaskedSummary(def, a) {
		if r.ID == "child" && r.Value != "Eliška Nováková, r. č. 195101/****" {
			t.Errorf("masked: %q", r.Value)
		}
	}
}

func TestAnswersSurviveJSON(t *testing.T) {
	def := definition(t)
	a := filled(t, def)
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	back, err := engine.UnmarshalAnswers(def, data)
	if err != nil || !reflect.DeepEqual(back, a) {
		t.Errorf("%v\n%v\n%v", err, back, a)
	}
	if _, err := engine.UnmarshalAnswers(def, []byte(`{"residence": "Česká 1318"}`)); err == nil {
		t.Error("an address stored as text is read")
	}
}

func TestAddressesAreLabelledFromTheRegister(t *testing.T) {
	a := engine.Answers{"residence": engine.Address{Code: 1}, "dogs": []engine.Answers{{"place": engine.Address{Code: 2}}, {"place": engine.Address{Code: 3, Label: "known"}}}}
	var asked []int64
	err := engine.LabelAddresses(a, func(codes []int64) (map[int64]string, error) {
		asked = codes
		return map[int64]string{1: "Česká 1318/30", 2: "Záhumenní 1152"}, nil
	})
	if err != nil || len(asked) != 2 || a["residence"].(engine.Address).Label != "Česká 1318/30" ||
		a["dogs"].([]engine.Answers)[0]["place"].(engine.Address).Label != "Záhumenní 1152" {
		t.Errorf("%v: asked %v, %v", err, asked, a)
	}
}
