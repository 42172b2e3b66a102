package town_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/town"
)

func TestTheDemoTownIsAValidConfiguration(t *testing.T) {
	tw, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	if tw.Title != "Město Kopřivnice" || tw.ICO != "00298077" || tw.CoatOfArmsType != "image/svg+xml" || len(tw.CoatOfArms) == 0 {
		t.Errorf("demo town: %+v", tw)
	}
}

func TestBadConfigurationsNameTheLineAndTheReason(t *testing.T) {
	good, err := demotown.TownConfig().Open(town.ConfigFile)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	buf := make([]byte, 4096)
	n, _ := good.Read(buf)
	b.Write(buf[:n])
	base := b.String()
	for _, c := range []struct{ from, to, want string }{
		{"ICO: 00298077", "ICO: 00298078", `mesto.txt:8: ICO "00298078": not an IČO (eight digits with a valid check digit)`},
		{"Color: #0b5cad", "Color: #7cb8ff", `mesto.txt:15: Color "#7cb8ff": contrast 2.07:1 against #ffffff, WCAG AA needs 4.5:1`},
		{"ColorDark: #7cb8ff", "ColorDark: #0b5cad", `mesto.txt:16: ColorDark "#0b5cad": contrast 2.67:1 against #14181d, WCAG AA needs 4.5:1`},
		{"Phone: +420 556 879 411", "Phone: 556879411", `mesto.txt:11: Phone "556879411": write it +420 556 879 411`},
		{"CoatOfArms: znak.svg", "CoatOfArms: erb.svg", `mesto.txt:14: coat of arms: open erb.svg: file does not exist`},
		{"Web: https://www.koprivnice.example/", "Webb: https://www.koprivnice.example/", `mesto.txt: Web is required`},
	} {
		if !strings.Contains(base, c.from) {
			t.Fatalf("the demo configuration has no line %q", c.from)
		}
		fsys := fstest.MapFS{
			town.ConfigFile: {Data: []byte(strings.Replace(base, c.from, c.to, 1))},
			"znak.svg":      {Data: []byte("<svg/>")},
		}
		if _, err := town.Read(fsys); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.to, err, c.want)
		}
	}
}
