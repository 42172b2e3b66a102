package formdefs_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/radnice/radnice/datasets/formdefs"
)

const header = `Slug: prihlaseni-psa
Title: Přihlášení psa k místnímu poplatku ze psů
TitleEN: Registering a dog for the local dog fee
Agenda: poplatky
Situations: pes-a-poplatek, porizeni-psa
Anonymous: ne
Summary: Ohlášení psa staršího tří měsíců k místnímu poplatku podle obecně závazné vyhlášky města.
Legal: zákon č. 565/1990 Sb., o místních poplatcích, § 2; OZV města Kopřivnice č. 4/2023
`

const dogForm = header + `
## Držitel psa
Psa přihlašuje jeho držitel,
tedy ten, kdo se o psa stará.

Druhý odstavec.

### Kontaktní údaje
- holder: person "Držitel psa" required prefill
- email: email "E-mail" required prefill=email help="Na tento e-mail přijde potvrzení."
- phone: phone "Telefon" prefill=phone
- residence: address "Adresa trvalého pobytu" required prefill=address

## Psi
- dogs: group "Pes" min=1 max=5 add="Přidat dalšího psa"
  - name: text "Jméno psa" required max=60
  - breed: text "Plemeno" required
  - born: date "Datum narození psa" required past
  - chip: text "Číslo čipu" pattern="^[0-9]{15}$" help="15 číslic z průkazu psa"
- relief: radio "Uplatňuji osvobození nebo úlevu" required options="ne=Ne|osvobozeni=Osvobození|uleva=Úleva"
- relief_reason: longtext "Důvod osvobození nebo úlevy" required if="relief!=ne"
- proof: file "Doklad o nároku" if="relief!=ne" accept="pdf,jpg,png" maxsize=5MB
`

func TestAFormIsReadWithItsStepsSectionsAndFields(t *testing.T) {
	d, err := formdefs.Parse("formulare/prihlaseni-psa.txt", []byte(dogForm))
	if err != nil {
		t.Fatal(err)
	}
	if d.Slug != "prihlaseni-psa" || d.TitleEN != "Registering a dog for the local dog fee" || d.Agenda != "poplatky" ||
		strings.Join(d.Situations, ",") != "pes-a-poplatek,porizeni-psa" || d.Anonymous || !strings.HasPrefix(d.Legal, "zákon č. 565/1990 Sb.") {
		t.Errorf("header: %+v", d)
	}
	if len(d.Steps) != 2 || d.Steps[0].Title != "Držitel psa" || d.Steps[1].Title != "Psi" {
		t.Fatalf("steps: %+v", d.Steps)
	}
	first := d.Steps[0]
	if len(first.Help) != 2 || first.Help[0] != "Psa přihlašuje jeho držitel, tedy ten, kdo se o psa stará." ||
		len(first.Sections) != 1 || first.Sections[0].Title != "Kontaktní údaje" || len(first.Sections[0].Fields) != 4 {
		t.Errorf("first step: %+v", first)
	}
	holder, step := d.Field("holder")
	if step != 0 || holder.Type != formdefs.Person || holder.Label != "Držitel psa" || !holder.Required || holder.Prefill != formdefs.PrefillPerson || holder.Line != 17 {
		t.Errorf("holder on step %d: %+v", step, holder)
	}
	if email, _ := d.Field("email"); email.Help != "Na tento e-mail přijde potvrzení." || email.Prefill != "email" {
		t.Errorf("email: %+v", email)
	}
	dogs, step := d.Field("dogs")
	if step != 1 || dogs.Min != "1" || dogs.Max != "5" || dogs.Add != "Přidat dalšího psa" || len(dogs.Children) != 4 {
		t.Fatalf("dogs: %+v", dogs)
	}
	if name := dogs.Child("name"); name.Max != "60" || !name.Required {
		t.Errorf("dog's name: %+v", name)
	}
	if born := dogs.Child("born"); !born.Past || born.Future {
		t.Errorf("dog's birth: %+v", born)
	}
	if chip := dogs.Child("chip"); !chip.Pattern.MatchString("203164000123456") || chip.Pattern.MatchString("12") || chip.Max != "500" {
		t.Errorf("chip: %+v", chip)
	}
	relief, _ := d.Field("relief")
	if o, ok := relief.Option("uleva"); !ok || o.Label != "Úleva" || len(relief.Options) != 3 {
		t.Errorf("relief options: %+v", relief.Options)
	}
	proof, _ := d.Field("proof")
	if *proof.If != (formdefs.Condition{Key: "relief", Op: "!=", Value: "ne"}) || strings.Join(proof.Accept, ",") != "pdf,jpg,png" || proof.MaxSize != 5<<20 {
		t.Errorf("proof: %+v", proof)
	}
	if reason, _ := d.Field("relief_reason"); reason.If.String() != "relief!=ne" || reason.Max != "10000" {
		t.Errorf("reason: %+v", reason)
	}
	if f, step := d.Field("name"); f != nil || step != -1 {
		t.Errorf("a group's child is no field of the form: %v", f)
	}
	if n := len(d.Fields(1)); n != 4 {
		t.Errorf("step 2 has %d fields", n)
	}
	if len(d.Hash) != 64 || d.Source != dogForm {
		t.Errorf("hash %q", d.Hash)
	}
}

