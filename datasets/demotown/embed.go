package demotown

import _ "embed"

// TownCSV is the committed demo town export (TownFile), byte for byte what WriteTown writes.
//
//go:embed 20261031_OB_599565_ADR.csv
var TownCSV []byte
