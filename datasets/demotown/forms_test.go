package demotown_test

import (
	"slices"
	"testing"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/datasets/situations"
)

// issueForms are the forms issue 6 names, by their slugs.
var issueForms = []string{
	"prihlaseni-psa", "odhlaseni-psa", "koordinovane-stanovisko", "zabor-verejneho-prostranstvi",
	"vitani-obcanku", "poplatek-za-odpad", "osvobozeni-od-poplatku", "informace-106",
	"podnet-stiznost", "hlaseni-zavady", "kaceni-drevin", "pronajem-prostor",
	"vyhrazene-parkovani", "parkovaci-karta", "verejna-akce", "velkoobjemovy-kontejner",
	"nadoba-na-bioodpad", "zadost-o-byt", "zvlastni-uzivani-komunikace", "pripojeni-k-mistni-komunikaci",
}

// demoForms reads the demo town's forms.
func demoForms(t *testing.T) map[string]*formdefs.Definition {
	t.Helper()
	defs, err := formdefs.Read(demotown.Content(), "formulare")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*formdefs.Definition{}
	for _, d := range defs {
		out[d.Slug] = d
	}
	return out
}

func TestTheDemoTownHasTheIssuesFormsAndMore(t *testing.T) {
	forms := demoForms(t)
	if len(forms) < 22 {
		t.Errorf("%d forms, want at least 22", len(forms))
	}
	for _, slug := range issueForms {
		if forms[slug] == nil {
			t.Errorf("no form %s", slug)
		}
	}
	for _, d := range forms {
		if d.TitleEN == "" || d.Legal == "" || len(d.Situations) == 0 {
			t.Errorf("%s: English title %q, legal basis %q, situations %v", d.Slug, d.TitleEN, d.Legal, d.Situations)
		}
	}
}

func TestFormsAndLifeSituationsLinkEachOtherBothWays(t *testing.T) {
	forms := demoForms(t)
	c, err := situations.Read(demotown.Content(), "zivotni-situace")
	if err != nil {
		t.Fatal(err)
	}
	linked := map[[2]string]bool{} // situation, form
	for _, s := range c.Situations {
		for _, f := range s.Forms {
			linked[[2]string{s.Slug, f.Slug}] = true
			if d := forms[f.Slug]; d == nil {
				t.Errorf("situation %s links the form %s, which does not exist", s.Slug, f.Slug)
			} else if !slices.Contains(d.Situations, s.Slug) {
				t.Errorf("situation %s links the form %s, whose Situations leave it out", s.Slug, f.Slug)
			}
		}
	}
	for _, d := range forms {
		for _, s := range d.Situations {
			if !linked[[2]string{s, d.Slug}] {
				t.Errorf("form %s names the situation %s, which has no Form: %s line (or does not exist)", d.Slug, s, d.Slug)
			}
		}
	}
}

func TestFormsFiledWithoutLoginAskForTheEmailThatConfirmsThem(t *testing.T) {
	anonymous := 0
	for _, d := range demoForms(t) {
		if !d.Anonymous {
			continue
		}
		anonymous++
		if !slices.ContainsFunc(d.Fields(-1), func(f *formdefs.Field) bool {
			return f.Type == formdefs.Email && f.Required && f.If == nil && f.Prefill == formdefs.PrefillEmail
		}) {
			t.Errorf("%s may be filed without login but asks for no required, prefilled e-mail", d.Slug)
		}
	}
	if anonymous < 3 {
		t.Errorf("%d forms may be filed without login, want the information request, the complaint and the fault report", anonymous)
	}
}

func TestTheDogRegistrationTakesSeveralDogsAndPrefillsTheHolder(t *testing.T) {
	d := demoForms(t)["prihlaseni-psa"]
	if d == nil {
		t.Fatal("no form prihlaseni-psa")
	}
	if d.Agenda != "poplatky" || d.Anonymous {
		t.Errorf("agenda %q, anonymous %v: want the demo clerk's poplatky, logged in", d.Agenda, d.Anonymous)
	}
	dogs, _ := d.Field("dogs")
	if dogs == nil || dogs.Type != formdefs.Group || dogs.Min != "1" || dogs.Max == "1" {
		t.Fatalf("dogs: %+v, want a group of one or more dogs", dogs)
	}
	for _, key := range []string{"name", "breed", "born", "chip"} {
		if c := dogs.Child(key); c == nil || !c.Required {
			t.Errorf("a dog's %s: %+v, want a required field", key, c)
		}
	}
	if chip := dogs.Child("chip"); chip != nil && (chip.Pattern == nil || !chip.Pattern.MatchString("203098100123456") || chip.Pattern.MatchString("20309810012345")) {
		t.Errorf("chip pattern %v, want 15 digits", chip.Pattern)
	}
	for key, prefill := range map[string]string{"holder": formdefs.PrefillPerson, "email": formdefs.PrefillEmail, "residence": formdefs.PrefillAddress} {
		if f, _ := d.Field(key); f == nil || f.Prefill != prefill {
			t.Errorf("%s: %+v, want prefill=%s", key, f, prefill)
		}
	}
	if proof, _ := d.Field("proof"); proof == nil || proof.If == nil || proof.If.String() != "relief!=ne" {
		t.Errorf("proof: %+v, want a file shown when relief is claimed", proof)
	}
}
