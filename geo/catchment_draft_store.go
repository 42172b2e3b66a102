package geo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/twpayne/go-geom"
)

// ErrCatchmentDateReached refuses to publish a draft whose date is no longer in the future:
// the areas would apply to days already answered by the old ones.
var ErrCatchmentDateReached = Errorf(EINVALID, "The draft's valid-from date is no longer in the future; upload the file again with a later date.")

// StageCatchmentDraft checks a catchment file as the import would and keeps it as a draft,
// within tx so that the caller records the upload in the same transaction. Its date must come
// after today.
func StageCatchmentDraft(ctx context.Context, tx pgx.Tx, in CatchmentDraftInput, today time.Time) (CatchmentDraft, error) {
	if in.Layer != PrimarySchools && in.Layer != Kindergartens {
		return CatchmentDraft{}, Errorf(EINVALID, "Catchment drafts are for the zs and ms layers, not %s.", in.Layer)
	}
	if !in.ValidFrom.After(today) {
		return CatchmentDraft{}, Errorf(EINVALID, "A catchment draft takes effect on a future date, not %s.", in.ValidFrom.Format(time.DateOnly))
	}
	if _, err := stageAreas(ctx, tx, AreaImport{Layer: in.Layer, ValidFrom: in.ValidFrom, Areas: in.Areas}); err != nil {
		return CatchmentDraft{}, err
	}
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO catchment_drafts (layer, valid_from, file_name, uploaded_by, uploaded_by_name)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		string(in.Layer), in.ValidFrom, in.FileName, nullInt(int(in.ActorID)), in.ActorName).Scan(&id); err != nil {
		return CatchmentDraft{}, fmt.Errorf("store catchment draft: %w", err)
	}
	for i, a := range in.Areas {
		s := a.School // checkAreaInputs made sure every area has one
		_, err := tx.Exec(ctx, `INSERT INTO catchment_draft_areas (draft_id, position, code, name, municipality_code,
				school_name, school_address, school_web, school_izo, boundary)
			SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, r.geom FROM area_rows r WHERE r.idx = $2`,
			id, i, a.Code, a.Name, nullInt(a.MunicipalityCode), s.Name, nullInt(int(s.AddressCode)), s.Web, s.IZO)
		if err != nil {
			return CatchmentDraft{}, fmt.Errorf("%s: store draft area: %w", a.Where, err)
		}
	}
	return catchmentDraft(ctx, tx, id)
}

// PublishCatchmentDraft imports draft id as its layer's version from its date, through the
// same path as `radnice import areas --valid-from`, and removes the draft, within tx. Lookups
// of earlier days keep the areas they had. It returns the draft as it was.
func PublishCatchmentDraft(ctx context.Context, tx pgx.Tx, id int64, today time.Time) (CatchmentDraft, AreaImportResult, error) {
	d, err := lockCatchmentDraft(ctx, tx, id)
	if err != nil {
		return CatchmentDraft{}, AreaImportResult{}, err
	}
	if !d.ValidFrom.After(today) {
		return CatchmentDraft{}, AreaImportResult{}, ErrCatchmentDateReached
	}
	rows, err := tx.Query(ctx, `SELECT code, name, coalesce(municipality_code, 0), school_name, coalesce(school_address, 0),
			school_web, school_izo, boundary
		FROM catchment_draft_areas WHERE draft_id = $1 ORDER BY position`, id)
	if err != nil {
		return CatchmentDraft{}, AreaImportResult{}, fmt.Errorf("read draft %d: %w", id, err)
	}
	areas, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (AreaInput, error) {
		a := AreaInput{School: &School{Kind: d.Layer}}
		var boundary geom.MultiPolygon
		err := r.Scan(&a.Code, &a.Name, &a.MunicipalityCode, &a.School.Name, &a.School.AddressCode,
			&a.School.Web, &a.School.IZO, &boundary)
		a.Where = d.FileName + ": " + a.Code
		a.Boundary = &boundary
		return a, err
	})
	if err != nil {
		return CatchmentDraft{}, AreaImportResult{}, fmt.Errorf("read draft %d: %w", id, err)
	}
	res, err := importAreas(ctx, tx, AreaImport{Layer: d.Layer, ValidFrom: d.ValidFrom, Areas: areas})
	if err != nil {
		return CatchmentDraft{}, AreaImportResult{}, fmt.Errorf("publish draft %d: %w", id, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM catchment_drafts WHERE id = $1`, id); err != nil {
		return CatchmentDraft{}, AreaImportResult{}, fmt.Errorf("remove published draft %d: %w", id, err)
	}
	return d, res, nil
}

// DiscardCatchmentDraft removes draft id within tx and returns it as it was.
func DiscardCatchmentDraft(ctx context.Context, tx pgx.Tx, id int64) (CatchmentDraft, error) {
	d, err := lockCatchmentDraft(ctx, tx, id)
	if err != nil {
		return CatchmentDraft{}, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM catchment_drafts WHERE id = $1`, id); err != nil {
		return CatchmentDraft{}, fmt.Errorf("discard draft %d: %w", id, err)
	}
	return d, nil
}

