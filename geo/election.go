package geo

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Election is one election with the days its polls are open.
type Election struct {
	ID    string // "kraj-2028": lower-case letters, digits and dashes
	Kind  string // "krajské", "komunální", "prezidentská – 1. kolo", ...
	Title string
	Days  []PollingDay
}

// PollingDay is one day polls are open; Czech elections often run Friday 14–22 and Saturday 8–14.
type PollingDay struct {
	Round  int       // 1, or 2 for a second round a fortnight later
	Date   time.Time // civil date
	Opens  string    // "14:00"
	Closes string    // "22:00"
}

// PollingStation is the polling room of one district for one election.
type PollingStation struct {
	DistrictNumber int
	Name           string
	AddressCode    int64 // kód ADM of the building
	Note           string
	Where          string // where it came from, for messages
}

var electionID = regexp.MustCompile(`^[a-z0-9-]+$`)

// SaveElection creates or replaces an election and its polling days.
func (s *Store) SaveElection(ctx context.Context, e Election) error {
	if !electionID.MatchString(e.ID) {
		return Errorf(EINVALID, "Election id %q must be lower-case letters, digits and dashes.", e.ID)
	}
	if strings.TrimSpace(e.Title) == "" || len(e.Days) == 0 {
		return Errorf(EINVALID, "Election %s needs a title and at least one polling day.", e.ID)
	}
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO elections (id, kind, title) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title`, e.ID, e.Kind, e.Title); err != nil {
			return fmt.Errorf("save election %s: %w", e.ID, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM election_days WHERE election_id = $1`, e.ID); err != nil {
			return err
		}
		for _, d := range e.Days {
			if _, err := tx.Exec(ctx, `INSERT INTO election_days (election_id, round, day, opens, closes)
				VALUES ($1, $2, $3, $4::time, $5::time)`, e.ID, d.Round, d.Date, d.Opens, d.Closes); err != nil {
				return Errorf(EINVALID, "Polling day %s %s–%s of %s: %v", d.Date.Format(time.DateOnly), d.Opens, d.Closes, e.ID, err)
			}
		}
		return nil
	})
}

// ReplacePollingStations makes stations the polling rooms of the election, in one transaction.
// Each station's municipality is that of its building; every district number is one of that
// municipality's once.
func (s *Store) ReplacePollingStations(ctx context.Context, election string, stations []PollingStation) error {
	if len(stations) == 0 {
		return Errorf(EINVALID, "The file lists no polling stations.")
	}
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM elections WHERE id = $1)`, election).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return Errorf(EINVALID, "Election %q does not exist; create it first with `radnice election`.", election)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM polling_stations WHERE election_id = $1`, election); err != nil {
			return err
		}
		var problems []string
		for _, st := range stations {
			tag, err := tx.Exec(ctx, `INSERT INTO polling_stations (election_id, municipality_code, district_number, name, address_code, note)
				SELECT $1, a.municipality_code, $2, $3, a.code, $5 FROM address_points a WHERE a.code = $4
				ON CONFLICT (election_id, municipality_code, district_number) DO NOTHING`,
				election, st.DistrictNumber, st.Name, st.AddressCode, st.Note)
			if err != nil {
				return fmt.Errorf("%s: %w", st.Where, err)
			}
			if tag.RowsAffected() == 0 {
				problems = append(problems, fmt.Sprintf("%s: address %d is not in the register, or district %d is listed twice",
					st.Where, st.AddressCode, st.DistrictNumber))
			}
		}
		if len(problems) > 0 {
			return Errorf(EINVALID, "%s", strings.Join(problems, "\n"))
		}
		return nil
	})
}
