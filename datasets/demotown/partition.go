package demotown

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// The demo areas are unions of units (quarters of the main part and villages) that partition
// the town's territory. The partition is drawn so that no address point lies within clearance
// of a boundary: every lattice cell within clearance of an address takes the unit of the
// address's cluster (addresses whose clearance discs touch form one cluster and so share a
// unit), and the free cells between clusters take the unit of the nearest cluster. Boundaries
// then run through free cells only. They are traced as chains between the points where three
// units meet and straightened while they keep the clearance, keep every address and every
// other chain on its side, and stay a metre away from other chains, so that the rounding of
// coordinates in the GeoJSON cannot make a polygon invalid.
const (
	cellSize        = 5.0   // lattice cell, metres
	clearance       = 30.0  // least distance between an address point and a boundary, metres
	territoryMargin = 400.0 // the territory is the addresses' convex hull grown by this, metres
	straightenSlack = 40.0  // how far a straightened boundary may leave the traced one, metres
	chainGap        = 1.0   // least distance between boundary vertices and other segments, metres
	maxStraight     = 400   // most traced vertices one straight segment replaces
)

// site is an address point in EPSG:5514 metres (east, north) with the unit it belongs to.
type site struct {
	e, n float64
	unit int
}

// ipt is a lattice vertex: x cells east and y cells north of the lattice origin.
type ipt struct{ x, y int }

func (p ipt) sub(q ipt) ipt { return ipt{p.x - q.x, p.y - q.y} }

// cross is the z component of a×b, exact on the lattice.
func cross(a, b ipt) int64 { return int64(a.x)*int64(b.y) - int64(a.y)*int64(b.x) }

// orient is positive when r lies left of p→q, negative right, zero on the line.
func orient(p, q, r ipt) int64 { return cross(q.sub(p), r.sub(p)) }

// lattice is the labelled grid of the partition; cell (i, j) spans vertices (i, j)–(i+1, j+1).
type lattice struct {
	e0, n0 float64 // EPSG:5514 metres of vertex (0, 0)
	w, h   int     // cells
	label  []int   // unit of each cell, -1 outside the territory
}

func (l *lattice) at(i, j int) int {
	if i < 0 || j < 0 || i >= l.w || j >= l.h {
		return -1
	}
	return l.label[j*l.w+i]
}

// metres gives the EPSG:5514 position of a lattice vertex.
func (l *lattice) metres(p ipt) (e, n float64) {
	return l.e0 + float64(p.x)*cellSize, l.n0 + float64(p.y)*cellSize
}

// cells gives the lattice position of a point in EPSG:5514 metres, in cells.
func (l *lattice) cells(e, n float64) (x, y float64) {
	return (e - l.e0) / cellSize, (n - l.n0) / cellSize
}

// clusterUnit decides the unit of a cluster of sites, given the indexes of its members.
type clusterUnit func(members []int) int

