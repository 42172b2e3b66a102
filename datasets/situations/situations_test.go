package situations_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/situations"
)

const categories = `# Kategorie v pořadí rozcestníku
Category: odpady-a-poplatky | Odpady a poplatky | Svoz, sběrný dvůr, místní poplatky.
Category: rodina-a-deti | Rodina a děti
`

const dogHeader = `Title: Pořízení psa
Category: odpady-a-poplatky
Summary: Psa přihlásíte k poplatku
  do 15 dnů.
Keywords: pes, psi,  pejsek
Agenda: poplatky
Form: prihlaseni-psa | Přihlášení psa k místnímu poplatku
Form: odhlaseni-psa | Odhlášení psa
Video: jak-prihlasit-psa | Jak přihlásit psa
Law: zákon č. 565/1990 Sb., o místních poplatcích
Law: obecně závazná vyhláška města č. 2/2025
Updated: 2026-10-12
`

const dogBody = `## Co to je

Místní poplatek ze psů.

### Sazby

| Pes | Kč |
| --- | --: |
| první | 1 000 |

## Koho se týká
Držitelů psů.
## Co si připravit
- občanský průkaz
- číslo čipu
## Poplatky
Viz [sazby](#sazby) a [vyhlášku](https://www.e-sbirka.cz/sb/1990/565).
## Lhůty
Do 15 dnů.
## Jak to vyřídit online
Formulářem.
## Kdo to vyřizuje
Oddělení místních poplatků, přízemí.
`

