package geo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// ReplaceWasteSchedules makes schedules the town's whole waste collection schedule, in one
// transaction. Each must validate; zones are the codes of waste areas.
func (s *Store) ReplaceWasteSchedules(ctx context.Context, schedules []WasteSchedule) error {
	if len(schedules) == 0 {
		return Errorf(EINVALID, "The schedule holds no rules.")
	}
	for i, ws := range schedules {
		if err := ws.Validate(); err != nil {
			return fmt.Errorf("rule %d (%s, %s): %w", i+1, ws.Zone, ws.WasteType, err)
		}
	}
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM waste_schedules`); err != nil {
			return fmt.Errorf("clear waste schedules: %w", err)
		}
		for _, ws := range schedules {
			_, err := tx.Exec(ctx, `INSERT INTO waste_schedules (zone, waste_type, weekday, every_weeks, parity,
				anchor, season_from, season_to, holiday_policy, valid_from, valid_to, extra, cancelled)
				VALUES ($1, $2, $3, $4, nullif($5, ''), $6, nullif($7, ''), nullif($8, ''), $9, $10, $11, $12, $13)`,
				ws.Zone, ws.WasteType, int(ws.Weekday), ws.EveryWeeks, ws.Parity, nullDate(ws.Anchor),
				monthDayText(ws.SeasonFrom), monthDayText(ws.SeasonTo), string(ws.Holidays),
				nullDate(ws.ValidFrom), nullDate(ws.ValidTo), dates(ws.Extra), dates(ws.Cancelled))
			if err != nil {
				return fmt.Errorf("store waste schedule %s/%s: %w", ws.Zone, ws.WasteType, err)
			}
		}
		return nil
	})
}

// wasteSchedules returns the rules of a zone in the order the schedule file gave them.
func wasteSchedules(ctx context.Context, q querier, zone string) ([]WasteSchedule, error) {
	rows, err := q.Query(ctx, `SELECT zone, waste_type, weekday, every_weeks, coalesce(parity, ''), anchor,
		coalesce(season_from, ''), coalesce(season_to, ''), holiday_policy, valid_from, valid_to, extra, cancelled
		FROM waste_schedules WHERE zone = $1 ORDER BY id`, zone)
	if err != nil {
		return nil, fmt.Errorf("read waste schedules of %s: %w", zone, err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (WasteSchedule, error) {
		var ws WasteSchedule
		var weekday, every int16
		var anchor, from, to *time.Time
		var seasonFrom, seasonTo, policy string
		err := r.Scan(&ws.Zone, &ws.WasteType, &weekday, &every, &ws.Parity, &anchor, &seasonFrom, &seasonTo,
			&policy, &from, &to, &ws.Extra, &ws.Cancelled)
		ws.Weekday, ws.EveryWeeks, ws.Holidays = time.Weekday(weekday), int(every), HolidayPolicy(policy)
		ws.Anchor, ws.ValidFrom, ws.ValidTo = deref(anchor), deref(from), deref(to)
		ws.SeasonFrom, ws.SeasonTo = parseMonthDay(seasonFrom), parseMonthDay(seasonTo)
		return ws, err
	})
}

func monthDayText(md MonthDay) string {
	if md.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d", int(md.Month), md.Day)
}

func parseMonthDay(s string) MonthDay {
	var m, d int
	if _, err := fmt.Sscanf(s, "%02d-%02d", &m, &d); err != nil {
		return MonthDay{}
	}
	return MonthDay{Month: time.Month(m), Day: d}
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func dates(ts []time.Time) []time.Time {
	if ts == nil {
		return []time.Time{}
	}
	return ts
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
