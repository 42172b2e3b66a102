package czid_test

import (
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/czid"
)

func TestICOCheckDigit(t *testing.T) {
	for s, want := range map[string]bool{
		"00298077": true, // Město Kopřivnice
		"25596641": true, // remainder 0: check digit 1
		"10000020": true, // remainder 1: check digit 0
		"10000021": false,
		"00298078": false, // wrong check digit
		"0029807":  false,
		"0029807a": false,
	} {
		if got := czid.ValidICO(s); got != want {
			t.Errorf("ValidICO(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDataBoxForm(t *testing.T) {
	for s, want := range map[string]bool{"k8ppbxe": true, "K8PPBXE": false, "k8ppbx": false, "k8ppbx-": false} {
		if got := czid.ValidDataBox(s); got != want {
			t.Errorf("ValidDataBox(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestABirthNumberHoldsTheDateOfBirthAndSex(t *testing.T) {
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in, number string
		born       time.Time
		female     bool
	}{
		{"710319/2745", "710319/2745", date(1971, 3, 19), false}, // python-stdnum's example
		{"7103192745", "710319/2745", date(1971, 3, 19), false},
		{" 755112/3459 ", "755112/3459", date(1975, 1, 12), true}, // women: month + 50
		{"0422071232", "042207/1232", date(2004, 2, 7), false},    // since 2004: month + 20
		{"0472070016", "047207/0016", date(2004, 2, 7), true},     // and + 70 for women
		{"1951010116", "195101/0116", date(2019, 1, 1), true},     // ten digits, year below 54: 20xx
		{"540101/0010", "540101/0010", date(1954, 1, 1), false},
		{"0002291234", "000229/1234", date(2000, 2, 29), false},  // a leap day
		{"850412/1330", "850412/1330", date(1985, 4, 12), false}, // remainder 10: check digit 0
		{"530101/001", "530101/001", date(1953, 1, 1), false},    // nine digits before 1954
		{"991231123", "991231/123", date(1899, 12, 31), false},   // nine digits, born in the 1890s
	} {
		b, ok := czid.ParseBirthNumber(c.in)
		if !ok || b.Number != c.number || !b.Born.Equal(c.born) || b.Female != c.female {
			t.Errorf("ParseBirthNumber(%q) = %+v, %v; want %s born %s, female %v", c.in, b, ok, c.number, c.born.Format(time.DateOnly), c.female)
		}
	}
	for _, bad := range []string{
		"7103192746",  // wrong check digit
		"1103492745",  // month 49
		"8502291237",  // 29 February 1985
		"9922071236",  // month + 20 before 2004
		"540101/001",  // nine digits in 1954
		"590312/123",  // nine digits in 1959
		"710319-2745", // not a slash
		"71031/92745", // slash in the wrong place
		"71031927450", // eleven digits
		"71O319/2745", // a letter O
		"",
	} {
		if b, ok := czid.ParseBirthNumber(bad); ok {
			t.Errorf("ParseBirthNumber(%q) accepted as %+v", bad, b)
		}
	}
}

func TestAMaskedBirthNumberHidesTheSerial(t *testing.T) {
	for in, want := range map[string]string{"7103192745": "710319/****", "530101001": "530101/***"} {
		b, _ := czid.ParseBirthNumber(in)
		if got := b.Masked(); got != want {
			t.Errorf("%s masked = %q, want %q", in, got, want)
		}
	}
}

func TestBankAccountsPassMod11AndNameARealBank(t *testing.T) {
	for in, want := range map[string]string{
		"19-2000145399/0800":            "19-2000145399/0800", // the example of the IBAN registry
		"2000145399/0800":               "2000145399/0800",
		"000019-2000145399/0800":        "19-2000145399/0800",
		" 19 - 2000145399 / 0800 ":      "19-2000145399/0800",
		"34278-0727558021/0100":         "34278-727558021/0100", // python-stdnum's example
		"7704-77628031/0710":            "7704-77628031/0710",   // an account at the ČNB (0710)
		"CZ65 0800 0000 1920 0014 5399": "19-2000145399/0800",
		"cz6508000000192000145399":      "19-2000145399/0800",
	} {
		a, ok := czid.ParseBankAccount(in)
		if !ok || a.String() != want {
			t.Errorf("ParseBankAccount(%q) = %q, %v; want %q", in, a, ok, want)
		}
	}
	for _, bad := range []string{
		"4278-727558021/0100",           // prefix fails mod 11
		"19-2000145398/0800",            // number fails mod 11
		"19-2000145399/0000",            // no such bank
		"19-2000145399/080",             // bank code of three digits
		"19-2000145399",                 // no bank code
		"1234567-2000145399/0800",       // prefix of seven digits
		"19-12000145399/0800",           // number of eleven digits
		"19-0000000000/0800",            // no number
		"CZ66 0800 0000 1920 0014 5399", // IBAN check digits wrong
		"SK31 1200 0000 1987 4263 7541", // not Czech
		"19-2000145399/08OO",
	} {
		if a, ok := czid.ParseBankAccount(bad); ok {
			t.Errorf("ParseBankAccount(%q) accepted as %q", bad, a)
		}
	}
}

func TestABankAccountHasAnIBAN(t *testing.T) {
	for in, want := range map[string]string{
		"19-2000145399/0800":    "CZ6508000000192000145399",
		"34278-0727558021/0100": "CZ2101000342780727558021",
	} {
		a, _ := czid.ParseBankAccount(in)
		if got := a.IBAN(); got != want {
			t.Errorf("%s: IBAN %s, want %s", in, got, want)
		}
		if back, ok := czid.ParseBankAccount(a.IBAN()); !ok || back != a {
			t.Errorf("%s: IBAN %s reads back as %+v, %v", in, a.IBAN(), back, ok)
		}
	}
	if czid.Banks["0800"] != "Česká spořitelna, a.s." {
		t.Errorf("bank 0800 is %q", czid.Banks["0800"])
	}
}

func TestPostcodesAreFiveDigitsWrittenInTwoGroups(t *testing.T) {
	for in, want := range map[string]string{"742 21": "742 21", "74221": "742 21", "110\u00a000": "110 00", " 7 4 2 2 1 ": "742 21"} {
		if got, ok := czid.ParsePostcode(in); !ok || got != want {
			t.Errorf("ParsePostcode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"7422", "742 211", "042 21", "811 01", "742-21", "PSČ", ""} {
		if got, ok := czid.ParsePostcode(bad); ok {
			t.Errorf("ParsePostcode(%q) accepted as %q", bad, got)
		}
	}
}

func TestPhoneNumbersAreCheckedAndWrittenTheCzechWay(t *testing.T) {
	for in, want := range map[string]string{
		"731123456":        "+420 731 123 456",
		"731 123 456":      "+420 731 123 456",
		"+420 731 123 456": "+420 731 123 456",
		"00420731123456":   "+420 731 123 456",
		"+421 905 123 456": "+421905123456",
		"":                 "",
	} {
		if got, ok := czid.CheckPhone(in); !ok || got != want {
			t.Errorf("CheckPhone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"12345", "031123456", "+420 731", "telefon", "731-123-45a"} {
		if got, ok := czid.CheckPhone(bad); ok {
			t.Errorf("CheckPhone(%q) accepted as %q", bad, got)
		}
	}
}

func TestEmailsAreOneAddressEach(t *testing.T) {
	if got, ok := czid.CheckEmail("  Jana.Novakova@Example.CZ "); !ok || got != "jana.novakova@example.cz" {
		t.Errorf("got %q, %v", got, ok)
	}
	for _, bad := range []string{"jana", "jana@", "Jana <jana@example.cz>", "a@b", "a@example.cz, b@example.cz"} {
		if _, ok := czid.CheckEmail(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