func folder(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["zivotni-situace/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestAFolderIsItsCategoriesAndOneFilePerSituation(t *testing.T) {
	c, err := situations.Read(folder(map[string]string{
		"kategorie.txt":   categories,
		"porizeni-psa.md": dogHeader + "\n" + dogBody,
		"poznamky.txt":    "not a situation",
	}), "zivotni-situace")
	if err != nil {
		t.Fatal(err)
	}
	wantCategories := []situations.Category{
		{Slug: "odpady-a-poplatky", Title: "Odpady a poplatky", Description: "Svoz, sběrný dvůr, místní poplatky."},
		{Slug: "rodina-a-deti", Title: "Rodina a děti"},
	}
	if !reflect.DeepEqual(c.Categories, wantCategories) {
		t.Errorf("categories %+v", c.Categories)
	}
	if len(c.Situations) != 1 {
		t.Fatalf("%d situations", len(c.Situations))
	}
	s := c.Situations[0]
	want := situations.Situation{
		Slug: "porizeni-psa", Category: "odpady-a-poplatky", Title: "Pořízení psa",
		Summary:  "Psa přihlásíte k poplatku do 15 dnů.",
		Keywords: []string{"pes", "psi", "pejsek"},
		Agenda:   "poplatky",
		Forms:    []situations.Link{{"prihlaseni-psa", "Přihlášení psa k místnímu poplatku"}, {"odhlaseni-psa", "Odhlášení psa"}},
		Videos:   []situations.Link{{"jak-prihlasit-psa", "Jak přihlásit psa"}},
		Laws:     []string{"zákon č. 565/1990 Sb., o místních poplatcích", "obecně závazná vyhláška města č. 2/2025"},
		Updated:  time.Date(2026, 10, 12, 0, 0, 0, 0, time.UTC),
		Sections: situations.Sections{
			About:       "Místní poplatek ze psů.\n\n### Sazby\n\n| Pes | Kč |\n| --- | --: |\n| první | 1 000 |",
			Audience:    "Držitelů psů.",
			Preparation: "- občanský průkaz\n- číslo čipu",
			Fees:        "Viz [sazby](#sazby) a [vyhlášku](https://www.e-sbirka.cz/sb/1990/565).",
			Deadlines:   "Do 15 dnů.",
			Online:      "Formulářem.",
			Handling:    "Oddělení místních poplatků, přízemí.",
		},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("situation\n got %+v\nwant %+v", s, want)
	}
}

func TestTheHandlingNoteIsOptional(t *testing.T) {
	body := dogBody[:strings.Index(dogBody, "## Kdo to vyřizuje")]
	c, err := situations.Read(folder(map[string]string{"kategorie.txt": categories, "porizeni-psa.md": dogHeader + "\n" + body}), "zivotni-situace")
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Situations[0]; s.Handling != "" || s.Online != "Formulářem." {
		t.Errorf("handling %q, online %q", s.Handling, s.Online)
	}
}

// dogWith is the dog's file with the header line starting with key replaced by line ("" drops
// it) and the body's text old replaced by new.
func dogWith(key, line, old, new string) string {
	var header []string
	for _, l := range strings.SplitAfter(dogHeader, "\n") {
		if key != "" && strings.HasPrefix(l, key+":") {
			if line != "" {
				header = append(header, line+"\n")
			}
			continue
		}
		header = append(header, l)
	}
	body := dogBody
	if old != "" {
		body = strings.Replace(dogBody, old, new, 1)
	}
	return strings.Join(header, "") + "\n" + body
}

func TestProblemsNameTheFileAndLine(t *testing.T) {
	const f = "zivotni-situace/porizeni-psa.md"
	// The body starts on line 14: 12 header lines (one continued), the blank line.
	for _, c := range []struct{ name, text, want string }{
		{"no title", dogWith("Title", "", "", ""), f + ": Title is required"},
		{"unknown category", dogWith("Category", "Category: zvirata", "", ""), f + `:2: Category "zvirata" is not in kategorie.txt`},
		{"agenda not a slug", dogWith("Agenda", "Agenda: Poplatky", "", ""), f + `:6: Agenda "Poplatky": a slug is lower-case letters without diacritics, digits and hyphens`},
		{"form without a title", dogWith("Video", "Form: odhlaseni-psa", "", ""), f + `:9: want "Form: slug | Title of the link", got "odhlaseni-psa"`},
		{"form twice", dogWith("Video", "Form: prihlaseni-psa | Znovu", "", ""), f + ":9: Form prihlaseni-psa is given twice (first on line 7)"},
		{"video slug with diacritics", dogWith("Video", "Video: jak-přihlásit-psa | Jak přihlásit psa", "", ""), f + `:9: Video "jak-přihlásit-psa": a slug is lower-case letters without diacritics, digits and hyphens`},
		{"empty keyword", dogWith("Keywords", "Keywords: pes,, psi", "", ""), f + ":5: Keywords are separated by single commas"},
		{"no law", dogWith("Law", "", "", ""), f + `: Law is required: the legal basis, one line each ("Law: zákon č. 500/2004 Sb., správní řád")`},
		{"no update", dogWith("Updated", "", "", ""), f + ": Updated is required: the date of the last update, YYYY-MM-DD"},
		{"a date as Czechs write it", dogWith("Updated", "Updated: 12. 10. 2026", "", ""), f + `:12: Updated must be a date written YYYY-MM-DD, got "12. 10. 2026"`},
		{"a misspelt key", dogWith("Updated", "Updated: 2026-10-12\nAgneda: poplatky", "", ""), f + `:13: unknown key "Agneda" (known: Agenda, Category, Form, Keywords, Law, Summary, Title, Updated, Video)`},
		{"text before the first section", dogWith("", "", "## Co to je\n", "Úvod.\n## Co to je\n"), f + `:14: the text starts with the section "## Co to je"`},
		{"an unknown section", dogWith("", "", "## Lhůty", "## Termíny"), f + `:31: unknown section "Termíny" (the sections, in order: Co to je, Koho se týká, Co si připravit, Poplatky, Lhůty, Jak to vyřídit online, Kdo to vyřizuje)`},
		{"a section twice", dogWith("", "", "## Lhůty\nDo 15 dnů.", "## Lhůty\nDo 15 dnů.\n## Poplatky\nŽádné."), f + `:33: section "Poplatky" comes too late or twice (the sections, in order: Co to je, Koho se týká, Co si připravit, Poplatky, Lhůty, Jak to vyřídit online, Kdo to vyřizuje)`},
		{"a section left out", dogWith("", "", "## Koho se týká\nDržitelů psů.\n", ""), f + `:24: section "Koho se týká" is missing before "Co si připravit"`},
		{"the last required section left out", dogWith("", "", "## Jak to vyřídit online\nFormulářem.\n## Kdo to vyřizuje\nOddělení místních poplatků, přízemí.\n", ""), f + `:32: section "Jak to vyřídit online" is missing at the end`},
		{"an empty section", dogWith("", "", "Držitelů psů.\n", "\n"), f + `:24: section "Koho se týká" is empty`},
		{"HTML", dogWith("", "", "Do 15 dnů.", "Do <b>15</b> dnů."), f + ":32: HTML is not allowed in the text: write Markdown"},
		{"an HTML block", dogWith("", "", "Držitelů psů.", "Držitelů psů.\n\n<div>\nblok\n</div>"), f + ":27: HTML is not allowed in the text: write Markdown"},
		{"an image", dogWith("", "", "Formulářem.", "Formulářem.\n\n![pes](/static/pes.png)"), f + ":36: images are not allowed in the text"},
		{"a level-one heading", dogWith("", "", "### Sazby", "# Sazby"), f + ":18: headings inside a section start with ### (## starts a section)"},
		{"a setext heading", dogWith("", "", "Do 15 dnů.", "Do 15 dnů.\n=========="), f + ":32: headings inside a section start with ### (## starts a section)"},
		{"a script link", dogWith("", "", "[sazby](#sazby)", "[sazby](javascript:alert(1))"), f + `:30: link to "javascript:alert(1)": want https://…, mailto:, tel: or a portal path starting with /`},
		{"a relative link", dogWith("", "", "- číslo čipu", "- [číslo čipu](cip.html)"), f + `:28: link to "cip.html": want https://…, mailto:, tel: or a portal path starting with /`},
		{"blank lines before the text", strings.Replace(dogWith("", "", "Do 15 dnů.", "Do <b>15</b> dnů."), "\n\n## Co to je", "\n\n\n\n## Co to je", 1), f + ":34: HTML is not allowed in the text: write Markdown"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := situations.Read(folder(map[string]string{"kategorie.txt": categories, "porizeni-psa.md": c.text}), "zivotni-situace")
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestEveryFileWithAProblemIsReported(t *testing.T) {
	_, err := situations.Read(folder(map[string]string{
		"kategorie.txt":   categories,
		"porizeni-psa.md": dogWith("Title", "", "", ""),
		"Kaceni.md":       dogHeader + "\n" + dogBody,
		"zabor.md":        dogWith("Agenda", "", "", ""),
	}), "zivotni-situace")
	want := "zivotni-situace/Kaceni.md: the file name is the situation's address: lower-case letters without diacritics, digits and hyphens, then .md\n" +
		"zivotni-situace/porizeni-psa.md: Title is required\n" +
		"zivotni-situace/zabor.md: Agenda is required"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestTheCategoriesFileIsStrict(t *testing.T) {
	const f = "zivotni-situace/kategorie.txt"
	for _, c := range []struct{ text, want string }{
		{"Category: rodina\n", f + `:1: want "Category: slug | Title | Description" (the description may be left out), got "rodina"`},
		{"Category: Rodina | Rodina a děti\n", f + `:1: category "Rodina": a slug is lower-case letters without diacritics, digits and hyphens`},
		{"Category: rodina | Rodina\nCategory: rodina | Rodina a děti\n", f + ":2: category rodina is given twice (first on line 1)"},
		{"Category: rodina | Rodina\nKategorie: doprava | Doprava\n", f + `:2: unknown key "Kategorie" (known: Category)`},
		{"Category: rodina | Rodina\n\nRodina a děti\n", f + ":3: the categories file has only header lines; comments start with #"},
		{"# nic\n", f + `: no categories: add lines "Category: slug | Title | Description"`},
	} {
		_, err := situations.Read(folder(map[string]string{"kategorie.txt": c.text, "porizeni-psa.md": dogHeader + "\n" + dogBody}), "zivotni-situace")
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got  %v\nwant %s", c.text, err, c.want)
		}
	}
}

func TestAFolderWithoutSituationsIsRefused(t *testing.T) {
	_, err := situations.Read(folder(map[string]string{"kategorie.txt": categories}), "zivotni-situace")
	if err == nil || err.Error() != "zivotni-situace: no situations (files *.md)" {
		t.Errorf("got %v", err)
	}
}
