package ruiancsv

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// TerminalProgress draws a progress bar on a terminal, or writes a plain line every few
// seconds when the output is not one (logs, CI).
type TerminalProgress struct {
	out        io.Writer
	tty        bool
	totalBytes int64
	totalFiles int
	doneBytes  int64
	doneFiles  int
	start      time.Time
	last       time.Time
}

// NewProgress returns a progress report for files totalling totalBytes.
func NewProgress(out io.Writer, tty bool, inputs []Input) *TerminalProgress {
	p := &TerminalProgress{out: out, tty: tty, totalFiles: len(inputs), start: time.Now()}
	for _, in := range inputs {
		p.totalBytes += in.Size
	}
	return p
}

// Advance implements Progress.
func (p *TerminalProgress) Advance(bytes int64, so Summary) {
	p.doneBytes += bytes
	p.doneFiles++
	now := time.Now()
	interval := 5 * time.Second
	if p.tty {
		interval = 100 * time.Millisecond
	}
	if now.Sub(p.last) < interval && p.doneFiles < p.totalFiles {
		return
	}
	p.last = now
	frac := 1.0
	if p.totalBytes > 0 {
		frac = float64(p.doneBytes) / float64(p.totalBytes)
	}
	rate := float64(so.Rows) / max(now.Sub(p.start).Seconds(), 0.001)
	status := fmt.Sprintf("%3.0f%% files %d/%d, rows %d (%.0f rows/s)", frac*100, p.doneFiles, p.totalFiles, so.Rows, rate)
	if !p.tty {
		fmt.Fprintln(p.out, "import:", status)
		return
	}
	const width = 30
	filled := int(frac * width)
	fmt.Fprintf(p.out, "\r[%s%s] %s", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), status)
	if p.doneFiles == p.totalFiles {
		fmt.Fprintln(p.out)
	}
}
