package czid

import (
	"strings"
	"time"
)

// BirthNumber is a valid rodné číslo read apart. It is personal data of a special
// sensitivity: never put it in URLs, logs or e-mails (use Masked there).
type BirthNumber struct {
	Number string    // written the usual way, with the slash: "710319/2745"
	Born   time.Time // the date of birth it encodes, at midnight UTC
	Female bool
}

// ParseBirthNumber reads a rodné číslo: nine or ten digits, optionally with a slash after
// the sixth. The first six are the date of birth (YYMMDD, women's month plus 50, and since
// 2004 plus 20 more when a day's serial numbers run out), which must be a real date; ten-digit
// numbers (given since 1954) end with a check digit, the first nine mod 11 mod 10; nine-digit
// ones were only given to people born before 1954.
func ParseBirthNumber(s string) (BirthNumber, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 6 && s[6] == '/' {
		s = s[:6] + s[7:]
	}
	if len(s) != 9 && len(s) != 10 || !digits(s) {
		return BirthNumber{}, false
	}
	yy, mm, dd := atoi(s[0:2]), atoi(s[2:4]), atoi(s[4:6])
	year := 1900 + yy
	switch {
	case len(s) == 9 && yy >= 80: // the old nine-digit numbers of people born in the 1880s and 1890s
		year -= 100
	case len(s) == 9 && yy >= 54:
		return BirthNumber{}, false
	case len(s) == 10 && yy < 54:
		year += 100
	}
	female := mm > 50
	month := mm % 50
	if month > 20 {
		if year < 2004 {
			return BirthNumber{}, false
		}
		month -= 20
	}
	born := time.Date(year, time.Month(month), dd, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || born.Day() != dd || born.Month() != time.Month(month) {
		return BirthNumber{}, false
	}
	if len(s) == 10 && atoi(s[:9])%11%10 != int(s[9]-'0') {
		return BirthNumber{}, false
	}
	return BirthNumber{Number: s[:6] + "/" + s[6:], Born: born, Female: female}, true
}

// Masked is the number with its serial part hidden, for e-mails and printouts: "710319/****".
func (b BirthNumber) Masked() string {
	return b.Number[:7] + strings.Repeat("*", len(b.Number)-7)
}

// digits reports whether s is made of ASCII digits only.
func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi is the value of s, a string of digits checked by digits.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
