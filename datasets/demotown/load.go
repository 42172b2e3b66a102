package demotown

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/datasets/pollingstations"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/datasets/wasteschedule"
	"github.com/radnice/radnice/geo"
)

// Input is the demo town's address file as an import input.
func Input() ruiancsv.Input {
	return ruiancsv.NewInput(TownFile, int64(len(TownCSV)), func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(TownCSV)), nil
	})
}

// LoadAreas imports the demo town's areas, catchment rules, election with its polling
// stations and waste schedule from the committed files, through the same readers as the
// import commands; the town's addresses must be imported first. Loading again replaces them.
func LoadAreas(ctx context.Context, store *geo.Store) error {
	for _, ld := range layers {
		body, err := AreaFile(ld.file)
		if err != nil {
			return err
		}
		areas, err := areasgeojson.Read(ld.file, bytes.NewReader(body), ld.layer)
		if err != nil {
			return err
		}
		// The files are the town's own: its municipality links the polling districts to the
		// register's district numbers.
		for i := range areas {
			areas[i].MunicipalityCode = townCode
		}
		if _, err := store.ImportAreas(ctx, geo.AreaImport{Layer: ld.layer, Areas: areas}); err != nil {
			return fmt.Errorf("%s: %w", ld.file, err)
		}
	}
	body, err := AreaFile(CatchmentRulesFile)
	if err != nil {
		return err
	}
	rules, err := geo.ReadCatchmentRules(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", CatchmentRulesFile, err)
	}
	if _, err := store.ImportCatchmentRules(ctx, geo.PrimarySchools, rules); err != nil {
		return fmt.Errorf("%s: %w", CatchmentRulesFile, err)
	}
	e := Election()
	if err := store.SaveElection(ctx, e); err != nil {
		return err
	}
	if body, err = AreaFile(StationsFile); err != nil {
		return err
	}
	stations, err := pollingstations.Read(StationsFile, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if err := store.ReplacePollingStations(ctx, e.ID, stations); err != nil {
		return fmt.Errorf("%s: %w", StationsFile, err)
	}
	if body, err = AreaFile(WasteScheduleFile); err != nil {
		return err
	}
	schedules, err := wasteschedule.Parse(WasteScheduleFile, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if err := store.ReplaceWasteSchedules(ctx, schedules); err != nil {
		return fmt.Errorf("%s: %w", WasteScheduleFile, err)
	}
	return nil
}
