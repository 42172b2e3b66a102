package textdoc_test

import (
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/textdoc"
)

func TestADocumentIsAHeaderABlankLineAndABody(t *testing.T) {
	d, err := textdoc.Parse("situace/pes.txt", []byte("Title: Přihlášení psa\n# a comment\nForm: prihlaseni-psa\nForm: odhlaseni-psa\nSummary: Jak přihlásit\n  psa k poplatku\nUpdated: 2026-11-01\n\nPsa je třeba přihlásit.\n\nDo 15 dnů.\n"))
	if err != nil {
		t.Fatal(err)
	}
	title, _ := d.Required("Title")
	summary, _ := d.Optional("Summary")
	forms := d.All("Form")
	updated, line, _ := d.Date("Updated")
	if title.Value != "Přihlášení psa" || summary.Value != "Jak přihlásit psa k poplatku" || len(forms) != 2 || forms[1].Line != 4 {
		t.Errorf("fields: %+v", d.Fields)
	}
	if !updated.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || line != 7 {
		t.Errorf("Updated = %v on line %d", updated, line)
	}
	if d.Body != "Psa je třeba přihlásit.\n\nDo 15 dnů." || d.BodyLine != 9 {
		t.Errorf("body %q from line %d", d.Body, d.BodyLine)
	}
	if err := d.CheckKnown(); err != nil {
		t.Error(err)
	}
}

func TestProblemsNameTheFileAndLine(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Title Přihlášení psa\n", `x.txt:1: want a header line "Key: value" or a blank line before the text, got "Title Přihlášení psa"`},
		{"  continued\n", "x.txt:1: a continuation line before any key"},
		{"\xff\n", "x.txt: not UTF-8 text"},
	} {
		if _, err := textdoc.Parse("x.txt", []byte(c.text)); err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.text, err, c.want)
		}
	}
	d, err := textdoc.Parse("x.txt", []byte("Title: A\nTitle: B\nTitel: C\nUpdated: 1. 11. 2026\nEmpty:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Required("Title"); err == nil || err.Error() != "x.txt:2: Title is given twice (first on line 1)" {
		t.Errorf("repeated: %v", err)
	}
	if _, _, err := d.Date("Updated"); err == nil || err.Error() != `x.txt:4: Updated must be a date written YYYY-MM-DD, got "1. 11. 2026"` {
		t.Errorf("date: %v", err)
	}
	if _, err := d.Required("Empty"); err == nil || err.Error() != "x.txt:5: Empty is required" {
		t.Errorf("empty: %v", err)
	}
	if _, err := d.Required("Missing"); err == nil || err.Error() != "x.txt: Missing is required" {
		t.Errorf("missing: %v", err)
	}
	if err := d.CheckKnown(); err == nil || err.Error() != `x.txt:3: unknown key "Titel" (known: Empty, Missing, Title, Updated)` {
		t.Errorf("unknown key: %v", err)
	}
}
