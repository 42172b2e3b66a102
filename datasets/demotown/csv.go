package demotown

import (
	"math"
	"strconv"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// header is the exact first line of a ČÚZK RÚIAN address-point CSV.
const header = "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód obvodu Prahy;Název obvodu Prahy;" +
	"Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;" +
	"Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od"

var (
	headerLine = cp1250(header + "\r\n")
	typeCP     = cp1250("č.p.")
	typeEV     = cp1250("č.ev.")
	validFrom  = validFromDates()
)

// record is one address point. Text fields already hold windows-1250 bytes so
// that the hot path only copies them; zero codes are written as empty fields.
type record struct {
	adm, obec, momc, obvod, part, street int

	obecName, momcName, obvodName, partName, streetName string

	evidence bool // č.ev. instead of č.p.
	house    int
	orient   int
	letter   byte
	psc      int
	y, x     int // S-JTSK in hundredths of a metre
	noXY     bool
	since    int // index into validFrom
}

// appendRecord appends r as one CRLF-terminated CSV line.
func appendRecord(b []byte, r *record) []byte {
	b = appendCode(b, r.adm)
	b = appendCode(b, r.obec)
	b = append(append(b, r.obecName...), ';')
	b = appendCode(b, r.momc)
	b = append(append(b, r.momcName...), ';')
	b = appendCode(b, r.obvod)
	b = append(append(b, r.obvodName...), ';')
	b = appendCode(b, r.part)
	b = append(append(b, r.partName...), ';')
	b = appendCode(b, r.street)
	b = append(append(b, r.streetName...), ';')
	if r.evidence {
		b = append(b, typeEV...)
	} else {
		b = append(b, typeCP...)
	}
	b = append(b, ';')
	b = appendCode(b, r.house)
	b = appendCode(b, r.orient)
	if r.letter != 0 {
		b = append(b, r.letter)
	}
	b = append(b, ';')
	b = appendCode(b, r.psc)
	if !r.noXY {
		b = appendCoord(b, r.y)
	}
	b = append(b, ';')
	if !r.noXY {
		b = appendCoord(b, r.x)
	}
	b = append(b, ';')
	b = append(b, validFrom[r.since]...)
	return append(b, '\r', '\n')
}

// appendCode appends a positive number and the field separator; zero stays empty.
func appendCode(b []byte, n int) []byte {
	if n > 0 {
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ';')
}

// appendCoord writes hundredths of a metre as metres with exactly two decimals.
func appendCoord(b []byte, c int) []byte {
	b = strconv.AppendInt(b, int64(c/100), 10)
	return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
}

// cents rounds metres to the hundredths the export carries.
func cents(m float64) int {
	return int(math.Round(m * 100))
}

// validFromDates lists every day RÚIAN could have stamped, 2011-07-01 to
// 2025-12-31, preformatted so rows only pick an index.
func validFromDates() []string {
	var out []string
	for d := time.Date(2011, 7, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2025; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format("2006-01-02T15:04:05"))
	}
	return out
}

// cp1250 converts generator-owned text, which is always representable, to windows-1250.
func cp1250(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, ok := charmap.Windows1250.EncodeRune(r)
		if !ok {
			panic("demotown: not representable in windows-1250: " + s)
		}
		b = append(b, c)
	}
	return string(b)
}
