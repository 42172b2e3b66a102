// Command gen rewrites the committed demo town export from demotown.WriteTown and the demo
// area files from demotown.AreaFiles; go generate runs it in the package directory.
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"

	"github.com/radnice/radnice/datasets/demotown"
)

func main() {
	var b bytes.Buffer
	if err := demotown.WriteTown(&b); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(demotown.TownFile, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	files, err := demotown.AreaFiles()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(demotown.AreasDir, 0o755); err != nil {
		log.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(demotown.AreasDir, name), body, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
