package engine

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/formdefs"
)

// normalize is the answer s of a field of type t in its canonical form, or s as typed (only
// trimmed) and ok false when it does not pass its type's check. Answers of types without a
// form of their own (text, choices) are only trimmed.
func normalize(t formdefs.Type, s string) (out string, ok bool) {
	switch t {
	case formdefs.LongText:
		return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")), true
	case formdefs.Number:
		var n float64
		n, ok = parseNumber(s)
		out = strconv.FormatFloat(n, 'f', -1, 64)
	case formdefs.Money:
		var h int64
		h, ok = parseMoney(s)
		out = fmt.Sprintf("%d.%02d", h/100, h%100)
	case formdefs.Date:
		var d time.Time
		d, ok = parseDate(s)
		out = d.Format(time.DateOnly)
	case formdefs.Email:
		out, ok = czid.CheckEmail(s)
	case formdefs.Phone:
		out, ok = czid.CheckPhone(s)
	case formdefs.ICO:
		out = strings.Join(strings.Fields(s), "")
		ok = czid.ValidICO(out)
	case formdefs.BankAccount:
		var a czid.BankAccount
		a, ok = czid.ParseBankAccount(s)
		out = a.String()
	case formdefs.Postcode:
		out, ok = czid.ParsePostcode(s)
	default:
		return strings.TrimSpace(s), true
	}
	if !ok {
		return strings.TrimSpace(s), false
	}
	return out, true
}

// canonicalRC is a rodné číslo written with its slash, or s as typed when it is none.
func canonicalRC(s string) string {
	if b, ok := czid.ParseBirthNumber(s); ok {
		return b.Number
	}
	return strings.TrimSpace(s)
}

// numberPattern is a number once its digit grouping is gone and its decimal comma a point.
var numberPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parseNumber reads a number written the Czech way ("1 234,5") or with a decimal point.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(ungroup(s), ",", ".")
	if !numberPattern.MatchString(s) {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil
}

// amountPattern is an amount in crowns once its grouping, currency and ",-" are gone.
var amountPattern = regexp.MustCompile(`^([0-9]+)(?:[.,]([0-9]{1,2}))?$`)

// parseMoney reads an amount in crowns written the Czech way ("1 234,50", "1234 Kč",
// "500,-") or with a decimal point, in hellers. Negative amounts are not amounts.
func parseMoney(s string) (int64, bool) {
	s = ungroup(s)
	for _, suffix := range []string{"Kč", "kč", "CZK", ",-", ".-"} {
		s = strings.TrimSuffix(s, suffix)
	}
	m := amountPattern.FindStringSubmatch(s)
	if m == nil || len(m[1]) > 15 {
		return 0, false
	}
	crowns, _ := strconv.ParseInt(m[1], 10, 64)
	hellers, _ := strconv.ParseInt((m[2] + "00")[:2], 10, 64)
	return crowns*100 + hellers, true
}

// ungroup drops the spaces of s: those around it and those grouping digits.
func ungroup(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), "")
}

// czechDate is a date typed the Czech way: "12. 4. 1985", "12.4.1985".
var czechDate = regexp.MustCompile(`^([0-9]{1,2})\.\s*([0-9]{1,2})\.\s*([0-9]{4})$`)

// parseDate reads a real calendar date written YYYY-MM-DD (a date input's value) or the
// Czech way, at midnight UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	m := czechDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || int(d.Month()) != month {
		return time.Time{}, false
	}
	return d, true
}

// civil is the calendar day of t as a date at midnight UTC, comparable with parseDate's.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