func TestAFormWithoutStepsIsOnePage(t *testing.T) {
	d, err := formdefs.Parse("podnet.txt", []byte(strings.Replace(header, "prihlaseni-psa", "podnet", 1)+`
Napište nám, co se děje.

- text: longtext "Podnět" required min=10
- file: file "Fotografie"
- agree: consent "Souhlasím se zpracováním osobních údajů" required
### Kontakt
- email: email "E-mail" if="agree"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Steps) != 1 || d.Steps[0].Title != "" || d.Steps[0].Help[0] != "Napište nám, co se děje." || len(d.Steps[0].Sections) != 2 {
		t.Fatalf("steps: %+v", d.Steps)
	}
	if f, _ := d.Field("file"); f.MaxSize != formdefs.DefaultMaxSize || strings.Join(f.Accept, ",") != "pdf,jpg,png,docx,odt" {
		t.Errorf("file defaults: %+v", f)
	}
}

func TestTheHashChangesWithTheContent(t *testing.T) {
	a, _ := formdefs.Parse("prihlaseni-psa.txt", []byte(dogForm))
	b, _ := formdefs.Parse("prihlaseni-psa.txt", []byte(strings.Replace(dogForm, "max=60", "max=50", 1)))
	again, _ := formdefs.Parse("prihlaseni-psa.txt", []byte(dogForm))
	if a.Hash == b.Hash || a.Hash != again.Hash {
		t.Errorf("hashes %s, %s, %s", a.Hash, b.Hash, again.Hash)
	}
}

func TestEveryProblemNamesItsFileAndLine(t *testing.T) {
	const top = "Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\n\n" // fields start on line 6
	for _, c := range []struct{ body, want string }{
		{`- a: txt "A"`, `f.txt:6: a: want a type (text, longtext, number, date, select, radio, checkbox, consent, email, phone, address, person, ico, bankaccount, money, postcode, file, group) after the key`},
		{`- a: text "A" placeholder="x"`, `f.txt:6: a: unknown attribute "placeholder" (known: accept, add, birthnumber, future, help, if, max, maxsize, min, options, past, pattern, prefill, required)`},
		{"- a: text \"A\"\n- a: date \"B\"", `f.txt:7: the key a is used twice (first on line 6)`},
		{"- g: group \"G\"\n  - a: text \"A\"\n  - a: text \"B\"", `f.txt:8: the key a is used twice in the group g (first on line 7)`},
		{`- a: text "A" pattern="[0-9"`, "f.txt:6: a: pattern \"[0-9\" is no regular expression: error parsing regexp: missing closing ]: `[0-9`"},
		{"- a: text \"A\" if=\"b\"\n- b: text \"B\"", `f.txt:6: if="b": b is not before this field; a condition names an earlier field`},
		{`- a: text "A" if="zzz"`, `f.txt:6: if="zzz": there is no field zzz`},
		{`- a: text "A" if="a"`, `f.txt:6: if="a": a field's condition cannot name the field itself or its own group`},
		{"- g: group \"G\"\n  - a: text \"A\" if=\"b\"\n  - b: text \"B\"", `f.txt:7: if="b": b is not before this field; a condition names an earlier field`},
		{"- g: group \"G\"\n  - a: text \"A\"\n- b: text \"B\" if=\"a\"", `f.txt:8: if="a": a is a field of the group g, whose rows a condition outside them cannot look into`},
		{"- a: text \"A\"\n- b: text \"B\" if=\"a=x\"", `f.txt:7: if="a=x": a is a text field; compare only select, radio or checkbox answers, or write if="a"`},
		{"- a: radio \"A\" options=\"x=X\"\n- b: text \"B\" if=\"a=y\"", `f.txt:7: if="a=y": a has no option "y"`},
		{`- a: text "A" if="a=="`, `f.txt:6: a: if="a==": want if="key", if="key=value" or if="key!=value"`},
		{`- a: text "A" options="x=X"`, `f.txt:6: a: options is not an attribute of a text field`},
		{`- a: radio "A"`, `f.txt:6: a: a radio field needs options="value=Label|…"`},
		{`- a: select "A" options="x=X|x=Y"`, `f.txt:6: a: options: the value x is given twice`},
		{`- a: select "A" options="Praha"`, `f.txt:6: a: options: want "value=Label|value=Label" with values of lower-case letters a-z, digits, _ and -, got "Praha"`},
		{"- g: group \"G\"\n  - h: group \"H\"", `f.txt:7: a group inside a group: groups do not nest deeper than one level`},
		{"- g: group \"G\"\n  - a: text \"A\"\n    - b: text \"B\"", `f.txt:8: a field is "- key: …", a group's field "  - key: …" (two spaces): groups do not nest deeper`},
		{"- a: text \"A\"\n  - b: text \"B\"", `f.txt:7: an indented field belongs to a group, but the field before is none`},
		{`- g: group "G"`, `f.txt:6: the group g has no fields ("  - key: …" lines after it)`},
		{"- g: group \"G\"\n  - e: email \"E\" prefill", `f.txt:7: prefill inside a group: only the form's own fields are prefilled`},
		{`- g: group "G" required`, `f.txt:6: g: required is not an attribute of a group field`},
		{`- g: group "G" max=60`, `f.txt:6: g: max=60: a group has at most 50 rows`},
		{`- a: text "A" min=5 max=2`, `f.txt:6: a: min=5 is more than max=2`},
		{`- a: date "A" min=1.1.2026`, `f.txt:6: a: min: want a date written YYYY-MM-DD or today, got "1.1.2026"`},
		{`- a: date "A" past future`, `f.txt:6: a: a date cannot be both past and future`},
		{`- a: money "A" min=10,50`, `f.txt:6: a: min: want a number written like 12 or 12.5 (amounts: crowns, at most 2 decimals), got "10,50"`},
		{`- a: text "A" prefill=address`, `f.txt:6: a: prefill=address cannot fill a text field (it takes name, email, phone)`},
		{`- a: file "A" accept="pdf,exe"`, `f.txt:6: a: accept: unknown file type "exe" (known: pdf, jpg, png, docx, odt)`},
		{`- a: file "A" maxsize=5GB`, `f.txt:6: a: maxsize=5GB: want a size like 500kB or 5MB, at most 20MB`},
		{`- a: text "A" required=ano`, `f.txt:6: a: required takes no value`},
		{`- a: text "A" help`, `f.txt:6: a: help needs a value: help="…"`},
		{`- a: text "A" "B"`, `f.txt:6: a: a second quoted text "B"; attributes are written name="value"`},
		{`- a: text "A" help="nekončí`, `f.txt:6: a: help="… without its closing quote`},
		{`- a: text A`, `f.txt:6: a: want the label in quotes after the type: a text "Label"`},
		{`- Jmeno: text "A"`, `f.txt:6: want a field "key: type \"Label\" attributes" with a key of lower-case letters a-z, digits and _, got "Jmeno: text \"A\""`},
		{"## Krok\n- a: text \"A\"\nText po polích.", `f.txt:8: text after fields: a field's help goes in its help="…"; more text starts a new step (##) or section (###)`},
		{"- a: text \"A\"\n## Krok\n- b: text \"B\"", `f.txt:7: a form with steps starts with its first step (## Title): line 6 is in none`},
		{"## Prázdný\n## Krok\n- b: text \"B\"", `f.txt:6: the step "Prázdný" has no fields`},
		{"### Prázdná\n### Sekce\n- b: text \"B\"", `f.txt:6: the section "Prázdná" has no fields`},
		{"# Nadpis\n- b: text \"B\"", `f.txt:6: a line starting with # is a step (## Title) or a section (### Title)`},
	} {
		_, err := formdefs.Parse("f.txt", []byte(top+c.body+"\n"))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s\n got: %v\nwant: %s", c.body, err, c.want)
		}
	}
}

func TestTheHeaderIsCheckedToo(t *testing.T) {
	const fields = "\n- a: text \"A\"\n"
	for _, c := range []struct{ header, want string }{
		{"Slug: jina\nTitle: F\nAgenda: poplatky\nSummary: S\n", `f.txt:1: the slug "jina" must be the file's name without .txt ("f")`},
		{"Slug: f\nTitle: F\nAgenda: Poplatky\nSummary: S\n", `f.txt:3: Agenda "Poplatky": lower-case letters without diacritics, digits and hyphens`},
		{"Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\nAnonymous: yes\n", `f.txt:5: Anonymous: want ano or ne, got "yes"`},
		{"Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\nSituations: pes, Pes\n", `f.txt:5: Situations: want slugs of life situations separated by commas, got "Pes"`},
		{"Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\nForm: x\n", `f.txt:5: unknown key "Form" (known: Agenda, Anonymous, Legal, Situations, Slug, Summary, Title, TitleEN)`},
		{"Slug: f\nAgenda: poplatky\nSummary: S\n", `f.txt: Title is required`},
	} {
		_, err := formdefs.Parse("f.txt", []byte(c.header+fields))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s\n got: %v\nwant: %s", c.header, err, c.want)
		}
	}
	if _, err := formdefs.Parse("f.txt", []byte("Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\n")); err == nil || err.Error() != "f.txt: no fields: they follow the header after a blank line" {
		t.Errorf("no body: %v", err)
	}
	d, err := formdefs.Parse("f.txt", []byte("Slug: f\nTitle: F\nAgenda: poplatky\nSummary: S\nAnonymous: ano\n"+fields))
	if err != nil || !d.Anonymous || d.Situations != nil {
		t.Errorf("anonymous form: %+v, %v", d, err)
	}
}

