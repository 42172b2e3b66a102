package forms_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheListGroupsTheFormsByTopicAndFindsThemIgnoringDiacritics(t *testing.T) {
	p := newPortal(t)
	visitor := p.anonymous(t)
	page := visitor.page("/formulare")
	expectText(t, "the list", page, "Formuláře", "Podle témat",
		"Odpady a místní poplatky Objednání velkoobjemového kontejneru k domu",
		"Přihlášení psa k místnímu poplatku ze psů",
		"Hlášení závady ve městě Nahlášení nesvítící lampy")
	if strings.Index(page, "Rodina a děti") > strings.Index(page, "Úřad a veřejný život") {
		t.Error("the topics are not in the signpost's order")
	}
	for query, want := range map[string]string{
		"pes":        "/formulare/prihlaseni-psa", // a keyword of its life situation
		"KACENI":     "/formulare/kaceni-drevin",  // without diacritics, any case
		"závada":     "/formulare/hlaseni-zavady", // with them
		"informace":  "/formulare/informace-106",  // a word of the title
		"kontejner ": "/formulare/velkoobjemovy-kontejner",
	} {
		results := between(visitor.page("/formulare?q="+urlQuery(query)), `id="vysledky"`, "Podle témat")
		if !strings.Contains(results, `href="`+want+`"`) {
			t.Errorf("searching %q does not find %s:\n%s", query, want, webtest.Text(results))
		}
	}
	expectText(t, "a search without results", visitor.page("/formulare?q=xylofon"), "Pro „xylofon“ jsme žádný formulář nenašli.")
	expectText(t, "the English list", visitor.page("/en/formulare"), "Forms", "Registering a dog for the local dog fee", "Can be filed without logging in")
}

func TestEveryLifeSituationLinksItsFormsNowThatThePortalServesThem(t *testing.T) {
	p := newPortal(t)
	visitor := p.anonymous(t)
	situations, err := fs.Glob(demotown.Content(), "zivotni-situace/*.md")
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, file := range situations {
		slug := strings.TrimSuffix(strings.TrimPrefix(file, "zivotni-situace/"), ".md")
		page := visitor.page("/zivotni-situace/" + slug)
		for _, form := range formLinks(t, file) {
			if !strings.Contains(page, `href="/formulare/`+form+`"`) {
				t.Errorf("%s does not link its form %s", slug, form)
			}
			visitor.page("/formulare/" + form)
			linked++
		}
		if strings.Contains(page, "připravujeme") {
			t.Errorf("%s still says a form is coming", slug)
		}
	}
	if linked < 20 {
		t.Errorf("%d form links, want at least 20", linked)
	}
}

// missingText is how a text missing from a catalogue shows: its key after "!".
var missingText = regexp.MustCompile(`(^|\s)![a-z]`)

// formLinks are the slugs of the forms the situation file names.
func formLinks(t *testing.T, file string) []string {
	t.Helper()
	data, err := fs.ReadFile(demotown.Content(), file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "Form: "); ok {
			slug, _, _ := strings.Cut(rest, " |")
			out = append(out, strings.TrimSpace(slug))
		}
	}
	return out
}

func TestEveryDemoFormStartsAndShowsItsFirstStepWithoutProblemsInBothLanguages(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	defs, err := formdefs.Read(demotown.Content(), "formulare")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defs {
		to := jana.start("/formulare/" + d.Slug)
		for _, path := range []string{to, "/en" + to} {
			page := jana.page(path)
			if len(webtest.ErrorSummary(page)) > 0 || missingText.MatchString(webtest.Text(page)) {
				t.Errorf("%s: the first step shows problems or missing texts", path)
			}
		}
	}
}
