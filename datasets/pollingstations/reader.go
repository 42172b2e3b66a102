// Package pollingstations reads the polling rooms of an election from the CSV a town office
// keeps: one line per polling district.
//
//	okrsek;nazev;adresa;poznamka
//	1;Základní škola Alšova – tělocvična;2401163;bezbariérový vstup ze dvora
//
// UTF-8 (BOM allowed) or windows-1250, separated by ';'. Columns by header name: okrsek (the
// district number), nazev (the room's name), adresa (kód ADM of its building), poznamka
// (optional). Every problem is listed as file:line: column: reason, and any refuses the file.
package pollingstations

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/geo"
)

// Read parses the file named name.
func Read(name string, r io.Reader) ([]geo.PollingStation, error) {
	body, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(body) {
		if body, err = charmap.Windows1250.NewDecoder().Bytes(body); err != nil {
			return nil, geo.Errorf(geo.EINVALID, "%s: neither UTF-8 nor windows-1250", name)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	var problems []string
	var stations []geo.PollingStation
	cols := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, ";")
		if len(cols) == 0 {
			for i, f := range fields {
				cols[strings.ToLower(strings.TrimSpace(geo.Fold(f)))] = i
			}
			for _, need := range []string{"okrsek", "nazev", "adresa"} {
				if _, ok := cols[need]; !ok {
					return nil, geo.Errorf(geo.EINVALID, "%s:%d: the header lacks the column %q (expected okrsek;nazev;adresa;poznamka)", name, line, need)
				}
			}
			continue
		}
		get := func(col string) string {
			i, ok := cols[col]
			if !ok || i >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[i])
		}
		where := fmt.Sprintf("%s:%d", name, line)
		st := geo.PollingStation{Name: get("nazev"), Note: get("poznamka"), Where: where}
		n, err := strconv.Atoi(get("okrsek"))
		if err != nil || n <= 0 {
			problems = append(problems, fmt.Sprintf("%s: okrsek: %q is not a district number", where, get("okrsek")))
		}
		st.DistrictNumber = n
		code, err := strconv.ParseInt(get("adresa"), 10, 64)
		if err != nil || code <= 0 {
			problems = append(problems, fmt.Sprintf("%s: adresa: %q is not a kód ADM", where, get("adresa")))
		}
		st.AddressCode = code
		if st.Name == "" {
			problems = append(problems, where+": nazev: the room needs a name")
		}
		stations = append(stations, st)
	}
	if len(cols) == 0 {
		return nil, geo.Errorf(geo.EINVALID, "%s: the file is empty", name)
	}
	if len(problems) > 0 {
		return nil, geo.Errorf(geo.EINVALID, "%s", strings.Join(problems, "\n"))
	}
	return stations, nil
}
