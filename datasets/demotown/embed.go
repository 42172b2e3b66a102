package demotown

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
)

// TownCSV is the committed demo town export (TownFile), byte for byte what WriteTown writes.
//
//go:embed 20261031_OB_599565_ADR.csv
var TownCSV []byte

// areaFS holds the committed demo area files under AreasDir, byte for byte what AreaFiles gives.
//
//go:embed areas
var areaFS embed.FS

// AreaFile returns the committed demo area file name (PollingFile, WasteFile, ...).
func AreaFile(name string) ([]byte, error) {
	return fs.ReadFile(areaFS, path.Join(AreasDir, name))
}

// Fingerprint identifies the demo data: it changes whenever the town's addresses, its area
// files or its election change.
func Fingerprint() string {
	h := sha256.New()
	h.Write(TownCSV)
	entries, err := fs.ReadDir(areaFS, AreasDir)
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	for _, e := range entries {
		body, err := AreaFile(e.Name())
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00", e.Name(), len(body))
		h.Write(body)
	}
	fmt.Fprintf(h, "\x00%+v", Election())
	return hex.EncodeToString(h.Sum(nil))
}
