package lookup

import (
	"sync"
	"time"
)

// defaultCacheBytes bounds the memory the cached lookup answers take, unless configured.
const defaultCacheBytes = 64 << 20

// answerKey names one cached answer: an address point on a civil date, in one view of it
// (the API's JSON, or a page in a language).
type answerKey struct {
	address int64
	date    time.Time
	view    string
}

// answerCache keeps lookup answers (V: the API's encoded JSON, the pages' data) by address and
// date. It serves only while the database's change notifications are heard
// (geo.Store.WatchLookupData calls reset): every change empties it, and while the
// notifications may go unheard it keeps nothing.
type answerCache[V any] struct {
	mu         sync.RWMutex
	listening  bool
	generation uint64 // counts resets, so that an answer read before a change is not kept after it
	entries    map[answerKey]V
	sizeOf     func(V) int
	size       int
	limit      int
}

func newAnswerCache[V any](limit int, sizeOf func(V) int) *answerCache[V] {
	return &answerCache[V]{entries: map[answerKey]V{}, sizeOf: sizeOf, limit: limit}
}

// encodedSize is what an encoded answer takes.
func encodedSize(e encoded) int { return len(e.body) }

// get returns the cached answer for k, and the generation a fresh answer must be put with.
func (c *answerCache[V]) get(k answerKey) (V, bool, uint64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[k]
	return e, ok, c.generation
}

// put keeps e for k, unless the data changed since generation was read or nothing listens for
// changes. When full it forgets answers at random (map order) to make room.
func (c *answerCache[V]) put(k answerKey, v V, generation uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	size := c.sizeOf(v)
	if !c.listening || generation != c.generation || size > c.limit {
		return
	}
	for old, ov := range c.entries {
		if c.size+size <= c.limit {
			break
		}
		delete(c.entries, old)
		c.size -= c.sizeOf(ov)
	}
	if prev, ok := c.entries[k]; ok {
		c.size -= c.sizeOf(prev)
	}
	c.entries[k] = v
	c.size += size
}

// reset forgets every answer; listening says whether changes will be heard from now on.
func (c *answerCache[V]) reset(listening bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listening = listening
	c.generation++
	clear(c.entries)
	c.size = 0
}
