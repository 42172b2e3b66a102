package staff

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// roleOptions are the roles to grant, chosen marked.
func roleOptions(ctx context.Context, chosen string) []layout.Option {
	opts := make([]layout.Option, 0, len(auth.StaffRoles))
	for _, r := range auth.StaffRoles {
		opts = append(opts, layout.Option{Value: string(r), Label: roleName(ctx, auth.Grant{Role: r, Agenda: "…"}), Selected: string(r) == chosen})
	}
	return opts
}

// holderName is who holds g: their name, or the e-mail waiting for its first login.
func holderName(g auth.StaffGrant) string {
	if g.Name != "" {
		return g.Name
	}
	return g.Email
}

// indentJSON lays out a logged object for reading.
func indentJSON(raw []byte) string {
	var b bytes.Buffer
	if json.Indent(&b, raw, "", "  ") != nil {
		return string(raw)
	}
	return b.String()
}

// when is a moment in the office's time zone: "24. 11. 2026 14:05".
func when(ctx context.Context, t time.Time) string {
	t = t.In(geo.Prague)
	return i18n.ShortDate(ctx, t) + " " + t.Format("15:04:05")
}
