package demotown

import (
	"bytes"
	"io"

	"github.com/radnice/radnice/datasets/ruiancsv"
)

// Input is the demo town's address file as an import input.
func Input() ruiancsv.Input {
	return ruiancsv.NewInput(TownFile, int64(len(TownCSV)), func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(TownCSV)), nil
	})
}
