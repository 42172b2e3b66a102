package contacts

import (
	"context"
	"sync"
	"time"

	"github.com/a-h/templ"
)

// StatusCache keeps the office's "open now" status for the minute it was read in: the status
// changes only at whole minutes of the hours, and every page's footer shows it. A change to
// the hours shows within a minute.
type StatusCache struct {
	store  *Store
	mu     sync.Mutex
	minute time.Time
	status Status
}

// NewStatusCache returns a StatusCache over store.
func NewStatusCache(store *Store) *StatusCache { return &StatusCache{store: store} }

// Status is the office's status at now, read at most once a minute.
func (c *StatusCache) Status(ctx context.Context, now time.Time) (Status, error) {
	minute := now.Truncate(time.Minute)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.minute.Equal(minute) {
		st, err := c.store.OfficeStatus(ctx, now)
		if err != nil {
			return Status{}, err
		}
		c.minute, c.status = minute, st
	}
	return c.status, nil
}

// FooterLine is the status line for the page frame's footer; nothing when the hours cannot be read.
func (c *StatusCache) FooterLine(ctx context.Context) templ.Component {
	st, err := c.Status(ctx, now())
	if err != nil {
		return templ.NopComponent
	}
	return OfficeStatusLine(st)
}
