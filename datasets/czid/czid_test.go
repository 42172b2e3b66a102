package czid_test

import (
	"testing"

	"github.com/radnice/radnice/datasets/czid"
)

func TestICOCheckDigit(t *testing.T) {
	for s, want := range map[string]bool{
		"00298077": true, // Město Kopřivnice
		"25596641": true, // remainder 0: check digit 1
		"10000020": true, // remainder 1: check digit 0
		"10000021": false,
		"00298078": false, // wrong check digit
		"0029807":  false,
		"0029807a": false,
	} {
		if got := czid.ValidICO(s); got != want {
			t.Errorf("ValidICO(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDataBoxForm(t *testing.T) {
	for s, want := range map[string]bool{"k8ppbxe": true, "K8PPBXE": false, "k8ppbx": false, "k8ppbx-": false} {
		if got := czid.ValidDataBox(s); got != want {
			t.Errorf("ValidDataBox(%q) = %v, want %v", s, got, want)
		}
	}
}