// lockCatchmentDraft reads draft id and holds it against a second publish or discard until tx ends.
func lockCatchmentDraft(ctx context.Context, tx pgx.Tx, id int64) (CatchmentDraft, error) {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM catchment_drafts WHERE id = $1 FOR UPDATE`, id); err != nil {
		return CatchmentDraft{}, fmt.Errorf("lock draft %d: %w", id, err)
	}
	return catchmentDraft(ctx, tx, id)
}

// CatchmentDraft returns draft id with the counts of the addresses it changes.
func (s *Store) CatchmentDraft(ctx context.Context, id int64) (CatchmentDraft, error) {
	return catchmentDraft(ctx, s.db, id)
}

// CatchmentDrafts lists the drafts waiting to be published, the soonest to take effect first.
func (s *Store) CatchmentDrafts(ctx context.Context) ([]CatchmentDraft, error) {
	rows, err := s.db.Query(ctx, `SELECT id FROM catchment_drafts ORDER BY valid_from, layer, id`)
	if err != nil {
		return nil, fmt.Errorf("list catchment drafts: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("list catchment drafts: %w", err)
	}
	drafts := make([]CatchmentDraft, len(ids))
	for i, id := range ids {
		if drafts[i], err = catchmentDraft(ctx, s.db, id); err != nil {
			return nil, err
		}
	}
	return drafts, nil
}

func catchmentDraft(ctx context.Context, q querier, id int64) (CatchmentDraft, error) {
	d := CatchmentDraft{ID: id}
	var layer string
	err := q.QueryRow(ctx, `SELECT layer, valid_from, file_name, uploaded_by_name, uploaded_at
		FROM catchment_drafts WHERE id = $1`, id).Scan(&layer, &d.ValidFrom, &d.FileName, &d.UploadedBy, &d.UploadedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return CatchmentDraft{}, Errorf(ENOTFOUND, "Catchment draft %d does not exist.", id)
	}
	if err != nil {
		return CatchmentDraft{}, fmt.Errorf("catchment draft %d: %w", id, err)
	}
	d.Layer = Layer(layer)
	rows, err := q.Query(ctx, `SELECT code, name, school_name FROM catchment_draft_areas WHERE draft_id = $1 ORDER BY position`, id)
	if err != nil {
		return CatchmentDraft{}, fmt.Errorf("areas of draft %d: %w", id, err)
	}
	if d.Areas, err = pgx.CollectRows(rows, pgx.RowToStructByPos[DraftArea]); err != nil {
		return CatchmentDraft{}, fmt.Errorf("areas of draft %d: %w", id, err)
	}
	err = q.QueryRow(ctx, `WITH `+changesCTE+`
		SELECT count(*) FILTER (WHERE kind = 'changed'), count(*) FILTER (WHERE kind = 'gained'),
			count(*) FILTER (WHERE kind = 'lost')
		FROM changes`, id).Scan(&d.Changes.Changed, &d.Changes.Gained, &d.Changes.Lost)
	if err != nil {
		return CatchmentDraft{}, fmt.Errorf("changes of draft %d: %w", id, err)
	}
	return d, nil
}

// changesCTE are the addresses whose catchment schools draft $1 changes: table changes with
// address_code, kind and the school names before and after. Before is what the layer holds on
// the draft's date; after is what importing the draft would assign: the ordinance's rules,
// which name areas by code and hold for every version of them, where the draft keeps the code
// they name, else the draft's boundaries covering the address point.
const changesCTE = `draft AS (
		SELECT id, layer, valid_from FROM catchment_drafts WHERE id = $1
	), replaced AS (
		SELECT aa.address_code, sc.name AS school
		FROM draft d
		JOIN areas ar ON ar.layer = d.layer AND ar.valid_from <= d.valid_from AND (ar.valid_to IS NULL OR ar.valid_to > d.valid_from)
		JOIN address_areas aa ON aa.area_id = ar.id
		JOIN schools sc ON sc.id = ar.school_id
	), ruled AS (
		SELECT DISTINCT aa.address_code, da.school_name AS school
		FROM draft d
		JOIN address_areas aa ON aa.layer = d.layer AND aa.source <> 'polygon'
		JOIN areas ar ON ar.id = aa.area_id
		JOIN catchment_draft_areas da ON da.draft_id = d.id AND da.code = ar.code
	), drafted AS (
		SELECT address_code, school FROM ruled
		UNION ALL
		SELECT a.code, da.school_name
		FROM catchment_draft_areas da
		JOIN address_points a ON ST_Covers(da.boundary, a.point_sjtsk) AND a.retired_at IS NULL
		WHERE da.draft_id = $1 AND NOT EXISTS (SELECT 1 FROM ruled r WHERE r.address_code = a.code)
	), sides AS (
		SELECT address_code,
			coalesce(array_agg(DISTINCT school ORDER BY school) FILTER (WHERE NOT after), '{}') AS before,
			coalesce(array_agg(DISTINCT school ORDER BY school) FILTER (WHERE after), '{}') AS after
		FROM (SELECT address_code, school, false AS after FROM replaced
			UNION ALL SELECT address_code, school, true FROM drafted) AS s
		GROUP BY address_code
	), changes AS (
		SELECT s.address_code, s.before, s.after,
			CASE WHEN s.before = '{}' THEN 'gained' WHEN s.after = '{}' THEN 'lost' ELSE 'changed' END AS kind
		FROM sides s JOIN address_points a ON a.code = s.address_code AND a.retired_at IS NULL
		WHERE s.before <> s.after
	)`

// CatchmentChanges lists the addresses draft id changes, by street (or town part where there
// are no streets) and number: limit of them from offset, all of them when limit is 0.
func (s *Store) CatchmentChanges(ctx context.Context, id int64, limit, offset int) ([]CatchmentChange, error) {
	rows, err := s.db.Query(ctx, `WITH `+changesCTE+`
		SELECT `+addressColumns+`, c.kind, c.before, c.after
		FROM changes c JOIN address_points a ON a.code = c.address_code `+addressJoins+`
		ORDER BY coalesce(s.name, p.name) COLLATE "cs-x-icu", p.name COLLATE "cs-x-icu", a.orientation_number,
			a.orientation_letter NULLS FIRST, a.building_type, a.house_number, a.code
		LIMIT $2 OFFSET $3`, id, nullInt(limit), offset)
	if err != nil {
		return nil, fmt.Errorf("changes of draft %d: %w", id, err)
	}
	changes, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (CatchmentChange, error) {
		var c CatchmentChange
		var kind string
		a, err := scanAddress(r, &kind, &c.Before, &c.After)
		c.Address, c.Kind = a, ChangeKind(kind)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("changes of draft %d: %w", id, err)
	}
	return changes, nil
}

// CatchmentMap draws draft id's areas over the ones they would replace, with the addresses
// that change school, framed together; PostGIS writes the outlines as path data, simplified by
// the map's size as AreaMap's.
func (s *Store) CatchmentMap(ctx context.Context, id int64) (CatchmentMap, error) {
	rows, err := s.db.Query(ctx, `WITH `+changesCTE+`, shapes AS (
			SELECT true AS drafted, code, boundary FROM catchment_draft_areas WHERE draft_id = $1
			UNION ALL
			SELECT false, ar.code, ar.boundary
			FROM draft d JOIN areas ar ON ar.layer = d.layer AND ar.valid_from <= d.valid_from
				AND (ar.valid_to IS NULL OR ar.valid_to > d.valid_from)
			WHERE ar.boundary IS NOT NULL
		), frame AS (
			SELECT side, ST_Expand(box, greatest(side * $2, $3)) AS box
			FROM (SELECT ST_Extent(boundary) AS box FROM shapes) AS e,
				LATERAL (SELECT greatest(ST_XMax(box) - ST_XMin(box), ST_YMax(box) - ST_YMin(box)) AS side) AS s
		)
		SELECT sh.drafted, sh.code, ST_AsSVG(ST_SimplifyPreserveTopology(sh.boundary, f.side * $4), 1, 0),
			round(ST_X(ST_PointOnSurface(sh.boundary))), -round(ST_Y(ST_PointOnSurface(sh.boundary))),
			ARRAY[floor(ST_XMin(f.box)), floor(-ST_YMax(f.box)),
				ceil(ST_XMax(f.box)) - floor(ST_XMin(f.box)), ceil(-ST_YMin(f.box)) - floor(-ST_YMax(f.box))],
			(SELECT coalesce(string_agg(format('M%s %sh0', round(ST_X(a.point_sjtsk)), -round(ST_Y(a.point_sjtsk))), ''), '')
				FROM changes c JOIN address_points a ON a.code = c.address_code WHERE a.point_sjtsk IS NOT NULL)
		FROM shapes sh, frame f
		ORDER BY sh.drafted, sh.code`, id, mapMargin, mapMinMargin, mapSimplifyShare)
	if err != nil {
		return CatchmentMap{}, fmt.Errorf("map of draft %d: %w", id, err)
	}
	defer rows.Close()
	var m CatchmentMap
	for rows.Next() {
		var drafted bool
		var sh MapShape
		var box []float64
		if err := rows.Scan(&drafted, &sh.Code, &sh.Path, &sh.LabelX, &sh.LabelY, &box, &m.Changed); err != nil {
			return CatchmentMap{}, fmt.Errorf("map of draft %d: %w", id, err)
		}
		copy(m.ViewBox[:], box)
		if drafted {
			m.Drafted = append(m.Drafted, sh)
		} else {
			m.Replaced = append(m.Replaced, sh)
		}
	}
	if err := rows.Err(); err != nil {
		return CatchmentMap{}, fmt.Errorf("map of draft %d: %w", id, err)
	}
	return m, nil
}

// AreaVersions lists the versions of layer that hold on since or begin later, earliest first.
func (s *Store) AreaVersions(ctx context.Context, layer Layer, since time.Time) ([]AreaVersion, error) {
	rows, err := s.db.Query(ctx, `SELECT CASE WHEN isfinite(ar.valid_from) THEN ar.valid_from END, ar.valid_to, count(*),
			coalesce(array_agg(DISTINCT sc.name ORDER BY sc.name) FILTER (WHERE sc.name IS NOT NULL), '{}')
		FROM areas ar LEFT JOIN schools sc ON sc.id = ar.school_id
		WHERE ar.layer = $1 AND (ar.valid_to IS NULL OR ar.valid_to > $2)
		GROUP BY ar.valid_from, ar.valid_to
		ORDER BY ar.valid_from`, string(layer), since)
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", layer, err)
	}
	versions, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (AreaVersion, error) {
		v := AreaVersion{Layer: layer}
		err := r.Scan(&v.ValidFrom, &v.ValidTo, &v.Areas, &v.Schools)
		return v, err
	})
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", layer, err)
	}
	return versions, nil
}
