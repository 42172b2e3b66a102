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

// townFS holds the demo town's configuration folder (datasets/town).
//
//go:embed mesto
var townFS embed.FS

// TownConfig is the demo town's configuration folder, as town.Read reads it.
func TownConfig() fs.FS {
	sub, err := fs.Sub(townFS, "mesto")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	return sub
}

// contentFS holds the demo town's portal content: one subfolder per kind (web/content).
//
//go:embed content
var contentFS embed.FS

// Content is the demo town's content folder, as web/content.Load reads it.
func Content() fs.FS {
	sub, err := fs.Sub(contentFS, "content")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	return sub
}

// AreaFile returns the committed demo area file name (PollingFile, WasteFile, ...).
func AreaFile(name string) ([]byte, error) {
	return fs.ReadFile(areaFS, path.Join(AreasDir, name))
}

// Fingerprint identifies the demo data: it changes whenever the town's addresses, its area
// files, its election or its content change.
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
	h.Write(identityPeopleJSON)
	err = fs.WalkDir(contentFS, "content", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		body, err := fs.ReadFile(contentFS, name)
		fmt.Fprintf(h, "\x00%s\x00%d\x00", name, len(body))
		h.Write(body)
		return err
	})
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	return hex.EncodeToString(h.Sum(nil))
}
