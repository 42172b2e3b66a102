package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/radnice/radnice/geo"
)

// layerTitles name the layers in the report.
var layerTitles = map[geo.Layer]string{
	geo.PollingDistricts: "Polling districts",
	geo.WasteZones:       "Waste zones",
	geo.PrimarySchools:   "Primary school catchments",
	geo.Kindergartens:    "Kindergarten catchments",
}

// report reads: report areas [--date YYYY-MM-DD] [--json]
func report(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "areas" {
		return usageError{"report takes: report areas [--date YYYY-MM-DD] [--json]"}
	}
	fs := flag.NewFlagSet("report areas", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	date := geo.PragueDate(time.Now())
	fs.Func("date", "the day to check, YYYY-MM-DD (default today)", func(s string) (err error) {
		date, err = time.Parse(time.DateOnly, s)
		return err
	})
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{"report areas: " + err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"report areas takes no arguments besides --date and --json"}
	}
	return withStore(ctx, func(s *geo.Store) error {
		rep, err := s.AreaReport(ctx, date)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(os.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		writeAreaReport(os.Stdout, rep)
		return nil
	})
}

// writeAreaReport prints the report for people: counts, then the sampled addresses.
func writeAreaReport(w io.Writer, rep geo.AreaReport) {
	fmt.Fprintf(w, "Area data report for %s\n", rep.Date)
	for _, l := range rep.Layers {
		fmt.Fprintf(w, "\n%s (%s): %d areas valid, %d addresses in the municipalities they cover\n",
			layerTitles[l.Layer], l.Layer, l.Areas, l.Addresses)
		if l.Areas == 0 {
			fmt.Fprintln(w, "  no areas: import them with `radnice import areas`")
			continue
		}
		fmt.Fprintf(w, "  in no area: %d\n", l.Uncovered)
		for _, a := range l.UncoveredSample {
			note := ""
			if a.NoPoint {
				note = " (no coordinates in the register)"
			}
			fmt.Fprintf(w, "    %-9d %s%s\n", a.ID, a.Label, note)
		}
		more(w, l.Uncovered, len(l.UncoveredSample))
		if l.Layer.Exclusive() {
			fmt.Fprintf(w, "  in more than one area: %d\n", l.Ambiguous)
			for _, a := range l.AmbiguousSample {
				fmt.Fprintf(w, "    %-9d %s: %s\n", a.ID, a.Label, strings.Join(a.Areas, ", "))
			}
			more(w, l.Ambiguous, len(l.AmbiguousSample))
		}
	}
	fmt.Fprintf(w, "\nPolling stations not in their district (elections not over): %d\n", len(rep.Stations))
	for _, p := range rep.Stations {
		where := ""
		switch {
		case p.Problem == geo.StationNoDistrict:
			where = "no such district"
		case len(p.InDistricts) == 0:
			where = "the building lies in no district"
		default:
			where = "the building lies in district " + joinInts(p.InDistricts)
		}
		fmt.Fprintf(w, "  %s, district %d: %s, %s (%d): %s\n", p.Election, p.DistrictNumber, p.Name, p.Building.Label, p.Building.ID, where)
	}
}

// more says how many a sample leaves out.
func more(w io.Writer, total, shown int) {
	if total > shown {
		fmt.Fprintf(w, "    … and %d more\n", total-shown)
	}
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
