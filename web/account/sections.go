package account

import (
	"context"
	"fmt"
	"time"

	"github.com/radnice/radnice/web/auth"
)

// Item is one thing a feature lists on the account's overview: a submission, a payment.
type Item struct {
	Title  string    // "Přihlášení psa k poplatku"
	Path   string    // its page, a Czech path
	Date   time.Time // when it was filed or is due; zero when it has no date
	Status string    // where it stands, in the page's language: "Vyřizuje se", "Zaplaceno"
}

// Provider lists what one feature holds for the logged-in person, newest first.
type Provider func(ctx context.Context, u *auth.User) ([]Item, error)

// section is a part of the overview that other features fill: its heading, what it says
// while empty, and what the providers listed.
type section struct {
	ID    string // the heading's id
	Key   string // its catalogue keys start with this
	Items []Item
}

// items collects what providers list for u, in their order.
func items(ctx context.Context, u *auth.User, providers []Provider) ([]Item, error) {
	var out []Item
	for _, p := range providers {
		found, err := p(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("account section: %w", err)
		}
		out = append(out, found...)
	}
	return out, nil
}