// partition labels the lattice and returns it with the unit of every site (also set in sites).
func partition(sites []site, unitOf clusterUnit) (*lattice, error) {
	if len(sites) == 0 {
		return nil, errors.New("no address points to draw areas around")
	}
	minE, minN, maxE, maxN := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range sites {
		minE, maxE = min(minE, s.e), max(maxE, s.e)
		minN, maxN = min(minN, s.n), max(maxN, s.n)
	}
	pad := territoryMargin + 4*cellSize
	l := &lattice{e0: math.Floor((minE-pad)/cellSize) * cellSize, n0: math.Floor((minN-pad)/cellSize) * cellSize}
	l.w = int(math.Ceil((maxE+pad-l.e0)/cellSize)) + 1
	l.h = int(math.Ceil((maxN+pad-l.n0)/cellSize)) + 1
	cells := l.w * l.h

	// Cells within clearance of an address are occupied.
	occupied := make([]bool, cells)
	r := clearance / cellSize
	for _, s := range sites {
		x, y := l.cells(s.e, s.n)
		for j := int(math.Floor(y - r)); j <= int(math.Floor(y+r)); j++ {
			for i := int(math.Floor(x - r)); i <= int(math.Floor(x+r)); i++ {
				dx := max(float64(i)-x, 0, x-float64(i+1))
				dy := max(float64(j)-y, 0, y-float64(j+1))
				if dx*dx+dy*dy < r*r {
					occupied[j*l.w+i] = true
				}
			}
		}
	}

	// Occupied cells touching at an edge or a corner form one cluster.
	cluster := make([]int, cells)
	for i := range cluster {
		cluster[i] = -1
	}
	clusters := 0
	var stack []int
	for start := range cells {
		if !occupied[start] || cluster[start] >= 0 {
			continue
		}
		cluster[start] = clusters
		stack = append(stack[:0], start)
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			ci, cj := c%l.w, c/l.w
			for dj := -1; dj <= 1; dj++ {
				for di := -1; di <= 1; di++ {
					i, j := ci+di, cj+dj
					if i < 0 || j < 0 || i >= l.w || j >= l.h {
						continue
					}
					if k := j*l.w + i; occupied[k] && cluster[k] < 0 {
						cluster[k] = clusters
						stack = append(stack, k)
					}
				}
			}
		}
		clusters++
	}
	members := make([][]int, clusters)
	for i, s := range sites {
		x, y := l.cells(s.e, s.n)
		c := cluster[int(y)*l.w+int(x)]
		members[c] = append(members[c], i)
	}
	unit := make([]int, clusters)
	for c, m := range members {
		unit[c] = unitOf(m)
		for _, i := range m {
			sites[i].unit = unit[c]
		}
	}

	// The territory: cells whose centre lies within the margin of the addresses' convex hull.
	hull := convexHull(sites)
	l.label = make([]int, cells)
	for k := range l.label {
		l.label[k] = -1
	}
	inTerritory := make([]bool, cells)
	for j := range l.h {
		for i := range l.w {
			e, n := l.metres(ipt{i, j})
			inTerritory[j*l.w+i] = hullDistance(hull, e+cellSize/2, n+cellSize/2) <= territoryMargin
		}
	}

	// Free cells of the territory take the unit of the nearest occupied cell.
	queue := make([]int, 0, cells)
	for k := range cells {
		if occupied[k] {
			l.label[k] = unit[cluster[k]]
			queue = append(queue, k)
		}
	}
	for q := 0; q < len(queue); q++ {
		c := queue[q]
		ci, cj := c%l.w, c/l.w
		for _, d := range [4]ipt{{1, 0}, {0, 1}, {-1, 0}, {0, -1}} {
			i, j := ci+d.x, cj+d.y
			if i < 0 || j < 0 || i >= l.w || j >= l.h {
				continue
			}
			if k := j*l.w + i; inTerritory[k] && l.label[k] < 0 {
				l.label[k] = l.label[c]
				queue = append(queue, k)
			}
		}
	}

	// Where two cells of one unit touch only at a corner, a free cell joins them, so that no
	// unit's outline touches itself. Occupied cells of different units never touch, so one of
	// the two diagonals is free.
	for changed := true; changed; {
		changed = false
		for j := 1; j < l.h; j++ {
			for i := 1; i < l.w; i++ {
				sw, se, nw, ne := (j-1)*l.w+i-1, (j-1)*l.w+i, j*l.w+i-1, j*l.w+i
				if l.label[ne] != l.label[sw] || l.label[nw] != l.label[se] || l.label[ne] == l.label[nw] {
					continue
				}
				if !occupied[nw] && !occupied[se] {
					l.label[nw] = l.label[ne]
				} else {
					l.label[ne] = l.label[nw]
				}
				changed = true
			}
		}
	}
	return l, nil
}

