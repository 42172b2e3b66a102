package czid

import (
	"net/mail"
	"regexp"
	"strings"
)

// CheckEmail returns the e-mail address s, trimmed and lower-cased, or ok false when s is not
// one address (with a dot in its domain). "" is fine: whether one is needed is the caller's say.
func CheckEmail(s string) (email string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", true
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "", false
	}
	return s, true
}

// phoneDigits is a phone number once spaces are gone: a Czech one of nine digits, or an
// international one with its + and country code.
var phoneDigits = regexp.MustCompile(`^(\+[1-9][0-9]{7,14}|[2-9][0-9]{8})$`)

// CheckPhone returns the phone number s written the Czech way ("+420 731 123 456"), or ok
// false when s is no phone number. "" is fine.
func CheckPhone(s string) (phone string, ok bool) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '(' || r == ')' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if digits == "" {
		return "", true
	}
	if strings.HasPrefix(digits, "00") {
		digits = "+" + digits[2:]
	}
	if !phoneDigits.MatchString(digits) {
		return "", false
	}
	if !strings.HasPrefix(digits, "+") {
		digits = "+420" + digits
	}
	if rest, czech := strings.CutPrefix(digits, "+420"); czech && len(rest) == 9 {
		return "+420 " + rest[:3] + " " + rest[3:6] + " " + rest[6:], true
	}
	return digits, true
}
