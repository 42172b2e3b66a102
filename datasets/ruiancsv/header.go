// Package ruiancsv reads the ČÚZK RÚIAN address-point CSV export ({date}_OB_{kód}_ADR.csv),
// single files, ZIPs of them and folders, streaming, and imports it into the address register.
package ruiancsv

import (
	"fmt"
	"strings"
)

// column identifies one field of the export, whatever its header calls it.
type column int

const (
	colID column = iota
	colMunicipalityCode
	colMunicipalityName
	colCityDistrictCode
	colCityDistrictName
	colPragueDistrictCode
	colPragueDistrictName
	colPartCode
	colPartName
	colStreetCode
	colStreetName
	colBuildingType
	colHouseNumber
	colOrientationNumber
	colOrientationLetter
	colPostcode
	colY
	colX
	colValidFrom
	columnCount
)

// headerNames maps every known header name to its column. ČÚZK's descriptions name the Prague
// district columns both "obvod Prahy" and "MOP".
var headerNames = map[string]column{
	"Kód ADM":                 colID,
	"Kód obce":                colMunicipalityCode,
	"Název obce":              colMunicipalityName,
	"Kód MOMC":                colCityDistrictCode,
	"Název MOMC":              colCityDistrictName,
	"Kód obvodu Prahy":        colPragueDistrictCode,
	"Název obvodu Prahy":      colPragueDistrictName,
	"Kód MOP":                 colPragueDistrictCode,
	"Název MOP":               colPragueDistrictName,
	"Kód části obce":          colPartCode,
	"Název části obce":        colPartName,
	"Kód ulice":               colStreetCode,
	"Název ulice":             colStreetName,
	"Typ SO":                  colBuildingType,
	"Číslo domovní":           colHouseNumber,
	"Číslo orientační":        colOrientationNumber,
	"Znak čísla orientačního": colOrientationLetter,
	"PSČ":                     colPostcode,
	"Souřadnice Y":            colY,
	"Souřadnice X":            colX,
	"Platí Od":                colValidFrom,
}

// canonicalNames is the header as the current export writes it, for messages.
var canonicalNames = [columnCount]string{"Kód ADM", "Kód obce", "Název obce", "Kód MOMC", "Název MOMC",
	"Kód obvodu Prahy", "Název obvodu Prahy", "Kód části obce", "Název části obce", "Kód ulice",
	"Název ulice", "Typ SO", "Číslo domovní", "Číslo orientační", "Znak čísla orientačního", "PSČ",
	"Souřadnice Y", "Souřadnice X", "Platí Od"}

// layout maps each column to its field index in the file.
type layout [columnCount]int

// parseHeader maps the header fields to columns, refusing unknown, repeated and missing names.
func parseHeader(fields []string) (layout, error) {
	var l layout
	for i := range l {
		l[i] = -1
	}
	for i, f := range fields {
		name := strings.TrimSpace(f)
		c, ok := headerNames[name]
		if !ok {
			return l, fmt.Errorf("unknown column %q in the header (field %d); expected the RÚIAN address-point header %q",
				name, i+1, strings.Join(canonicalNames[:], ";"))
		}
		if l[c] >= 0 {
			return l, fmt.Errorf("column %q appears twice in the header (fields %d and %d)", name, l[c]+1, i+1)
		}
		l[c] = i
	}
	var missing []string
	for c, idx := range l {
		if idx < 0 {
			missing = append(missing, canonicalNames[c])
		}
	}
	if len(missing) > 0 {
		return l, fmt.Errorf("header lacks the columns %s", strings.Join(missing, ", "))
	}
	return l, nil
}