// convexHull returns the convex hull of the sites, counter-clockwise, in metres.
func convexHull(sites []site) [][2]float64 {
	pts := make([][2]float64, len(sites))
	for i, s := range sites {
		pts[i] = [2]float64{s.e, s.n}
	}
	slices.SortFunc(pts, func(a, b [2]float64) int {
		if a[0] != b[0] {
			return cmpFloat(a[0], b[0])
		}
		return cmpFloat(a[1], b[1])
	})
	turn := func(o, a, b [2]float64) float64 {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	var hull [][2]float64
	for pass := 0; pass < 2; pass++ {
		start := len(hull)
		for _, p := range pts {
			for len(hull) >= start+2 && turn(hull[len(hull)-2], hull[len(hull)-1], p) <= 0 {
				hull = hull[:len(hull)-1]
			}
			hull = append(hull, p)
		}
		hull = hull[:len(hull)-1]
		slices.Reverse(pts)
	}
	return hull
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// hullDistance is 0 inside the counter-clockwise convex hull, else the distance to it.
func hullDistance(hull [][2]float64, e, n float64) float64 {
	inside := true
	best := math.Inf(1)
	for k := range hull {
		a, b := hull[k], hull[(k+1)%len(hull)]
		if (b[0]-a[0])*(n-a[1])-(b[1]-a[1])*(e-a[0]) < 0 {
			inside = false
		}
		best = min(best, segmentDistance(e, n, a[0], a[1], b[0], b[1]))
	}
	if inside {
		return 0
	}
	return best
}

// segmentDistance is the distance from (px, py) to the segment (ax, ay)–(bx, by).
func segmentDistance(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = max(0, min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
	}
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}

// chain is a boundary between two units running from a node to a node (where three or more
// units meet), with left and right the units on either side as it runs; -1 is outside.
type chain struct {
	pts         []ipt
	left, right int
}

// Directions on the lattice.
var steps = [4]ipt{{1, 0}, {0, 1}, {-1, 0}, {0, -1}} // east, north, west, south

// edge reports whether the lattice edge from v in direction d separates two units, and the
// units on its left and right.
func (l *lattice) edge(v ipt, d int) (present bool, left, right int) {
	switch d {
	case 0:
		left, right = l.at(v.x, v.y), l.at(v.x, v.y-1)
	case 1:
		left, right = l.at(v.x-1, v.y), l.at(v.x, v.y)
	case 2:
		left, right = l.at(v.x-1, v.y-1), l.at(v.x-1, v.y)
	default:
		left, right = l.at(v.x, v.y-1), l.at(v.x-1, v.y-1)
	}
	return left != right, left, right
}

func (l *lattice) degree(v ipt) int {
	n := 0
	for d := range 4 {
		if ok, _, _ := l.edge(v, d); ok {
			n++
		}
	}
	return n
}

// chains traces every boundary of the lattice. Closed boundaries without a node (a unit
// inside another) and chains from a node back to itself are cut in three, so that
// straightening cannot flatten them.
func (l *lattice) chains() []chain {
	visited := map[[3]int]bool{} // edges by their west or south vertex and axis
	key := func(v ipt, d int) [3]int {
		switch d {
		case 0:
			return [3]int{v.x, v.y, 0}
		case 1:
			return [3]int{v.x, v.y, 1}
		case 2:
			return [3]int{v.x - 1, v.y, 0}
		}
		return [3]int{v.x, v.y - 1, 1}
	}
	walk := func(start ipt, d int) chain {
		_, left, right := l.edge(start, d)
		c := chain{pts: []ipt{start}, left: left, right: right}
		v := start
		for {
			visited[key(v, d)] = true
			v = ipt{v.x + steps[d].x, v.y + steps[d].y}
			c.pts = append(c.pts, v)
			if v == start || l.degree(v) != 2 {
				return c
			}
			back := (d + 2) % 4
			for nd := range 4 {
				if ok, _, _ := l.edge(v, nd); ok && nd != back {
					d = nd
					break
				}
			}
		}
	}
	var out []chain
	for j := 0; j <= l.h; j++ {
		for i := 0; i <= l.w; i++ {
			v := ipt{i, j}
			if l.degree(v) <= 2 {
				continue
			}
			for d := range 4 {
				if ok, _, _ := l.edge(v, d); ok && !visited[key(v, d)] {
					out = append(out, walk(v, d))
				}
			}
		}
	}
	for j := 0; j <= l.h; j++ {
		for i := 0; i <= l.w; i++ {
			v := ipt{i, j}
			for _, d := range []int{0, 1} {
				if ok, _, _ := l.edge(v, d); ok && !visited[key(v, d)] {
					out = append(out, walk(v, d))
				}
			}
		}
	}
	var cut []chain
	for _, c := range out {
		if c.pts[0] != c.pts[len(c.pts)-1] {
			cut = append(cut, c)
			continue
		}
		n := len(c.pts) - 1
		a, b := n/3, 2*n/3
		for _, r := range [][2]int{{0, a}, {a, b}, {b, n}} {
			cut = append(cut, chain{pts: slices.Clone(c.pts[r[0] : r[1]+1]), left: c.left, right: c.right})
		}
	}
	for i := range cut {
		cut[i].pts = dropCollinear(cut[i].pts)
	}
	return cut
}

// dropCollinear removes the vertices in the middle of straight runs.
func dropCollinear(pts []ipt) []ipt {
	out := []ipt{pts[0]}
	for k := 1; k < len(pts)-1; k++ {
		if orient(out[len(out)-1], pts[k], pts[k+1]) != 0 {
			out = append(out, pts[k])
		}
	}
	return append(out, pts[len(pts)-1])
}

// segment is a piece of a chain in the straightening index: orig is its index among the
// chain's traced segments, or -1 once it is a straightened one.
type segment struct {
	a, b        ipt
	chain, orig int
	dead        bool
}

// bucketSize is the side of the index buckets, in cells.
const bucketSize = 32

// segIndex finds segments and address points near a place.
type segIndex struct {
	cols, rows int
	segs       []segment
	segBuckets [][]int
	siteBucket [][]int
	sites      [][2]float64 // address points in cells
	seen       []int
	stamp      int
}

func newSegIndex(l *lattice, sites []site) *segIndex {
	ix := &segIndex{cols: l.w/bucketSize + 1, rows: l.h/bucketSize + 1}
	ix.segBuckets = make([][]int, ix.cols*ix.rows)
	ix.siteBucket = make([][]int, ix.cols*ix.rows)
	for i, s := range sites {
		x, y := l.cells(s.e, s.n)
		ix.sites = append(ix.sites, [2]float64{x, y})
		b := ix.bucket(int(x), int(y))
		ix.siteBucket[b] = append(ix.siteBucket[b], i)
	}
	return ix
}

func (ix *segIndex) bucket(x, y int) int {
	bx := min(max(x/bucketSize, 0), ix.cols-1)
	by := min(max(y/bucketSize, 0), ix.rows-1)
	return by*ix.cols + bx
}

func (ix *segIndex) add(s segment) {
	id := len(ix.segs)
	ix.segs = append(ix.segs, s)
	ix.seen = append(ix.seen, 0)
	x0, x1 := min(s.a.x, s.b.x)/bucketSize, max(s.a.x, s.b.x)/bucketSize
	y0, y1 := min(s.a.y, s.b.y)/bucketSize, max(s.a.y, s.b.y)/bucketSize
	for by := y0; by <= y1; by++ {
		for bx := x0; bx <= x1; bx++ {
			b := ix.bucket(bx*bucketSize, by*bucketSize)
			ix.segBuckets[b] = append(ix.segBuckets[b], id)
		}
	}
}

// box is an axis-aligned rectangle in cells.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) grow(d float64) box { return box{b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d} }

func (b box) buckets(ix *segIndex, fn func(b int) bool) bool {
	for by := max(int(math.Floor(b.y0))/bucketSize, 0); by <= min(int(math.Floor(b.y1))/bucketSize, ix.rows-1); by++ {
		for bx := max(int(math.Floor(b.x0))/bucketSize, 0); bx <= min(int(math.Floor(b.x1))/bucketSize, ix.cols-1); bx++ {
			if !fn(by*ix.cols + bx) {
				return false
			}
		}
	}
	return true
}

// eachSegment calls fn with every live segment near b until fn returns false.
func (ix *segIndex) eachSegment(b box, fn func(s *segment) bool) bool {
	ix.stamp++
	return b.buckets(ix, func(bk int) bool {
		for _, id := range ix.segBuckets[bk] {
			if ix.seen[id] == ix.stamp || ix.segs[id].dead {
				continue
			}
			ix.seen[id] = ix.stamp
			if !fn(&ix.segs[id]) {
				return false
			}
		}
		return true
	})
}

// eachSite calls fn with every address point near b until fn returns false.
func (ix *segIndex) eachSite(b box, fn func(x, y float64) bool) bool {
	return b.buckets(ix, func(bk int) bool {
		for _, i := range ix.siteBucket[bk] {
			if !fn(ix.sites[i][0], ix.sites[i][1]) {
				return false
			}
		}
		return true
	})
}

// straighten replaces the traced staircases of the chains by straight segments where that
// changes nothing that matters: see the comment at the top of this file.
func straighten(l *lattice, sites []site, chains []chain) {
	ix := newSegIndex(l, sites)
	for c, ch := range chains {
		for k := 0; k+1 < len(ch.pts); k++ {
			ix.add(segment{a: ch.pts[k], b: ch.pts[k+1], chain: c, orig: k})
		}
	}
	owned := map[[2]int]int{} // (chain, orig) → segment id
	for id, s := range ix.segs {
		owned[[2]int{s.chain, s.orig}] = id
	}
	slack := straightenSlack / cellSize
	clear := clearance / cellSize
	gap := chainGap / cellSize
	for c := range chains {
		pts := chains[c].pts
		kept := []ipt{pts[0]}
		for i := 0; i < len(pts)-1; {
			best := i + 1
			for j := i + 2; j < len(pts) && j-i <= maxStraight; j++ {
				if !straightOK(ix, pts, c, i, j, slack, clear, gap) {
					break
				}
				best = j
			}
			if best > i+1 {
				for k := i; k < best; k++ {
					ix.segs[owned[[2]int{c, k}]].dead = true
				}
				ix.add(segment{a: pts[i], b: pts[best], chain: c, orig: -1})
			}
			kept = append(kept, pts[best])
			i = best
		}
		chains[c].pts = kept
	}
}

// straightOK reports whether the traced vertices i..j of chain c may become one segment.
func straightOK(ix *segIndex, pts []ipt, c, i, j int, slack, clear, gap float64) bool {
	p, q := pts[i], pts[j]
	px, py, qx, qy := float64(p.x), float64(p.y), float64(q.x), float64(q.y)
	span := box{px, py, px, py}
	for k := i + 1; k < j; k++ {
		x, y := float64(pts[k].x), float64(pts[k].y)
		if segmentDistance(x, y, px, py, qx, qy) > slack {
			return false
		}
		span = box{min(span.x0, x), min(span.y0, y), max(span.x1, x), max(span.y1, y)}
	}
	span = box{min(span.x0, qx), min(span.y0, qy), max(span.x1, qx), max(span.y1, qy)}
	seg := box{min(px, qx), min(py, qy), max(px, qx), max(py, qy)}
	replaced := func(s *segment) bool { return s.chain == c && s.orig >= i && s.orig < j }
	// Keep the clearance, and every address on its side.
	ok := ix.eachSite(seg.grow(clear+1), func(x, y float64) bool {
		return segmentDistance(x, y, px, py, qx, qy) >= clear
	})
	ok = ok && ix.eachSite(span, func(x, y float64) bool { return !insideFloat(x, y, pts[i:j+1]) })
	// Cross, touch or come near no other segment.
	ok = ok && ix.eachSegment(seg.grow(gap+1), func(s *segment) bool {
		return replaced(s) || !conflict(p, q, s.a, s.b, gap)
	})
	// Sweep over no other vertex.
	return ok && ix.eachSegment(span, func(s *segment) bool {
		if replaced(s) {
			return true
		}
		for _, v := range [2]ipt{s.a, s.b} {
			if v != p && v != q && insideOrOn(v, pts[i:j+1]) {
				return false
			}
		}
		return true
	})
}

// conflict reports whether segments pq and rs meet anywhere but at a shared end, or an end
// of one that is not shared comes within gap of the other.
func conflict(p, q, r, s ipt, gap float64) bool {
	if (p == r && q == s) || (p == s && q == r) {
		return true
	}
	shared := func(v ipt) bool { return v == p || v == q } // for r and s
	mine := func(v ipt) bool { return v == r || v == s }   // for p and q
	o1, o2, o3, o4 := orient(p, q, r), orient(p, q, s), orient(r, s, p), orient(r, s, q)
	if sign(o1)*sign(o2) < 0 && sign(o3)*sign(o4) < 0 {
		return true
	}
	near := func(v, a, b ipt) bool {
		return segmentDistance(float64(v.x), float64(v.y), float64(a.x), float64(a.y), float64(b.x), float64(b.y)) < gap
	}
	for _, v := range [2]ipt{r, s} {
		if !shared(v) && near(v, p, q) {
			return true
		}
	}
	for _, v := range [2]ipt{p, q} {
		if !mine(v) && near(v, r, s) {
			return true
		}
	}
	// Collinear overlap from a shared end.
	if o1 == 0 && o2 == 0 {
		for _, v := range [2]ipt{r, s} {
			if shared(v) {
				continue
			}
			if onSegment(v, p, q) {
				return true
			}
		}
		for _, v := range [2]ipt{p, q} {
			if !mine(v) && onSegment(v, r, s) {
				return true
			}
		}
	}
	return false
}

func sign(v int64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// onSegment reports whether v, collinear with ab, lies between a and b.
func onSegment(v, a, b ipt) bool {
	return v.x >= min(a.x, b.x) && v.x <= max(a.x, b.x) && v.y >= min(a.y, b.y) && v.y <= max(a.y, b.y)
}

// insideOrOn reports whether v lies inside or on the closed path pts (last joined to first).
func insideOrOn(v ipt, pts []ipt) bool {
	wn := 0
	for k := range pts {
		a, b := pts[k], pts[(k+1)%len(pts)]
		if orient(a, b, v) == 0 && onSegment(v, a, b) {
			return true
		}
		if a.y <= v.y {
			if b.y > v.y && orient(a, b, v) > 0 {
				wn++
			}
		} else if b.y <= v.y && orient(a, b, v) < 0 {
			wn--
		}
	}
	return wn != 0
}

// insideFloat reports whether (x, y) lies inside the closed path pts.
func insideFloat(x, y float64, pts []ipt) bool {
	wn := 0
	for k := range pts {
		a, b := pts[k], pts[(k+1)%len(pts)]
		ax, ay, bx, by := float64(a.x), float64(a.y), float64(b.x), float64(b.y)
		side := (bx-ax)*(y-ay) - (x-ax)*(by-ay)
		if ay <= y {
			if by > y && side > 0 {
				wn++
			}
		} else if by <= y && side < 0 {
			wn--
		}
	}
	return wn != 0
}

// polygon is one shell with its holes, closed rings on the lattice; shells run
// counter-clockwise and holes clockwise, as RFC 7946 asks.
type polygon struct {
	shell []ipt
	holes [][]ipt
}

// outline assembles the polygons of the region made of the units in set from the chains.
func outline(chains []chain, set func(unit int) bool) ([]polygon, error) {
	var paths [][]ipt // each with the region on its left
	for _, c := range chains {
		switch l, r := set(c.left), set(c.right); {
		case l && !r:
			paths = append(paths, c.pts)
		case r && !l:
			back := slices.Clone(c.pts)
			slices.Reverse(back)
			paths = append(paths, back)
		}
	}
	if len(paths) == 0 {
		return nil, errors.New("the region has no boundary")
	}
	starts := map[ipt][]int{}
	for k, p := range paths {
		starts[p[0]] = append(starts[p[0]], k)
	}
	// Where the region touches itself at a node, each path turns as far left as it can, so that
	// the rings touch there instead of crossing.
	next := func(k int) int {
		p := paths[k]
		end := p[len(p)-1]
		in := end.sub(p[len(p)-2])
		best, bestTurn := -1, math.Inf(-1)
		for _, c := range starts[end] {
			out := paths[c][1].sub(end)
			turn := math.Atan2(float64(cross(in, out)), float64(int64(in.x)*int64(out.x)+int64(in.y)*int64(out.y)))
			if turn > bestTurn {
				best, bestTurn = c, turn
			}
		}
		return best
	}
	used := make([]bool, len(paths))
	var shells, holes [][]ipt
	for first := range paths {
		if used[first] {
			continue
		}
		var ring []ipt
		for k := first; ; {
			if k < 0 || used[k] {
				return nil, fmt.Errorf("boundary path %d does not close into a ring", first)
			}
			used[k] = true
			ring = append(ring, paths[k][:len(paths[k])-1]...)
			k = next(k)
			if k == first {
				break
			}
		}
		ring = append(ring, ring[0])
		if ringArea(ring) > 0 {
			shells = append(shells, ring)
		} else {
			holes = append(holes, ring)
		}
	}
	polys := make([]polygon, len(shells))
	for i, s := range shells {
		polys[i].shell = s
	}
	for _, h := range holes {
		mx, my := float64(h[0].x+h[1].x)/2, float64(h[0].y+h[1].y)/2
		best := -1
		for i, s := range shells {
			if insideFloat(mx, my, s[:len(s)-1]) && (best < 0 || ringArea(s) < ringArea(shells[best])) {
				best = i
			}
		}
		if best < 0 {
			return nil, errors.New("a hole lies in no shell")
		}
		polys[best].holes = append(polys[best].holes, h)
	}
	return polys, nil
}

// ringArea is twice the signed area of a closed ring: positive counter-clockwise.
func ringArea(ring []ipt) int64 {
	var a int64
	for k := 0; k+1 < len(ring); k++ {
		a += cross(ring[k], ring[k+1])
	}
	return a
}

// contains reports whether the point (cells) lies inside the polygons.
func contains(polys []polygon, x, y float64) bool {
	for _, p := range polys {
		if insideFloat(x, y, p.shell[:len(p.shell)-1]) {
			inHole := false
			for _, h := range p.holes {
				if insideFloat(x, y, h[:len(h)-1]) {
					inHole = true
				}
			}
			if !inHole {
				return true
			}
		}
	}
	return false
}

// boundaryDistance is the distance in cells from the point to the nearest ring of the polygons.
func boundaryDistance(polys []polygon, x, y float64) float64 {
	best := math.Inf(1)
	for _, p := range polys {
		for _, r := range append([][]ipt{p.shell}, p.holes...) {
			for k := 0; k+1 < len(r); k++ {
				best = min(best, segmentDistance(x, y, float64(r[k].x), float64(r[k].y), float64(r[k+1].x), float64(r[k+1].y)))
			}
		}
	}
	return best
}
