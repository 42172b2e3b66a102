package vfr

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/twpayne/go-geom"
)

// Bounds of EPSG:5514 coordinates (negative, as RÚIAN writes them) with a margin around the
// Czech Republic. A positive or swapped pair is a sign of a wrong axis convention.
const (
	minX, maxX = -950_000.0, -400_000.0
	minY, maxY = -1_250_000.0, -900_000.0
)

// arcTolerance is how far, in metres, a stroked circular arc may stray from the true arc.
const arcTolerance = 0.01

// maxArcSteps bounds the segments of one stroked arc.
const maxArcSteps = 256

// polygons collects the polygons of one boundary as go-geom flat coordinates.
type polygons struct {
	flat  []float64
	endss [][]int
}

// boundary reads voi:OriginalniHranice, whose start at at was just read: one gml:MultiSurface,
// gml:CompositeSurface, gml:Surface or gml:Polygon.
func (r *Reader) boundary(at pos) (*geom.MultiPolygon, *fault, error) {
	depth := r.depth
	var ps polygons
	found := false
	for {
		it, err := r.token()
		if err != nil {
			return nil, nil, err
		}
		if r.depth < depth {
			break
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok {
			continue
		}
		if found {
			return nil, &fault{it.at, fmt.Sprintf("voi:OriginalniHranice holds a second geometry %s", qname(start.Name))}, nil
		}
		found = true
		if f, err := r.surface(start, it.at, &ps); f != nil || err != nil {
			return nil, f, err
		}
	}
	if !found {
		return nil, &fault{at, "voi:OriginalniHranice holds no gml:MultiSurface"}, nil
	}
	if len(ps.endss) == 0 {
		return nil, &fault{at, "voi:OriginalniHranice holds no polygon"}, nil
	}
	return geom.NewMultiPolygonFlat(geom.XY, ps.flat, ps.endss).SetSRID(SRID), nil, nil
}

// surface reads one surface geometry whose start was just read into ps.
func (r *Reader) surface(start xml.StartElement, at pos, ps *polygons) (*fault, error) {
	if !inSpace(start.Name.Space, NamespaceGML) {
		return &fault{at, fmt.Sprintf("unexpected element %s where a GML surface belongs", qname(start.Name))}, nil
	}
	if f := checkAttrs(start, at); f != nil {
		return f, nil
	}
	switch start.Name.Local {
	case "MultiSurface", "CompositeSurface":
		return r.members(start, ps)
	case "Polygon":
		return r.polygon(start, at, ps)
	case "Surface":
		return r.children(start, func(child xml.StartElement, at pos) (*fault, error) {
			if child.Name.Local != "patches" {
				return nil, nil
			}
			return r.children(child, func(patch xml.StartElement, at pos) (*fault, error) {
				if patch.Name.Local != "PolygonPatch" {
					return &fault{at, fmt.Sprintf("unsupported surface patch gml:%s; expected gml:PolygonPatch", patch.Name.Local)}, nil
				}
				return r.polygon(patch, at, ps)
			})
		})
	}
	return &fault{at, fmt.Sprintf("unsupported geometry gml:%s; expected gml:MultiSurface, gml:Surface or gml:Polygon", start.Name.Local)}, nil
}

// members reads the gml:surfaceMember and gml:surfaceMembers of a multi or composite surface.
func (r *Reader) members(start xml.StartElement, ps *polygons) (*fault, error) {
	return r.children(start, func(child xml.StartElement, at pos) (*fault, error) {
		switch child.Name.Local {
		case "surfaceMember", "surfaceMembers":
		default:
			return nil, nil
		}
		one := child.Name.Local == "surfaceMember"
		n := 0
		f, err := r.elements(child, func(s xml.StartElement, sat pos) (*fault, error) {
			n++
			if one && n > 1 {
				return &fault{sat, "gml:surfaceMember holds a second surface"}, nil
			}
			return r.surface(s, sat, ps)
		})
		if f == nil && err == nil && n == 0 {
			return &fault{at, fmt.Sprintf("gml:%s holds no surface (references by xlink:href are not supported)", child.Name.Local)}, nil
		}
		return f, err
	})
}

// polygon reads a gml:Polygon or gml:PolygonPatch: one exterior ring, then interior rings.
func (r *Reader) polygon(start xml.StartElement, at pos, ps *polygons) (*fault, error) {
	first := len(ps.flat)
	var ends []int
	f, err := r.children(start, func(child xml.StartElement, cat pos) (*fault, error) {
		switch child.Name.Local {
		case "exterior":
			if len(ends) > 0 {
				return &fault{cat, fmt.Sprintf("gml:%s has a second gml:exterior", start.Name.Local)}, nil
			}
		case "interior":
			if len(ends) == 0 {
				return &fault{cat, fmt.Sprintf("gml:interior comes before the gml:exterior of gml:%s", start.Name.Local)}, nil
			}
		default:
			return nil, nil
		}
		n := 0
		f, err := r.elements(child, func(ring xml.StartElement, rat pos) (*fault, error) {
			n++
			if n > 1 {
				return &fault{rat, fmt.Sprintf("gml:%s holds a second ring", child.Name.Local)}, nil
			}
			pts, f, err := r.ring(ring, rat)
			if f != nil || err != nil {
				return f, err
			}
			ps.flat = append(ps.flat, pts...)
			ends = append(ends, len(ps.flat))
			return nil, nil
		})
		if f == nil && err == nil && n == 0 {
			return &fault{cat, fmt.Sprintf("gml:%s holds no ring", child.Name.Local)}, nil
		}
		return f, err
	})
	if f != nil || err != nil {
		return f, err
	}
	if len(ends) == 0 {
		return &fault{at, fmt.Sprintf("gml:%s has no gml:exterior", start.Name.Local)}, nil
	}
	if len(ps.flat) == first {
		return &fault{at, fmt.Sprintf("gml:%s is empty", start.Name.Local)}, nil
	}
	ps.endss = append(ps.endss, ends)
	return nil, nil
}

// ring reads a gml:LinearRing or a gml:Ring of curves and returns its closed coordinates.
func (r *Reader) ring(start xml.StartElement, at pos) ([]float64, *fault, error) {
	if !inSpace(start.Name.Space, NamespaceGML) {
		return nil, &fault{at, fmt.Sprintf("unexpected element %s where a GML ring belongs", qname(start.Name))}, nil
	}
	if f := checkAttrs(start, at); f != nil {
		return nil, f, nil
	}
	var pts []float64
	switch start.Name.Local {
	case "LinearRing":
		var f *fault
		var err error
		pts, f, err = r.positions(start, at, r.coords[:0])
		r.coords = pts[:0] // keep the grown buffer for the next ring
		if f != nil || err != nil {
			return nil, f, err
		}
	case "Ring":
		f, err := r.children(start, func(member xml.StartElement, mat pos) (*fault, error) {
			if member.Name.Local != "curveMember" {
				return nil, nil
			}
			return r.elements(member, func(curve xml.StartElement, cat pos) (*fault, error) {
				var f *fault
				var err error
				pts, f, err = r.curve(curve, cat, pts)
				return f, err
			})
		})
		if f != nil || err != nil {
			return nil, f, err
		}
	default:
		return nil, &fault{at, fmt.Sprintf("unsupported ring gml:%s; expected gml:LinearRing or gml:Ring", start.Name.Local)}, nil
	}
	n := len(pts) / 2
	if n < 4 {
		return nil, &fault{at, fmt.Sprintf("gml:%s has %d points; a ring needs at least 4", start.Name.Local, n)}, nil
	}
	if pts[0] != pts[len(pts)-2] || pts[1] != pts[len(pts)-1] {
		return nil, &fault{at, fmt.Sprintf("unclosed ring: gml:%s starts at (%s) and ends at (%s)",
			start.Name.Local, xy(pts[0], pts[1]), xy(pts[len(pts)-2], pts[len(pts)-1]))}, nil
	}
	return pts, nil, nil
}

// curve appends a curve of a gml:Ring to pts: a gml:LineString, or a gml:Curve whose segments
// are gml:LineStringSegment, gml:ArcString, gml:Arc or gml:Circle. Arcs are stroked.
func (r *Reader) curve(start xml.StartElement, at pos, pts []float64) ([]float64, *fault, error) {
	if !inSpace(start.Name.Space, NamespaceGML) {
		return pts, &fault{at, fmt.Sprintf("unexpected element %s where a GML curve belongs", qname(start.Name))}, nil
	}
	if f := checkAttrs(start, at); f != nil {
		return pts, f, nil
	}
	switch start.Name.Local {
	case "LineString":
		seg, f, err := r.positions(start, at, nil)
		if f != nil || err != nil {
			return pts, f, err
		}
		return join(pts, seg, at)
	case "Curve":
		f, err := r.children(start, func(segs xml.StartElement, sat pos) (*fault, error) {
			if segs.Name.Local != "segments" {
				return nil, nil
			}
			return r.elements(segs, func(seg xml.StartElement, gat pos) (*fault, error) {
				var f *fault
				var err error
				pts, f, err = r.segment(seg, gat, pts)
				return f, err
			})
		})
		return pts, f, err
	}
	return pts, &fault{at, fmt.Sprintf("unsupported curve gml:%s; expected gml:Curve or gml:LineString", start.Name.Local)}, nil
}

// segment appends one curve segment to pts.
func (r *Reader) segment(start xml.StartElement, at pos, pts []float64) ([]float64, *fault, error) {
	if f := checkAttrs(start, at); f != nil {
		return pts, f, nil
	}
	name := start.Name.Local
	switch name {
	case "LineStringSegment", "ArcString", "Arc", "Circle":
	default:
		return pts, &fault{at, fmt.Sprintf("unsupported curve segment gml:%s; expected gml:LineStringSegment, gml:ArcString, gml:Arc or gml:Circle", name)}, nil
	}
	seg, f, err := r.positions(start, at, nil)
	if f != nil || err != nil {
		return pts, f, err
	}
	n := len(seg) / 2
	switch name {
	case "LineStringSegment":
		if n < 2 {
			return pts, &fault{at, fmt.Sprintf("gml:%s has %d points; it needs at least 2", name, n)}, nil
		}
		return join(pts, seg, at)
	case "Circle":
		if n != 3 {
			return pts, &fault{at, fmt.Sprintf("gml:Circle has %d points; it needs exactly 3", n)}, nil
		}
		line, ok := strokeArc(seg[:2:2], seg[0], seg[1], seg[2], seg[3], seg[4], seg[5], true)
		if !ok {
			return pts, &fault{at, "gml:Circle has three points on a line"}, nil
		}
		return join(pts, line, at)
	}
	if n < 3 || n%2 == 0 || (name == "Arc" && n != 3) {
		return pts, &fault{at, fmt.Sprintf("gml:%s has %d points; arcs take 3, 5, 7, … points (gml:Arc exactly 3)", name, n)}, nil
	}
	line := append([]float64(nil), seg[0], seg[1])
	for i := 0; i+2 < n; i += 2 {
		line, _ = strokeArc(line, seg[2*i], seg[2*i+1], seg[2*i+2], seg[2*i+3], seg[2*i+4], seg[2*i+5], false)
	}
	return join(pts, line, at)
}

// join appends a curve piece to the points gathered so far; consecutive pieces must meet.
func join(pts, piece []float64, at pos) ([]float64, *fault, error) {
	if len(pts) == 0 {
		return append(pts, piece...), nil, nil
	}
	if pts[len(pts)-2] != piece[0] || pts[len(pts)-1] != piece[1] {
		return pts, &fault{at, fmt.Sprintf("the curve starts at (%s), not where the previous one ends (%s)",
			xy(piece[0], piece[1]), xy(pts[len(pts)-2], pts[len(pts)-1]))}, nil
	}
	return append(pts, piece[2:]...), nil, nil
}

// positions reads the coordinates of an element that holds one gml:posList or a sequence of
// gml:pos, appending them to dst.
func (r *Reader) positions(start xml.StartElement, at pos, dst []float64) ([]float64, *fault, error) {
	lists, singles := 0, 0
	f, err := r.children(start, func(child xml.StartElement, cat pos) (*fault, error) {
		if f := checkAttrs(child, cat); f != nil {
			return f, nil
		}
		switch child.Name.Local {
		case "posList":
			lists++
			if lists > 1 || singles > 0 {
				return &fault{cat, fmt.Sprintf("gml:%s mixes several gml:posList or gml:pos", start.Name.Local)}, nil
			}
			s, f, err := r.text("gml:posList")
			if f != nil || err != nil {
				return f, err
			}
			before := len(dst)
			var reason string
			dst, reason = parseCoords(dst, s, "gml:posList")
			if reason != "" {
				return &fault{cat, reason}, nil
			}
			if c := attr(child, "count"); c != "" {
				if want, err := strconv.Atoi(c); err != nil || want != (len(dst)-before)/2 {
					return &fault{cat, fmt.Sprintf("gml:posList count=%q but it holds %d points", c, (len(dst)-before)/2)}, nil
				}
			}
		case "pos":
			singles++
			if lists > 0 {
				return &fault{cat, fmt.Sprintf("gml:%s mixes gml:posList and gml:pos", start.Name.Local)}, nil
			}
			s, f, err := r.text("gml:pos")
			if f != nil || err != nil {
				return f, err
			}
			before := len(dst)
			var reason string
			dst, reason = parseCoords(dst, s, "gml:pos")
			if reason != "" {
				return &fault{cat, reason}, nil
			}
			if len(dst)-before != 2 {
				return &fault{cat, fmt.Sprintf("gml:pos holds %d coordinates; expected 2", len(dst)-before)}, nil
			}
		case "pointProperty", "pointRep", "coordinates":
			return &fault{cat, fmt.Sprintf("gml:%s is not supported; expected gml:posList or gml:pos", child.Name.Local)}, nil
		}
		return nil, nil
	})
	if f != nil || err != nil {
		return dst, f, err
	}
	if lists == 0 && singles == 0 {
		return dst, &fault{at, fmt.Sprintf("gml:%s holds no gml:posList or gml:pos", start.Name.Local)}, nil
	}
	return dst, nil, nil
}

// children calls fn for each GML child element of the element whose start was just read; the
// child is consumed to its end whether fn reads it or not. Non-GML children are skipped.
func (r *Reader) children(parent xml.StartElement, fn func(xml.StartElement, pos) (*fault, error)) (*fault, error) {
	depth := r.depth
	for {
		it, err := r.token()
		if err != nil {
			return nil, err
		}
		if r.depth < depth {
			return nil, nil
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok {
			continue
		}
		if inSpace(start.Name.Space, NamespaceGML) {
			if f, err := fn(start, it.at); f != nil || err != nil {
				return f, err
			}
		}
		if r.depth > depth { // fn left the child unread, or did not look at it
			if err := r.skip(); err != nil {
				return nil, err
			}
		}
	}
}

// elements calls fn for every child element, of any namespace, of a property element such as
// gml:surfaceMember or gml:exterior.
func (r *Reader) elements(parent xml.StartElement, fn func(xml.StartElement, pos) (*fault, error)) (*fault, error) {
	depth := r.depth
	for {
		it, err := r.token()
		if err != nil {
			return nil, err
		}
		if r.depth < depth {
			return nil, nil
		}
		if start, ok := it.tok.(xml.StartElement); ok {
			if f, err := fn(start, it.at); f != nil || err != nil {
				return f, err
			}
			if r.depth > depth {
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

// checkAttrs refuses coordinates that are not two-dimensional EPSG:5514.
func checkAttrs(start xml.StartElement, at pos) *fault {
	if d := attr(start, "srsDimension"); d != "" && d != "2" {
		return &fault{at, fmt.Sprintf("gml:%s has srsDimension=%q; RÚIAN boundaries are 2-dimensional", start.Name.Local, d)}
	}
	if s := attr(start, "srsName"); s != "" && !isKrovak(s) {
		return &fault{at, fmt.Sprintf("gml:%s has srsName=%q; expected EPSG:5514 (urn:ogc:def:crs:EPSG::5514)", start.Name.Local, s)}
	}
	return nil
}

func isKrovak(s string) bool {
	switch strings.TrimSpace(s) {
	case "urn:ogc:def:crs:EPSG::5514", "urn:ogc:def:crs:EPSG:5514", "EPSG:5514",
		"http://www.opengis.net/def/crs/EPSG/0/5514", "https://www.opengis.net/def/crs/EPSG/0/5514":
		return true
	}
	return false
}

func attr(start xml.StartElement, local string) string {
	for _, a := range start.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// parseCoords appends the numbers of a whitespace-separated "x y x y …" list to dst, or says
// why the list is unusable.
func parseCoords(dst []float64, s, name string) ([]float64, string) {
	start := len(dst)
	i := 0
	for i < len(s) {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		if i == j {
			break
		}
		v, err := strconv.ParseFloat(s[i:j], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return dst, fmt.Sprintf("%s holds %q, which is not a number", name, clip(s[i:j]))
		}
		dst = append(dst, v)
		i = j
	}
	n := len(dst) - start
	if n%2 != 0 {
		return dst, fmt.Sprintf("%s holds an odd number of coordinates (%d); expected x y pairs", name, n)
	}
	for k := start; k < len(dst); k += 2 {
		x, y := dst[k], dst[k+1]
		if x < minX || x > maxX || y < minY || y > maxY {
			return dst, fmt.Sprintf("%s point (%s) lies outside the Czech Republic in EPSG:5514 (negative x y expected)", name, xy(x, y))
		}
	}
	return dst, ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func xy(x, y float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64) + " " + strconv.FormatFloat(y, 'f', -1, 64)
}

// strokeArc appends the circular arc from p0 through p1 to p2 as straight segments to dst,
// which already ends with p0; the arc's end is p2 exactly. With full set it strokes the whole
// circle through the three points, back to p0. Three points on a line make a straight
// polyline, or fail for a full circle.
func strokeArc(dst []float64, x0, y0, x1, y1, x2, y2 float64, full bool) ([]float64, bool) {
	bx, by := x1-x0, y1-y0
	cx, cy := x2-x0, y2-y0
	cross := bx*cy - by*cx
	scale := math.Max(bx*bx+by*by, cx*cx+cy*cy)
	if math.Abs(cross) <= 1e-12*scale || scale == 0 {
		if full {
			return dst, false
		}
		return append(dst, x1, y1, x2, y2), true
	}
	d := 2 * cross
	b2, c2 := bx*bx+by*by, cx*cx+cy*cy
	ux := (cy*b2 - by*c2) / d // centre relative to p0
	uy := (bx*c2 - cx*b2) / d
	radius := math.Hypot(ux, uy)
	a0 := math.Atan2(-uy, -ux)
	var sweep float64
	switch {
	case full && cross > 0:
		sweep = 2 * math.Pi
	case full:
		sweep = -2 * math.Pi
	case cross > 0: // counter-clockwise
		sweep = math.Mod(math.Atan2(cy-uy, cx-ux)-a0+4*math.Pi, 2*math.Pi)
	default:
		sweep = -math.Mod(a0-math.Atan2(cy-uy, cx-ux)+4*math.Pi, 2*math.Pi)
	}
	step := math.Pi / 8
	if radius > arcTolerance {
		step = math.Min(step, 2*math.Acos(1-arcTolerance/radius))
	}
	n := int(math.Ceil(math.Abs(sweep) / step))
	n = max(2, min(n, maxArcSteps))
	ox, oy := x0+ux, y0+uy
	for i := 1; i < n; i++ {
		a := a0 + sweep*float64(i)/float64(n)
		dst = append(dst, ox+radius*math.Cos(a), oy+radius*math.Sin(a))
	}
	if full {
		return append(dst, x0, y0), true
	}
	return append(dst, x2, y2), true
}
