package demotown

import (
	"math"
	"math/rand/v2"
)

// numbering hands out orientation numbers along a street: odd on one side,
// even on the other, now and then repeating a number with a letter the way
// infill houses are numbered.
type numbering struct {
	n      int     // addresses numbered so far
	last   [2]int  // last number per side
	letter [2]byte // letter of the last number per side
}

// next returns the side (0 odd, 1 even), number and letter of the next address.
func (s *numbering) next(rng *rand.Rand, letters bool) (side, num int, letter byte) {
	side = s.n % 2
	s.n++
	// 12a is reserved for the demo town's fixture, so no generated street gets one.
	if letters && s.last[side] > 0 && s.last[side] != 12 && s.letter[side] < 'b' && rng.IntN(30) == 0 {
		if s.letter[side] == 0 {
			s.letter[side] = 'a'
		} else {
			s.letter[side]++
		}
		return side, s.last[side], s.letter[side]
	}
	if s.last[side] == 0 {
		s.last[side] = side + 1
	} else {
		s.last[side] += 2
	}
	s.letter[side] = 0
	return side, s.last[side], 0
}

// lane is a straight street: houses stand on both sides from a base point on.
type lane struct {
	y, x    float64 // base point, S-JTSK metres
	dy, dx  float64 // unit direction
	spacing float64 // metres between neighbours on one side
}

// newLane starts a street at a point with a random direction and plot width.
func newLane(rng *rand.Rand, y, x float64) lane {
	a := rng.Float64() * 2 * math.Pi
	return lane{y: y, x: x, dy: math.Sin(a), dx: math.Cos(a), spacing: 16 + rng.Float64()*12}
}

// at places the house with orientation number num (and letter) on its side,
// with a metre or so of jitter as real address points have.
func (l lane) at(rng *rand.Rand, side, num int, letter byte) (y, x float64) {
	along := float64((num-1)/2) * l.spacing
	if letter != 0 {
		along += float64(letter-'a'+1) * l.spacing / 3
	}
	off := 11.0
	if side == 1 {
		off = -off
	}
	return l.y + along*l.dy - off*l.dx + rng.NormFloat64(), l.x + along*l.dx + off*l.dy + rng.NormFloat64()
}
