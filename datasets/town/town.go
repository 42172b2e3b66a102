// Package town reads a town's configuration: who the town is and how its portal looks. Another
// town adopts Radnice by writing its own folder (mesto.txt and its coat of arms), not code.
//
//	Name: Kopřivnice
//	Title: Město Kopřivnice
//	TitleEN: Town of Kopřivnice
//	Office: Městský úřad Kopřivnice
//	OfficeEN: Kopřivnice Municipal Office
//	ICO: 00298077
//	DataBox: k8ppbxe
//	Address: Štefánikova 1163/12, 742 21 Kopřivnice
//	Phone: +420 556 879 411
//	Email: podatelna@koprivnice.example
//	Web: https://www.koprivnice.example/
//	CoatOfArms: znak.svg
//	Color: #0b5cad
//	ColorDark: #7cb8ff
//	AccessibilityReviewed: 2026-11-20
package town

import (
	"fmt"
	"io/fs"
	"math"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/textdoc"
)

// ConfigFile is the town's configuration in its folder.
const ConfigFile = "mesto.txt"

// Town is who the town is and how its portal looks.
type Town struct {
	Name, Title, TitleEN  string // "Kopřivnice", "Město Kopřivnice", "Town of Kopřivnice"
	Office, OfficeEN      string // the municipal office
	ICO                   string
	DataBox               string // ID datové schránky
	Address, Phone, Email string // of the office
	Web                   string
	CoatOfArms            []byte // SVG or PNG
	CoatOfArmsType        string // its media type
	Color, ColorDark      string // the accent in light and dark colour schemes, #rrggbb
	AccessibilityReviewed time.Time
}

// The backgrounds the accents must read against: white text on the light accent (the header)
// and the light accent on white (links); the dark accent on the dark background.
const (
	lightBackground = "#ffffff"
	darkBackground  = "#14181d"
	minContrast     = 4.5 // WCAG 2.1 AA for normal text
)

var (
	hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	phone    = regexp.MustCompile(`^\+420( ?[0-9]{3}){3}$`)
)

// Read reads the town folder fsys: ConfigFile and the coat of arms it names. Every problem
// names the file and line.
func Read(fsys fs.FS) (Town, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil {
		return Town{}, fmt.Errorf("town configuration: %w", err)
	}
	d, err := textdoc.Parse(ConfigFile, data)
	if err != nil {
		return Town{}, err
	}
	var t Town
	var problems []error
	req := func(key string, check func(string) string) string {
		f, err := d.Required(key)
		if err == nil && check != nil {
			if why := check(f.Value); why != "" {
				err = d.Errorf(f.Line, "%s %q: %s", key, f.Value, why)
			}
		}
		if err != nil {
			problems = append(problems, err)
		}
		return f.Value
	}
	t.Name = req("Name", nil)
	t.Title = req("Title", nil)
	t.TitleEN = req("TitleEN", nil)
	t.Office = req("Office", nil)
	t.OfficeEN = req("OfficeEN", nil)
	t.ICO = req("ICO", func(s string) string {
		return unless(czid.ValidICO(s), "not an IČO (eight digits with a valid check digit)")
	})
	t.DataBox = req("DataBox", func(s string) string {
		return unless(czid.ValidDataBox(s), "not a data box id (seven lower-case letters and digits)")
	})
	t.Address = req("Address", nil)
	t.Phone = req("Phone", func(s string) string { return unless(phone.MatchString(s), "write it +420 556 879 411") })
	t.Email = req("Email", func(s string) string {
		a, err := mail.ParseAddress(s)
		return unless(err == nil && a.Address == s, "not an e-mail address")
	})
	t.Web = req("Web", func(s string) string {
		u, err := url.Parse(s)
		return unless(err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "", "not an http(s) URL")
	})
	t.Color = req("Color", func(s string) string { return readable(s, lightBackground) })
	t.ColorDark = req("ColorDark", func(s string) string { return readable(s, darkBackground) })
	reviewed, line, err := d.Date("AccessibilityReviewed")
	if err == nil && reviewed.IsZero() {
		err = d.Errorf(line, "AccessibilityReviewed is required: the date the accessibility statement was last reviewed")
	}
	if err != nil {
		problems = append(problems, err)
	}
	t.AccessibilityReviewed = reviewed
	arms := req("CoatOfArms", func(s string) string {
		return unless(path.Ext(s) == ".svg" || path.Ext(s) == ".png", "the coat of arms is an .svg or .png file")
	})
	if err := d.CheckKnown(); err != nil {
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		return Town{}, problems[0]
	}
	if t.CoatOfArms, err = fs.ReadFile(fsys, arms); err != nil {
		f, _ := d.Optional("CoatOfArms")
		return Town{}, d.Errorf(f.Line, "coat of arms: %v", err)
	}
	t.CoatOfArmsType = map[string]string{".svg": "image/svg+xml", ".png": "image/png"}[path.Ext(arms)]
	return t, nil
}

func unless(ok bool, why string) string {
	if ok {
		return ""
	}
	return why
}

// readable says why the colour fg cannot be the accent over bg (and, for the light scheme,
// under white text), or "" when it can.
func readable(fg, bg string) string {
	if !hexColor.MatchString(fg) {
		return "write a colour #rrggbb"
	}
	if c := Contrast(fg, bg); c < minContrast {
		return fmt.Sprintf("contrast %.2f:1 against %s, WCAG AA needs %.1f:1", c, bg, minContrast)
	}
	return ""
}

// Contrast is the WCAG 2.1 contrast ratio of two #rrggbb colours.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#")[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l
}
