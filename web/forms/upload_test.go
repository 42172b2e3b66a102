package forms_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

// Files as their content makes them, whatever they are called.
var (
	pdf = append([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), bytes.Repeat([]byte("0"), 2000)...)
	png = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 2000)...)
)

// exemption is step 3 of the dog form claiming an exemption for a ZTP/P card, whose proof is
// uploaded.
var exemption = url.Values{"relief": {"osvobozeni"}, "exemption": {"ztpp"}}

// atStep3 is Jana at step 3 of the dog form.
func atStep3(t *testing.T, p portal) *visitor {
	t.Helper()
	jana := p.as(t, "jana")
	jana.start(dogForm)
	jana.step(dogForm+"/krok/1", holder)
	jana.step(dogForm+"/krok/2", dogs(false))
	return jana
}

func TestAnUploadIsJudgedByItsContentAndSizeAndAFileThatPassesIsKeptWithTheDraft(t *testing.T) {
	p := newPortal(t)
	jana := atStep3(t, p)
	for name, c := range map[string]struct {
		file webtest.File
		want string
	}{
		"a name that lies about the content": {webtest.File{Field: "proof", Name: "prukaz.pdf", Content: png},
			"Soubor „prukaz.pdf“ je podle svého obsahu PNG, jeho název ale ukazuje na jiný typ. Přejmenujte ho, nebo vyberte jiný soubor."},
		"a type the field does not take": {webtest.File{Field: "proof", Name: "prukaz.txt", Content: []byte("Průkaz ZTP/P č. 123456")},
			"Soubor v poli „Doklad o nároku“ musí být typu PDF, JPG nebo PNG."},
		"a file over the field's limit": {webtest.File{Field: "proof", Name: "prukaz.pdf", Content: append(bytes.Clone(pdf), make([]byte, 5<<20)...)},
			"Soubor v poli „Doklad o nároku“ může mít nejvýše 5\u00a0MB."},
		"a request over the step's limit": {webtest.File{Field: "proof", Name: "prukaz.pdf", Content: append(bytes.Clone(pdf), make([]byte, 7<<20)...)},
			"Soubor v poli „Doklad o nároku“ může mít nejvýše 5\u00a0MB."},
		"an empty file": {webtest.File{Field: "proof", Name: "prukaz.pdf"},
			"Soubor „prukaz.pdf“ je prázdný. Vyberte jiný."},
	} {
		t.Run(name, func(t *testing.T) {
			jana.t = t
			res, page := jana.postMultipart(dogForm+"/krok/3", exemption, c.file)
			if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "proof") != c.want || webtest.ErrorSummary(page)["proof"] != c.want {
				t.Errorf("status %d, proof's error %q, want 422 and %q", res.StatusCode, webtest.FieldError(page, "proof"), c.want)
			}
		})
	}
	jana.t = t
	if n := p.count(t, "submission_files", "true"); n != 0 {
		t.Fatalf("%d refused files stored", n)
	}

	// A file that passes is kept with the draft even when the step has other problems, and
	// stays attached until it is unticked or replaced.
	res, page := jana.postMultipart(dogForm+"/krok/3", url.Values{"relief": {"osvobozeni"}}, webtest.File{Field: "proof", Name: "Průkaz ZTP-P.PDF", Content: pdf})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "proof") != "" || webtest.ErrorSummary(page)["exemption"] == "" {
		t.Fatalf("status %d, errors %v; want only the missing reason", res.StatusCode, webtest.ErrorSummary(page))
	}
	if !checked(page, "proof.keep") || !strings.Contains(webtest.Text(page), "Ponechat přiložený soubor Průkaz ZTP-P.PDF") {
		t.Error("the attached file is not offered to keep")
	}
	var id, mediaType string
	var size int
	if err := p.pool.QueryRow(t.Context(), `SELECT id::text, media_type, size FROM submission_files WHERE draft_id IS NOT NULL AND field = 'proof'`).Scan(&id, &mediaType, &size); err != nil {
		t.Fatal(err)
	}
	if mediaType != "application/pdf" || size != len(pdf) {
		t.Errorf("stored as %s of %d bytes", mediaType, size)
	}
	keep := url.Values{"relief": {"osvobozeni"}, "exemption": {"ztpp"}, "proof.keep": {id}}
	if to := jana.step(dogForm+"/krok/3", keep); to != dogForm+"/krok/4" {
		t.Fatalf("keeping the file leads to %s", to)
	}
	jana.step(dogForm+"/krok/4", url.Values{"tag": {"radnice"}, "truth": {"ano"}})
	check := jana.page(dogForm + "/kontrola")
	expectText(t, "the check", check, "Doklad o nároku Průkaz ZTP-P.PDF (PDF,")
	res, body := jana.post(dogForm+"/odeslat", url.Values{"klic": {hiddenValue(t, check, "klic")}})
	redirected(t, "send", res, body)
	if p.count(t, "submission_files", "submission_id IS NOT NULL AND draft_id IS NULL AND id = $1", id) != 1 || p.count(t, "submission_files", "true") != 1 {
		t.Error("the file did not move from the draft to the submission")
	}
}
