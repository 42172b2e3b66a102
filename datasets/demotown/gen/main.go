// Command gen rewrites the committed demo town export from demotown.WriteTown;
// go generate runs it in the package directory.
package main

import (
	"bytes"
	"log"
	"os"

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
}
