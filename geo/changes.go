package geo

import (
	"context"
	"fmt"
	"time"
)

// lookupDataChannel is where the database announces a change to anything a lookup reads
// (the triggers of migration 0003).
const lookupDataChannel = "lookup_data_changed"

// WatchLookupData tells changed about the data lookups read, until ctx ends: changed(true)
// once it listens for changes and again after each change, changed(false) when the
// connection is lost and changes could go unheard. It reconnects with a growing pause.
func (s *Store) WatchLookupData(ctx context.Context, changed func(listening bool)) {
	const maxPause = 30 * time.Second
	pause := 100 * time.Millisecond
	for {
		heard := s.listen(ctx, changed)
		changed(false)
		if heard {
			pause = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, maxPause)
	}
}

// listen holds one connection listening on lookupDataChannel until it fails or ctx ends, and
// reports whether it got as far as listening.
func (s *Store) listen(ctx context.Context, changed func(listening bool)) bool {
	pooled, err := s.db.Acquire(ctx)
	if err != nil {
		return false
	}
	// A listening connection must not go back to the pool: it would keep collecting notifications.
	conn := pooled.Hijack()
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn.Close(closeCtx) //nolint:errcheck // the connection is dropped either way
	}()
	if _, err := conn.Exec(ctx, fmt.Sprintf("LISTEN %s", lookupDataChannel)); err != nil {
		return false
	}
	changed(true)
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return true
		}
		changed(true)
	}
}
