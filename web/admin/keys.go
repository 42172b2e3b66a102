package admin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
)

// The scopes a key can carry.
const (
	ScopeReports     = "reports"     // read the data-quality reports
	ScopeSubmissions = "submissions" // read the submissions the office has, with their files
)

// Scopes are the scopes a key can be given.
var Scopes = []string{ScopeReports, ScopeSubmissions}

// keyPrefix starts every key, so that a leaked one is recognised by secret scanners and people.
const keyPrefix = "radnice_"

// Key is an API key as the portal keeps it: never the key itself, only its hash.
type Key struct {
	ID         int
	Name       string
	Scopes     []string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Allows reports whether the key carries scope.
func (k Key) Allows(scope string) bool { return slices.Contains(k.Scopes, scope) }

// Keys is the PostgreSQL store of API keys.
type Keys struct {
	db *pgxpool.Pool
}

// NewKeys returns the key store over pool.
func NewKeys(pool *pgxpool.Pool) *Keys { return &Keys{db: pool} }

var keyName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// Create makes a key named name with scopes and returns the key: the only time it is shown.
func (s *Keys) Create(ctx context.Context, name string, scopes []string) (string, error) {
	if !keyName.MatchString(name) {
		return "", geo.Errorf(geo.EINVALID, "A key name is lower-case letters, digits, dots, dashes and underscores, e.g. spisova-sluzba; got %q.", name)
	}
	if len(scopes) == 0 {
		return "", geo.Errorf(geo.EINVALID, "A key needs at least one scope (%s).", strings.Join(Scopes, ", "))
	}
	for _, sc := range scopes {
		if !slices.Contains(Scopes, sc) {
			return "", geo.Errorf(geo.EINVALID, "Unknown scope %q: the scopes are %s.", sc, strings.Join(Scopes, ", "))
		}
	}
	secret := make([]byte, 32)
	rand.Read(secret) //nolint:errcheck // crypto/rand.Read never fails
	key := keyPrefix + base64.RawURLEncoding.EncodeToString(secret)
	_, err := s.db.Exec(ctx, `INSERT INTO api_keys (name, scopes, hash) VALUES ($1, $2, $3)`, name, scopes, hashKey(key))
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return "", geo.Errorf(geo.EINVALID, "A key named %q exists already: revoke it first or choose another name.", name)
	}
	if err != nil {
		return "", fmt.Errorf("create API key %s: %w", name, err)
	}
	return key, nil
}

// Revoke ends the key named name for good.
func (s *Keys) Revoke(ctx context.Context, name string) error {
	tag, err := s.db.Exec(ctx, `UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, name)
	if err != nil {
		return fmt.Errorf("revoke API key %s: %w", name, err)
	}
	if tag.RowsAffected() == 0 {
		return geo.Errorf(geo.ENOTFOUND, "No key named %q is in use.", name)
	}
	return nil
}

// List returns every key, revoked ones too, by name.
func (s *Keys) List(ctx context.Context) ([]Key, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_keys ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Key])
	if err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	return keys, nil
}

// Authenticate returns the key in use whose secret is key, noting that it was used.
func (s *Keys) Authenticate(ctx context.Context, key string) (Key, error) {
	if !strings.HasPrefix(key, keyPrefix) {
		return Key{}, geo.Errorf(geo.ENOTFOUND, "Not an API key of this portal.")
	}
	rows, err := s.db.Query(ctx, `UPDATE api_keys SET last_used_at = now() WHERE hash = $1 AND revoked_at IS NULL
		RETURNING id, name, scopes, created_at, last_used_at, revoked_at`, hashKey(key))
	if err != nil {
		return Key{}, fmt.Errorf("authenticate API key: %w", err)
	}
	k, err := pgx.CollectOneRow(rows, pgx.RowToStructByPos[Key])
	if errors.Is(err, pgx.ErrNoRows) {
		return Key{}, geo.Errorf(geo.ENOTFOUND, "The API key is unknown or revoked.")
	}
	if err != nil {
		return Key{}, fmt.Errorf("authenticate API key: %w", err)
	}
	return k, nil
}

// hashKey is what the store keeps of a key. The keys are 256 random bits, so a plain SHA-256
// suffices: there is nothing to guess that a slow hash would protect.
func hashKey(key string) []byte {
	sum := sha256.Sum256([]byte(key))
	return sum[:]
}
