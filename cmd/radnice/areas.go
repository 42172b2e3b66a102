package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/datasets/pollingstations"
	"github.com/radnice/radnice/datasets/vfr"
	"github.com/radnice/radnice/datasets/vosestava"
	"github.com/radnice/radnice/datasets/wasteschedule"
	"github.com/radnice/radnice/geo"
)

// withStore runs fn with the migrated database's store.
func withStore(ctx context.Context, fn func(*geo.Store) error) error {
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	return fn(geo.NewStore(pool))
}

// parseFlags parses a subcommand's flags and returns its one positional argument.
func parseFlags(fs *flag.FlagSet, args []string) (string, error) {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return "", usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() != 1 {
		return "", usageError{fs.Name() + " takes one file"}
	}
	return fs.Arg(0), nil
}

func layerFlag(fs *flag.FlagSet, layer *geo.Layer) {
	fs.Func("layer", "polling, waste, zs or ms", func(s string) error {
		l, err := geo.ParseLayer(s)
		*layer = l
		return err
	})
}

func importAreas(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import areas", flag.ContinueOnError)
	var imp geo.AreaImport
	layerFlag(fs, &imp.Layer)
	fs.Func("valid-from", "YYYY-MM-DD", func(s string) (err error) {
		imp.ValidFrom, err = time.Parse(time.DateOnly, s)
		return err
	})
	fs.BoolVar(&imp.Repair, "repair", false, "make invalid geometry valid")
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if imp.Layer == "" {
		return usageError{"import areas needs --layer polling|waste|zs|ms"}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if imp.Areas, err = areasgeojson.Read(path, f, imp.Layer); err != nil {
		return err
	}
	return withStore(ctx, func(s *geo.Store) error {
		res, err := s.ImportAreas(ctx, imp)
		if err != nil {
			return err
		}
		fmt.Printf("areas %d (repaired %d), earlier versions closed %d, addresses assigned %d\n", res.Areas, res.Repaired, res.Closed, res.Assigned)
		return nil
	})
}

func importVFR(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usageError{"import vfr-vo takes one file"}
	}
	rd, closeFile, err := vfr.OpenFile(args[0])
	if err != nil {
		return err
	}
	defer closeFile()
	imp := geo.AreaImport{Layer: geo.PollingDistricts}
	for {
		d, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		area := geo.AreaInput{Where: fmt.Sprintf("%s: district %d", args[0], d.Code), Code: fmt.Sprint(d.Code),
			Name: fmt.Sprintf("Okrsek č. %d", d.Number), Number: d.Number, MunicipalityCode: d.MunicipalityCode}
		if d.Boundary != nil {
			area.Boundary = d.Boundary
		}
		imp.Areas = append(imp.Areas, area)
	}
	for _, re := range rd.Rejects() {
		fmt.Fprintln(os.Stderr, re)
	}
	if rd.Rejected() > 0 {
		return fmt.Errorf("%s: %d districts rejected; nothing imported", args[0], rd.Rejected())
	}
	return withStore(ctx, func(s *geo.Store) error {
		res, err := s.ImportAreas(ctx, imp)
		if err != nil {
			return err
		}
		fmt.Printf("polling districts %d (marked incorrect and skipped %d), addresses assigned %d\n", res.Areas, rd.MarkedIncorrect(), res.Assigned)
		return nil
	})
}

func importSestava(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usageError{"import vo-sestava takes one file"}
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	rd, err := vosestava.NewReader(args[0], f)
	if err != nil {
		return err
	}
	var rows []geo.DistrictNumber
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		rows = append(rows, geo.DistrictNumber{AddressCode: row.AddressCode, Number: row.DistrictNumber})
	}
	for _, re := range rd.Rejects() {
		fmt.Fprintln(os.Stderr, re)
	}
	if rd.Rejected() > 0 {
		return fmt.Errorf("%s: %d rows rejected; nothing imported", args[0], rd.Rejected())
	}
	return withStore(ctx, func(s *geo.Store) error {
		n, err := s.ImportDistrictNumbers(ctx, rows)
		if err != nil {
			return err
		}
		fmt.Printf("rows %d (without a district %d), addresses assigned by the report %d\n", rd.Rows(), rd.WithoutDistrict(), n)
		return nil
	})
}

func importCatchmentRules(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import catchment-rules", flag.ContinueOnError)
	var layer geo.Layer
	layerFlag(fs, &layer)
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	lines, err := geo.ReadCatchmentRules(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return withStore(ctx, func(s *geo.Store) error {
		n, err := s.ImportCatchmentRules(ctx, layer, lines)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Printf("rules %d, addresses assigned by rules %d\n", len(lines), n)
		return nil
	})
}

func importPollingStations(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import polling-stations", flag.ContinueOnError)
	election := fs.String("election", "", "election id")
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *election == "" {
		return usageError{"import polling-stations needs --election ID"}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	stations, err := pollingstations.Read(path, f)
	if err != nil {
		return err
	}
	return withStore(ctx, func(s *geo.Store) error {
		if err := s.ReplacePollingStations(ctx, *election, stations); err != nil {
			return err
		}
		fmt.Printf("polling stations %d for %s\n", len(stations), *election)
		return nil
	})
}

func importWasteSchedule(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usageError{"import waste-schedule takes one file"}
	}
	schedules, err := wasteschedule.ReadFile(args[0])
	if err != nil {
		return err
	}
	return withStore(ctx, func(s *geo.Store) error {
		if err := s.ReplaceWasteSchedules(ctx, schedules); err != nil {
			return err
		}
		fmt.Printf("waste collection rules %d\n", len(schedules))
		return nil
	})
}

// defineElection reads: election ID --title T [--kind K] --day 2028-10-06T14:00-22:00 ... [--round2 DAY ...]
func defineElection(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("election", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var e geo.Election
	fs.StringVar(&e.Title, "title", "", "title")
	fs.StringVar(&e.Kind, "kind", "", "kind")
	day := func(round int) func(string) error {
		return func(s string) error {
			d, err := parsePollingDay(s)
			d.Round = round
			e.Days = append(e.Days, d)
			return err
		}
	}
	fs.Func("day", "polling day 2028-10-06T14:00-22:00", day(1))
	fs.Func("round2", "second-round day 2028-10-20T14:00-22:00", day(2))
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError{"election takes an id first: election ID --title T --day 2028-10-06T14:00-22:00"}
	}
	e.ID = args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{"election: " + err.Error()}
	}
	return withStore(ctx, func(s *geo.Store) error {
		if err := s.SaveElection(ctx, e); err != nil {
			return err
		}
		fmt.Printf("election %s with %d polling days\n", e.ID, len(e.Days))
		return nil
	})
}

// parsePollingDay reads "2028-10-06T14:00-22:00".
func parsePollingDay(s string) (geo.PollingDay, error) {
	date, hours, ok := strings.Cut(s, "T")
	opens, closes, ok2 := strings.Cut(hours, "-")
	t, err := time.Parse(time.DateOnly, date)
	if !ok || !ok2 || err != nil {
		return geo.PollingDay{}, fmt.Errorf("%q: expected a day like 2028-10-06T14:00-22:00", s)
	}
	return geo.PollingDay{Date: t, Opens: opens, Closes: closes}, nil
}
