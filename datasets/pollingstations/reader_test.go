package pollingstations_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/datasets/pollingstations"
	"github.com/radnice/radnice/geo"
)

func TestReadsRoomsInEitherEncoding(t *testing.T) {
	text := "okrsek;název;adresa;poznámka\n1;Gymnázium – učebna 12;2401163;bezbariérový vstup ze dvora\n2;Kulturní dům;2500025;\n"
	cp1250, err := charmap.Windows1250.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"utf8.csv": "\ufeff" + text, "cp1250.csv": cp1250} {
		stations, err := pollingstations.Read(name, strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := geo.PollingStation{DistrictNumber: 1, Name: "Gymnázium – učebna 12", AddressCode: 2401163,
			Note: "bezbariérový vstup ze dvora", Where: name + ":2"}
		if len(stations) != 2 || stations[0] != want || stations[1].DistrictNumber != 2 || stations[1].Note != "" {
			t.Errorf("%s: stations = %+v", name, stations)
		}
	}
}

func TestListsEveryBadLineWithItsColumn(t *testing.T) {
	text := "okrsek;nazev;adresa\nx;Škola;2401163\n3;;abc\n"
	_, err := pollingstations.Read("mistnosti.csv", strings.NewReader(text))
	want := "mistnosti.csv:2: okrsek: \"x\" is not a district number\n" +
		"mistnosti.csv:3: adresa: \"abc\" is not a kód ADM\n" +
		"mistnosti.csv:3: nazev: the room needs a name"
	if geo.ErrorCode(err) != geo.EINVALID || geo.ErrorMessage(err) != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if _, err := pollingstations.Read("x.csv", strings.NewReader("cislo;jmeno\n")); err == nil || !strings.Contains(err.Error(), `lacks the column "okrsek"`) {
		t.Errorf("wrong header: err = %v", err)
	}
}