func TestAFolderIsReadSortedBySlugWithEveryFilesProblems(t *testing.T) {
	form := func(slug string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("Slug: " + slug + "\nTitle: T\nAgenda: poplatky\nSummary: S\n\n- a: text \"A\"\n")}
	}
	defs, err := formdefs.Read(fstest.MapFS{
		"formulare/zabor.txt": form("zabor"), "formulare/kaceni.txt": form("kaceni"), "formulare/README.md": {Data: []byte("x")},
	}, "formulare")
	if err != nil || len(defs) != 2 || defs[0].Slug != "kaceni" || defs[1].Slug != "zabor" {
		t.Fatalf("%v, %v", defs, err)
	}
	_, err = formdefs.Read(fstest.MapFS{
		"formulare/a.txt": {Data: []byte("Slug: a\n")}, "formulare/b.txt": {Data: []byte("Slug: b\nTitle: T\nAgenda: x\nSummary: S\n\n- a: txt \"A\"\n")},
	}, "formulare")
	if err == nil || !strings.Contains(err.Error(), "formulare/a.txt: Title is required") || !strings.Contains(err.Error(), "formulare/b.txt:6: a: want a type") {
		t.Errorf("problems: %v", err)
	}
	if _, err := formdefs.Read(fstest.MapFS{"formulare/README.md": {Data: []byte("x")}}, "formulare"); err == nil {
		t.Error("an empty folder read")
	}
}
