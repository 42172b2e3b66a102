package vosestava_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/datasets/vosestava"
)

const fileName = "Seznam_AM_s_VO_599565.csv"

// The report's header: its columns differ from the address-point export's, and it ends with
// the one-line address and the district number.
const header = "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Název MOP;Kód části obce;Název části obce;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice X;Souřadnice Y;Platí od;Jednořádková adresa;Číslo volebního okrsku"

var kopřivniceRows = []string{
	"2401163;599565;Kopřivnice;;;;69566;Kopřivnice;Štefánikova;č.p.;1163;12,0;;74221;1132310,20;479420,50;13.12.2021;Štefánikova 1163/12, 742 21 Kopřivnice;3,0",
	"2401170;599565;Kopřivnice;;;;69566;Kopřivnice;Štefánikova;č.p.;1170;12,0;a;74221;1132318,20;479425,50;13.12.2021;Štefánikova 1170/12a, 742 21 Kopřivnice;3,0",
	"2500025;599565;Kopřivnice;;;;69574;Lubina;;č.p.;25;;;74221;1134800,00;476100,00;01.03.2015;č.p. 25, Lubina, 742 21 Kopřivnice;12,0",
}

func csvFile(head string, rows ...string) string {
	return head + "\r\n" + strings.Join(rows, "\r\n") + "\r\n"
}

func cp1250(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode to windows-1250: %v", err)
	}
	return b
}

// readAll reads every row; err is the error that ended reading, nil at a clean end.
func readAll(t *testing.T, body []byte) ([]vosestava.Row, *vosestava.Reader, error) {
	t.Helper()
	rd, err := vosestava.NewReader(fileName, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	var rows []vosestava.Row
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return rows, rd, nil
		}
		if err != nil {
			return rows, rd, err
		}
		rows = append(rows, row)
	}
}

