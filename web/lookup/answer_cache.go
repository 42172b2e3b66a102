package lookup

import (
	"sync"
	"time"
)

// defaultCacheBytes bounds the memory the cached lookup answers take, unless configured.
const defaultCacheBytes = 64 << 20

// answerKey names one cached answer: an address point on a civil date.
type answerKey struct {
	address int64
	date    time.Time
}

// answerCache keeps the encoded lookup answers by address and date. It serves only while the
// database's change notifications are heard (geo.Store.WatchLookupData calls reset): every
// change empties it, and while the notifications may go unheard it keeps nothing.
type answerCache struct {
	mu         sync.RWMutex
	listening  bool
	generation uint64 // counts resets, so that an answer read before a change is not kept after it
	entries    map[answerKey]encoded
	size       int
	limit      int
}

func newAnswerCache(limit int) *answerCache {
	return &answerCache{entries: map[answerKey]encoded{}, limit: limit}
}

// get returns the cached answer for k, and the generation a fresh answer must be put with.
func (c *answerCache) get(k answerKey) (encoded, bool, uint64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[k]
	return e, ok, c.generation
}

// put keeps e for k, unless the data changed since generation was read or nothing listens for
// changes. When full it forgets answers at random (map order) to make room.
func (c *answerCache) put(k answerKey, e encoded, generation uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.listening || generation != c.generation || len(e.body) > c.limit {
		return
	}
	for old, oe := range c.entries {
		if c.size+len(e.body) <= c.limit {
			break
		}
		delete(c.entries, old)
		c.size -= len(oe.body)
	}
	if prev, ok := c.entries[k]; ok {
		c.size -= len(prev.body)
	}
	c.entries[k] = e
	c.size += len(e.body)
}

// reset forgets every answer; listening says whether changes will be heard from now on.
func (c *answerCache) reset(listening bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listening = listening
	c.generation++
	clear(c.entries)
	c.size = 0
}
