package layout

import "context"

// Viewer is the logged-in person as the page frame shows them; layout cannot ask the login
// service itself, as its pages render through layout.
type Viewer struct {
	Name  string
	Staff bool // offers the way to the staff screens
}

type viewerKey struct{}

// WithViewer returns ctx whose pages show v as logged in.
func WithViewer(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// viewer is the logged-in person of ctx, nil for anonymous visitors.
func viewer(ctx context.Context) *Viewer {
	v, _ := ctx.Value(viewerKey{}).(*Viewer)
	return v
}