func TestReadsAWindows1250ReportWithDecimalCommas(t *testing.T) {
	rows, rd, err := readAll(t, cp1250(t, csvFile(header, kopřivniceRows...)))
	if err != nil {
		t.Fatal(err)
	}
	want := []vosestava.Row{
		{AddressCode: 2401163, MunicipalityCode: 599565, DistrictNumber: 3, Address: "Štefánikova 1163/12, 742 21 Kopřivnice"},
		{AddressCode: 2401170, MunicipalityCode: 599565, DistrictNumber: 3, Address: "Štefánikova 1170/12a, 742 21 Kopřivnice"},
		{AddressCode: 2500025, MunicipalityCode: 599565, DistrictNumber: 12, Address: "č.p. 25, Lubina, 742 21 Kopřivnice"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %+v, want %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
	if rd.Rows() != 3 || rd.Rejected() != 0 || rd.WithoutDistrict() != 0 {
		t.Errorf("rows %d, rejected %v, without district %d; want 3, none, 0", rd.Rows(), rd.Rejects(), rd.WithoutDistrict())
	}
}

func TestReadsAUTF8ReportWithByteOrderMarkAndPlainNumbers(t *testing.T) {
	body := "\xef\xbb\xbf" + csvFile(header,
		"22296361;554782;Praha;500186;Praha 7;Praha 7;490067;Holešovice;U Elektrárny;č.p.;9;10;;17000;1040840,65;741272,24;29.06.2017;U Elektrárny 9/10, Holešovice, 170 00 Praha 7;7001")
	rows, _, err := readAll(t, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := vosestava.Row{AddressCode: 22296361, MunicipalityCode: 554782, DistrictNumber: 7001, Address: "U Elektrárny 9/10, Holešovice, 170 00 Praha 7"}
	if len(rows) != 1 || rows[0] != want {
		t.Errorf("rows = %+v, want [%+v]", rows, want)
	}
}

func TestMapsColumnsByNameAndNeedsNoMunicipalityCode(t *testing.T) {
	body := csvFile("Název obce;PSČ;Kód ADM;Jednořádková adresa;Číslo volebního okrsku",
		"Kopřivnice;74221;2401163;Štefánikova 1163/12, 742 21 Kopřivnice;3,0")
	rows, _, err := readAll(t, cp1250(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := vosestava.Row{AddressCode: 2401163, DistrictNumber: 3, Address: "Štefánikova 1163/12, 742 21 Kopřivnice"}
	if len(rows) != 1 || rows[0] != want {
		t.Errorf("rows = %+v, want [%+v] with municipality code 0", rows, want)
	}
}

func TestAcceptsQuotedFieldsAndLinesEndingWithASemicolon(t *testing.T) {
	body := csvFile(`"Kód ADM";"Kód obce";"Jednořádková adresa";"Číslo volebního okrsku";`,
		`2401163;599565;"Štefánikova 1163/12; ""u parku"", 742 21 Kopřivnice";"3,0";`,
		`2401170;599565;Štefánikova 1170/12a, 742 21 Kopřivnice;3;`)
	rows, rd, err := readAll(t, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Address != `Štefánikova 1163/12; "u parku", 742 21 Kopřivnice` || rows[1].DistrictNumber != 3 {
		t.Errorf("rows = %+v, rejects %v", rows, rd.Rejects())
	}
}

func TestCountsAndSkipsAddressPointsWithoutADistrict(t *testing.T) {
	body := csvFile(header, kopřivniceRows[0],
		"2600045;599565;Kopřivnice;;;;69566;Kopřivnice;Záhumenní;č.ev.;45;;;74221;;;01.05.2019;Záhumenní č.ev. 45, 742 21 Kopřivnice;")
	rows, rd, err := readAll(t, cp1250(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rd.WithoutDistrict() != 1 || rd.Rejected() != 0 || rd.Rows() != 2 {
		t.Errorf("rows %+v, without district %d, rejects %v; want one row, one without district, no rejects", rows, rd.WithoutDistrict(), rd.Rejects())
	}
}

func TestRejectsMalformedRowsWithTheirLineAndReadsOn(t *testing.T) {
	good := kopřivniceRows[0]
	field := func(i int, v string) string {
		f := strings.Split(good, ";")
		f[i] = v
		return strings.Join(f, ";")
	}
	cases := []struct {
		name, row, reason string
	}{
		{"address code not a number", field(0, "24O1163"), `"Kód ADM" is "24O1163"; expected a positive whole number`},
		{"address code zero", field(0, "0"), `"Kód ADM" is "0"; expected a positive whole number`},
		{"district number with a fraction", field(18, "3,5"), `"Číslo volebního okrsku" is "3,5"; expected a whole number such as 7001 or 7001,0`},
		{"district number negative", field(18, "-3"), `"Číslo volebního okrsku" is "-3"; expected a whole number such as 7001 or 7001,0`},
		{"municipality code not a number", field(1, "Kopřivnice"), `"Kód obce" is "Kopřivnice"; expected a positive whole number`},
		{"empty address", field(17, " "), `"Jednořádková adresa" is empty`},
		{"a field too few", strings.TrimSuffix(good, ";3,0"), "expected 19 fields separated by ';', found 18"},
		{"a field too many", good + ";3,0", "expected 19 fields separated by ';', found 20"},
		{"broken quoting", field(17, `"Štefánikova 1163/12`), "a quoted field is not terminated, or text follows its closing quote"},
		{"repeated address point", good, `"Kód ADM" 2401163 repeats the row on line 2`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, rd, err := readAll(t, cp1250(t, csvFile(header, good, c.row, kopřivniceRows[2])))
			if err != nil {
				t.Fatalf("the file was refused: %v", err)
			}
			if len(rows) != 2 || rows[1].AddressCode != 2500025 {
				t.Errorf("rows = %+v, want the rows before and after the bad one", rows)
			}
			want := fileName + ":3: " + c.reason
			if rd.Rejected() != 1 || rd.Rejects()[0].Error() != want {
				t.Errorf("rejects = %v\nwant [%s]", rd.Rejects(), want)
			}
		})
	}
}

func TestRefusesAWrongHeaderOrEncoding(t *testing.T) {
	adrExport := "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód obvodu Prahy;Název obvodu Prahy;Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od"
	cases := []struct {
		name string
		body []byte
		want string
	}{
		{"empty file", nil, fileName + `: file refused: the file is empty; expected the header of the polling-district report "Seznam adresních míst s volebními okrsky"`},
		{
			"the address-point export instead", cp1250(t, csvFile(adrExport, "2401163;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.p.;1163;12;;74221;479420.50;1132310.20;2021-12-13T00:00:00")),
			fileName + `:1: file refused: the header ends with "Souřadnice X;Platí Od"; expected it to end with "Jednořádková adresa;Číslo volebního okrsku" as the report "Seznam adresních míst s volebními okrsky" does`,
		},
		{
			"the last two columns swapped", cp1250(t, csvFile("Kód ADM;Číslo volebního okrsku;Jednořádková adresa")),
			fileName + `:1: file refused: the header ends with "Číslo volebního okrsku;Jednořádková adresa"; expected it to end with "Jednořádková adresa;Číslo volebního okrsku" as the report "Seznam adresních míst s volebními okrsky" does`,
		},
		{
			"no address point code", cp1250(t, csvFile("Kód obce;Jednořádková adresa;Číslo volebního okrsku", "599565;Štefánikova 1163/12, 742 21 Kopřivnice;3,0")),
			fileName + `:1: file refused: the header lacks the column "Kód ADM"`,
		},
		{
			"address point code twice", cp1250(t, csvFile("Kód ADM;Kód ADM;Jednořádková adresa;Číslo volebního okrsku")),
			fileName + `:1: file refused: column "Kód ADM" appears twice in the header (fields 1 and 2)`,
		},
		{
			"a windows-1250 row in a UTF-8 file", append([]byte(csvFile(header, kopřivniceRows[0])), cp1250(t, kopřivniceRows[1]+"\r\n")...),
			fileName + ":3: file refused: invalid UTF-8 in a file whose header is UTF-8 (mixed encodings?)",
		},
		{
			"a byte windows-1250 leaves undefined", append(cp1250(t, csvFile(header, kopřivniceRows[0])), []byte("2401170;599565;Kop\x98ivnice\r\n")...),
			fileName + ":3: file refused: byte 0x98 is not a windows-1250 character (wrong encoding?)",
		},
		{
			"a binary file", append(cp1250(t, header+"\r\n"), bytes.Repeat([]byte("x"), 70_000)...),
			fileName + ":2: file refused: a line is longer than 64 KiB; this is not the polling-district report \"Seznam adresních míst s volebními okrsky\"",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, _, err := readAll(t, c.body)
			var fe *vosestava.FileError
			if !errors.As(err, &fe) || err.Error() != c.want {
				t.Errorf("error = %v\nwant %s", err, c.want)
			}
			if strings.HasPrefix(c.name, "a windows-1250 row") || strings.HasPrefix(c.name, "a byte") {
				if len(rows) != 1 {
					t.Errorf("returned %d rows before refusing, want the 1 good one", len(rows))
				}
			}
		})
	}
}

func TestReadsARowWithoutAFinalLineEnd(t *testing.T) {
	body := header + "\r\n" + kopřivniceRows[0]
	rows, _, err := readAll(t, cp1250(t, body))
	if err != nil || len(rows) != 1 {
		t.Errorf("rows = %+v, err = %v; want the one row", rows, err)
	}
}
