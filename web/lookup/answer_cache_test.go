package lookup

import (
	"context"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
)

func answer(body string) encoded { return encode("application/json", []byte(body)) }

func TestAnswerCacheKeepsNothingUntilChangesAreHeard(t *testing.T) {
	c := newAnswerCache(1<<10, encodedSize)
	key := answerKey{address: 1, date: geo.Date(2027, time.September, 20)}
	_, _, gen := c.get(key)
	c.put(key, answer("{}"), gen)
	if _, ok, _ := c.get(key); ok {
		t.Fatal("an answer was kept before the cache heard of changes")
	}
	c.reset(true)
	_, _, gen = c.get(key)
	c.put(key, answer("{}"), gen)
	if _, ok, _ := c.get(key); !ok {
		t.Fatal("an answer was not kept while changes are heard")
	}
	c.reset(false)
	if _, ok, _ := c.get(key); ok {
		t.Fatal("an answer survived losing the change notifications")
	}
}

func TestAnswerCacheDropsAnAnswerReadBeforeAChange(t *testing.T) {
	c := newAnswerCache(1<<10, encodedSize)
	c.reset(true)
	key := answerKey{address: 1, date: geo.Date(2027, time.September, 20)}
	_, _, gen := c.get(key) // a request misses and reads the database...
	c.reset(true)           // ...the data changes meanwhile...
	c.put(key, answer(`{"old":true}`), gen)
	if _, ok, _ := c.get(key); ok {
		t.Fatal("an answer read before a change was kept after it")
	}
}

func TestAnswerCacheStaysWithinItsSize(t *testing.T) {
	c := newAnswerCache(100, encodedSize)
	c.reset(true)
	for id := range int64(50) {
		key := answerKey{address: id, date: geo.Date(2027, time.September, 20)}
		_, _, gen := c.get(key)
		c.put(key, answer(strings.Repeat("x", 30)), gen)
		if c.size > 100 {
			t.Fatalf("after %d answers the cache holds %d bytes, over its limit of 100", id+1, c.size)
		}
	}
	if len(c.entries) != 3 {
		t.Errorf("the cache holds %d answers of 30 bytes within 100 bytes, want 3", len(c.entries))
	}
	big := answerKey{address: 99}
	c.put(big, answer(strings.Repeat("x", 101)), c.generation)
	if _, ok, _ := c.get(big); ok {
		t.Error("an answer larger than the whole cache was kept")
	}
}

// TestLookupAnswersFollowTheDatabase changes an area's name in the database behind a cached
// answer: the database's notification must empty the cache, so the next answer has the new name.
func TestLookupAnswersFollowTheDatabase(t *testing.T) {
	pool := demotest.Pool(t)
	store := geo.NewStore(pool)
	h := newHandler(store, Config{})
	go h.watch(t.Context())
	waitFor(t, "the cache listens for changes", func() bool {
		h.answers.mu.RLock()
		defer h.answers.mu.RUnlock()
		return h.answers.listening
	})

	var address int64
	var zone int
	if err := pool.QueryRow(t.Context(), `SELECT address_code, area_id FROM address_areas
		WHERE layer = 'waste' ORDER BY address_code LIMIT 1`).Scan(&address, &zone); err != nil {
		t.Fatal(err)
	}
	ask := func() string {
		rec := httptest.NewRecorder()
		h.apiLookup(rec, httptest.NewRequest("GET", "/api/v1/lookup?address="+strconv.FormatInt(address, 10), nil))
		if rec.Code != 200 {
			t.Fatalf("lookup answered %d: %s", rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	before := ask()
	if cached, _, _ := h.answers.get(answerKey{address: address, date: today()}); string(cached.body) != before {
		t.Fatal("the answer by address was not cached")
	}
	waste := pages[1]
	if _, err := h.pageAnswer(t.Context(), waste, address); err != nil {
		t.Fatal(err)
	}

	if _, err := pool.Exec(context.Background(), `UPDATE areas SET name = 'Oblast přejmenovaná' WHERE id = $1`, zone); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the change empties the cache", func() bool {
		_, ok, _ := h.answers.get(answerKey{address: address, date: today()})
		return !ok
	})
	if after := ask(); !strings.Contains(after, "Oblast přejmenovaná") {
		t.Errorf("after the area was renamed the answer is\n%s", after)
	}
	if ans, err := h.pageAnswer(t.Context(), waste, address); err != nil || ans.lookup.Waste.Zone.Name != "Oblast přejmenovaná" {
		t.Errorf("after the area was renamed the waste page's answer names the zone %q (%v)", ans.lookup.Waste.Zone.Name, err)
	}
}

// waitFor waits until done reports true, failing the test if that takes more than ten seconds:
// a notification crosses a connection, so the test cannot know the moment it arrives.
func waitFor(t *testing.T, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !done(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for: %s", what)
		}
	}
}
