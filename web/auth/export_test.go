package auth

import "context"

// Exchange runs the code exchange of the named provider for tests of token shapes.
func (s *Service) Exchange(ctx context.Context, name, code, nonce, redirectURL string) (Identity, error) {
	id, _, err := s.providers[name].exchange(ctx, code, loginRequest{Nonce: nonce, Verifier: "v", RedirectURL: redirectURL})
	return id, err
}
