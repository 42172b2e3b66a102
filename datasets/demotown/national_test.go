package demotown

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"testing"
)

var smallNational = NationalOptions{Date: "20261031", Municipalities: 50, Rows: 20_000}

func writeNational(t *testing.T, opt NationalOptions) ([]byte, Stats) {
	t.Helper()
	var b bytes.Buffer
	st, err := WriteNational(&b, opt)
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), st
}

func TestWriteNationalShape(t *testing.T) {
	data, st := writeNational(t, smallNational)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	if len(zr.File) != 50 || st.Files != 50 {
		t.Fatalf("%d members, stats say %d, want 50", len(zr.File), st.Files)
	}

	name := regexp.MustCompile(`^CSV/20261031_OB_(\d{6})_ADR\.csv$`)
	codes := map[string]bool{}
	adm := map[string]bool{}
	streetTowns := map[string]map[string]bool{}
	rows := 0
	for _, f := range zr.File {
		m := name.FindStringSubmatch(f.Name)
		if m == nil || f.Method != zip.Deflate {
			t.Fatalf("member %q (method %d), want CSV/{date}_OB_{kód}_ADR.csv deflated", f.Name, f.Method)
		}
		code := m[1]
		if codes[code] || code == "599565" {
			t.Errorf("municipality code %s repeated or the demo town's", code)
		}
		codes[code] = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range parseExport(t, f.Name, raw) {
			rows++
			if r[colObec] != code {
				t.Fatalf("%s: row of municipality %s", f.Name, r[colObec])
			}
			if adm[r[colADM]] {
				t.Fatalf("kód ADM %s repeated", r[colADM])
			}
			adm[r[colADM]] = true
			prague := code == "554782"
			if prague != (r[colObvod] != "" && r[colMomc] != "") || prague && r[colObecName] != "Praha" {
				t.Fatalf("%s: MOMC/obvod %q %q: only and all of Praha has them", f.Name, r[colMomcName], r[colObvodName])
			}
			if r[colStreet] == "" && r[colOrient] != "" {
				t.Fatalf("%s: orientation number without street: %q", f.Name, r)
			}
			if s := r[colStreetName]; s != "" {
				if streetTowns[s] == nil {
					streetTowns[s] = map[string]bool{}
				}
				streetTowns[s][code] = true
			}
		}
	}
	if !codes["554782"] {
		t.Error("no Prague member CSV/20261031_OB_554782_ADR.csv")
	}
	if rows < 20_000 || rows != st.Rows {
		t.Errorf("%d rows, stats say %d, want at least 20,000", rows, st.Rows)
	}
	shared := 0
	for _, towns := range streetTowns {
		if len(towns) >= 3 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no street name occurs in three or more municipalities")
	}
}

func TestWriteNationalIsDeterministic(t *testing.T) {
	a, _ := writeNational(t, smallNational)
	b, _ := writeNational(t, smallNational)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same options differ")
	}
}

func TestWriteNationalRejectsBadOptions(t *testing.T) {
	for _, opt := range []NationalOptions{
		{Date: "2026-10-31"},
		{Municipalities: -1},
		{Municipalities: maxMunicipalities + 1},
		{Rows: -5},
	} {
		if _, err := WriteNational(io.Discard, opt); err == nil {
			t.Errorf("%+v accepted", opt)
		}
	}
}
