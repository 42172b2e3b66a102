package geo_test

import (
	"reflect"
	"testing"

	"github.com/radnice/radnice/geo"
)

func TestLabelIsTheCzechPostalOneLineForm(t *testing.T) {
	kopřivnice := geo.Ref{Code: 599565, Name: "Kopřivnice"}
	cases := []struct {
		name string
		a    geo.Address
		want string
	}{
		{"street with orientation number", geo.Address{Municipality: kopřivnice, Part: geo.Ref{Name: "Kopřivnice"},
			Street: &geo.Ref{Name: "Štefánikova"}, BuildingType: geo.Descriptive, HouseNumber: 1163, OrientationNumber: 12, Postcode: "74221"},
			"Štefánikova 1163/12, 742 21 Kopřivnice"},
		{"orientation letter", geo.Address{Municipality: kopřivnice, Part: geo.Ref{Name: "Kopřivnice"},
			Street: &geo.Ref{Name: "Štefánikova"}, BuildingType: geo.Descriptive, HouseNumber: 1170, OrientationNumber: 12, OrientationLetter: "a", Postcode: "74221"},
			"Štefánikova 1170/12a, 742 21 Kopřivnice"},
		{"town part without streets", geo.Address{Municipality: kopřivnice, Part: geo.Ref{Name: "Lubina"},
			BuildingType: geo.Descriptive, HouseNumber: 25, Postcode: "74221"},
			"Lubina 25, 742 21 Kopřivnice"},
		{"číslo evidenční", geo.Address{Municipality: kopřivnice, Part: geo.Ref{Name: "Kopřivnice"},
			Street: &geo.Ref{Name: "Záhumenní"}, BuildingType: geo.Registry, HouseNumber: 45, Postcode: "74221"},
			"Záhumenní č. ev. 45, 742 21 Kopřivnice"},
		{"Prague names the part and the district", geo.Address{Municipality: geo.Ref{Name: "Praha"}, Part: geo.Ref{Name: "Vinohrady"},
			PragueDistrict: &geo.Ref{Name: "Praha 3"}, Street: &geo.Ref{Name: "Vinohradská"}, BuildingType: geo.Descriptive,
			HouseNumber: 2828, OrientationNumber: 151, Postcode: "13000"},
			"Vinohradská 2828/151, Vinohrady, 130 00 Praha 3"},
		{"street in a town part of another name", geo.Address{Municipality: geo.Ref{Name: "Frenštát pod Radhoštěm"}, Part: geo.Ref{Name: "Horečky"},
			Street: &geo.Ref{Name: "Horečky"}, BuildingType: geo.Descriptive, HouseNumber: 1500, Postcode: "74401"},
			"Horečky 1500, Horečky, 744 01 Frenštát pod Radhoštěm"},
	}
	for _, c := range cases {
		if got := c.a.Label(); got != c.want {
			t.Errorf("%s: Label() = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFoldIgnoresCaseDiacriticsAndPunctuation(t *testing.T) {
	cases := map[string]string{
		"Štefánikova 1163/12":   "stefanikova 1163/12",
		"Masarykovo nám.":       "masarykovo nam",
		"  ŽLUŤOUČKÝ   kůň, 5 ": "zlutoucky kun 5",
		"Obránců míru":          "obrancu miru",
		"č.p.":                  "c p",
	}
	for in, want := range cases {
		if got := geo.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseQueryReadsWhatCitizensType(t *testing.T) {
	cases := []struct {
		in   string
		want geo.Query
	}{
		{"stefanikova 12", geo.Query{Words: []string{"stefanikova"}, Numbers: []geo.NumberPart{{Plain: 12, Prefix: "12"}}}},
		{"Štefánikova 1163/12", geo.Query{Words: []string{"stefanikova"}, Numbers: []geo.NumberPart{{House: 1163, Orientation: 12, Prefix: "12"}}}},
		{"1163 / 12a", geo.Query{Numbers: []geo.NumberPart{{House: 1163, Orientation: 12, Letter: "a", Prefix: "12"}}}},
		{"1163 12", geo.Query{Numbers: []geo.NumberPart{{House: 1163, Orientation: 12, Prefix: "12"}}}},
		{"č.p. 1163", geo.Query{BuildingType: geo.Descriptive, Numbers: []geo.NumberPart{{House: 1163, Prefix: "1163"}}}},
		{"cp 1163 kopřivnice", geo.Query{BuildingType: geo.Descriptive, Words: []string{"koprivnice"}, Numbers: []geo.NumberPart{{House: 1163, Prefix: "1163"}}}},
		{"č. ev. 45", geo.Query{BuildingType: geo.Registry, Numbers: []geo.NumberPart{{House: 45, Prefix: "45"}}}},
		{"čev 45", geo.Query{BuildingType: geo.Registry, Numbers: []geo.NumberPart{{House: 45, Prefix: "45"}}}},
		{"12a", geo.Query{Numbers: []geo.NumberPart{{Orientation: 12, Letter: "a"}}}},
		{"Lubina 25", geo.Query{Words: []string{"lubina"}, Numbers: []geo.NumberPart{{Plain: 25, Prefix: "25"}}}},
		{"742 21", geo.Query{Postcode: "74221"}},
		{"74221 Kopřivnice", geo.Query{Postcode: "74221", Words: []string{"koprivnice"}}},
		{"1163/", geo.Query{Numbers: []geo.NumberPart{{House: 1163}}}},
		{"Masarykovo nám.", geo.Query{Words: []string{"masarykovo", "nam"}}},
	}
	for _, c := range cases {
		if got := geo.ParseQuery(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestParseQueryKeepsNumberedStreetNamesAndMarkedFiveDigitNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want geo.Query
	}{
		{"5 kvetna 15", geo.Query{Words: []string{"5", "kvetna"}, Numbers: []geo.NumberPart{{Plain: 15, Prefix: "15"}}}},
		{"28. října 1020/3", geo.Query{Words: []string{"28", "rijna"}, Numbers: []geo.NumberPart{{House: 1020, Orientation: 3, Prefix: "3"}}}},
		{"č.p. 11203", geo.Query{BuildingType: geo.Descriptive, Numbers: []geo.NumberPart{{House: 11203, Prefix: "11203"}}}},
		{"cp 11203 74221", geo.Query{BuildingType: geo.Descriptive, Postcode: "74221", Numbers: []geo.NumberPart{{House: 11203, Prefix: "11203"}}}},
	}
	for _, c := range cases {
		if got := geo.ParseQuery(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}
