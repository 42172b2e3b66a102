package auth

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

// ProviderConfig is how the portal meets one OpenID Connect provider.
type ProviderConfig struct {
	Issuer       string // must match the ID tokens' iss exactly
	DiscoveryURL string // "" means Issuer + "/.well-known/openid-configuration"; NIA's is elsewhere
	ClientID     string // NIA: the service's registered "Unikátní URL"
	ClientSecret string
	// DecryptionKey opens ID tokens encrypted to the portal (NIA sends a JWE); nil when the
	// provider signs only.
	DecryptionKey *rsa.PrivateKey
	NoPKCE        bool // for a provider that refuses code_challenge
	// TrustEmail says the provider vouches for e-mail addresses (the town's own staff
	// directory), so role grants made to an e-mail take effect at its login. Never set it for
	// NIA, where people state their e-mail themselves.
	TrustEmail bool
}

// requestedClaims asks for the attributes the portal uses. NIA sends attributes only when
// asked this way; standard providers answer with the ones they know.
var requestedClaims = func() string {
	names := []string{"PersonIdentifier", "CurrentGivenName", "CurrentFamilyName", "DateOfBirth",
		"CurrentAddress", "TRadresaID", "eMail", "phonenumber",
		"given_name", "family_name", "birthdate", "email", "phone_number", "address"}
	claims := map[string]any{}
	for _, n := range names {
		claims[n] = nil
	}
	b, err := json.Marshal(map[string]any{"id_token": claims})
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// provider is a configured provider whose discovery document is fetched on first use, so the
// portal starts even while the provider is down.
type provider struct {
	name string // ProviderCitizens, ProviderStaff: the key of identities
	cfg  ProviderConfig

	mu        sync.Mutex
	discovery *discovered
}

// discovered is what the discovery document told.
type discovered struct {
	oidc       *oidc.Provider
	verifier   *oidc.IDTokenVerifier
	endSession string
}

// discover fetches and keeps the provider's discovery document.
func (p *provider) discover(ctx context.Context) (*discovered, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.discovery != nil {
		return p.discovery, nil
	}
	where := p.cfg.DiscoveryURL
	if where == "" {
		where = strings.TrimSuffix(p.cfg.Issuer, "/") + "/.well-known/openid-configuration"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, where, nil)
	if err != nil {
		return nil, fmt.Errorf("discover %s: %w", p.name, err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("discover %s: %w", p.name, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("discover %s: %s answered %s", p.name, where, res.Status)
	}
	var doc struct {
		oidc.ProviderConfig
		EndSession string `json:"end_session_endpoint"`
	}
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil {
		return nil, fmt.Errorf("discover %s: %s: %w", p.name, where, err)
	}
	if doc.IssuerURL != p.cfg.Issuer {
		return nil, fmt.Errorf("discover %s: %s names issuer %q, configured %q", p.name, where, doc.IssuerURL, p.cfg.Issuer)
	}
	op := doc.NewProvider(ctx)
	p.discovery = &discovered{
		oidc:       op,
		verifier:   op.Verifier(&oidc.Config{ClientID: p.cfg.ClientID}),
		endSession: doc.EndSession,
	}
	return p.discovery, nil
}

// oauth is the OAuth 2.0 side of the provider.
func (p *provider) oauth(d *discovered, redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     p.cfg.ClientID,
		ClientSecret: p.cfg.ClientSecret,
		Endpoint:     d.oidc.Endpoint(),
		RedirectURL:  redirectURL,
		Scopes:       []string{oidc.ScopeOpenID},
	}
}

// loginRequest is what a login must remember until the provider sends the person back.
type loginRequest struct {
	State, Nonce, Verifier string
	RedirectURL            string // the callback, as registered at the provider
}

// authURL is where to send the person to log in.
func (p *provider) authURL(ctx context.Context, lr loginRequest) (string, error) {
	d, err := p.discover(ctx)
	if err != nil {
		return "", err
	}
	opts := []oauth2.AuthCodeOption{oidc.Nonce(lr.Nonce), oauth2.SetAuthURLParam("claims", requestedClaims)}
	if !p.cfg.NoPKCE {
		opts = append(opts, oauth2.S256ChallengeOption(lr.Verifier))
	}
	return p.oauth(d, lr.RedirectURL).AuthCodeURL(lr.State, opts...), nil
}

// errLogin marks a login the provider or the person's browser got wrong, as opposed to the
// portal failing: the person is asked to try again.
var errLogin = errors.New("login refused")

// exchange trades the code for the ID token, checks it and reads the person from it. raw is
// the signed ID token, kept as a hint for logging out.
func (p *provider) exchange(ctx context.Context, code string, lr loginRequest) (id Identity, raw string, err error) {
	d, err := p.discover(ctx)
	if err != nil {
		return Identity{}, "", err
	}
	var opts []oauth2.AuthCodeOption
	if !p.cfg.NoPKCE {
		opts = append(opts, oauth2.VerifierOption(lr.Verifier))
	}
	tok, err := p.oauth(d, lr.RedirectURL).Exchange(ctx, code, opts...)
	if err != nil {
		return Identity{}, "", fmt.Errorf("%w: token exchange with %s: %w", errLogin, p.name, err)
	}
	raw, _ = tok.Extra("id_token").(string)
	if raw == "" {
		return Identity{}, "", fmt.Errorf("%w: %s sent no ID token", errLogin, p.name)
	}
	if raw, err = p.openIDToken(raw); err != nil {
		return Identity{}, "", err
	}
	idt, err := d.verifier.Verify(ctx, raw)
	if err != nil {
		return Identity{}, "", fmt.Errorf("%w: ID token from %s: %w", errLogin, p.name, err)
	}
	if idt.Nonce != lr.Nonce {
		return Identity{}, "", fmt.Errorf("%w: ID token from %s has a different nonce", errLogin, p.name)
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, "", fmt.Errorf("%w: ID token claims from %s: %w", errLogin, p.name, err)
	}
	id, err = identityFromClaims(p.name, claims)
	if err != nil {
		return Identity{}, "", fmt.Errorf("%w: %s: %w", errLogin, p.name, err)
	}
	id.EmailTrusted = p.cfg.TrustEmail && id.Email != ""
	return id, raw, nil
}

// openIDToken returns the signed token inside an encrypted one (five dot-separated parts);
// a signed token is returned as it is.
func (p *provider) openIDToken(raw string) (string, error) {
	if strings.Count(raw, ".") != 4 {
		return raw, nil
	}
	if p.cfg.DecryptionKey == nil {
		return "", fmt.Errorf("%s sent an encrypted ID token, and no decryption key is configured", p.name)
	}
	jwe, err := jose.ParseEncrypted(raw,
		[]jose.KeyAlgorithm{jose.RSA_OAEP, jose.RSA_OAEP_256},
		[]jose.ContentEncryption{jose.A256CBC_HS512, jose.A128CBC_HS256, jose.A256GCM, jose.A128GCM})
	if err != nil {
		return "", fmt.Errorf("%w: encrypted ID token from %s: %w", errLogin, p.name, err)
	}
	inner, err := jwe.Decrypt(p.cfg.DecryptionKey)
	if err != nil {
		return "", fmt.Errorf("%w: decrypt ID token from %s: %w", errLogin, p.name, err)
	}
	return string(inner), nil
}

// logoutURL is the provider's front-channel logout for the session that logged in with
// idToken, returning to back; "" when the provider offers none.
func (p *provider) logoutURL(ctx context.Context, idToken, back string) string {
	d, err := p.discover(ctx)
	if err != nil || d.endSession == "" {
		return ""
	}
	u, err := url.Parse(d.endSession)
	if err != nil {
		return ""
	}
	q := u.Query()
	q.Set("client_id", p.cfg.ClientID)
	q.Set("post_logout_redirect_uri", back)
	if idToken != "" {
		q.Set("id_token_hint", idToken)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// ParseDecryptionKey reads the portal's RSA private key (PEM, PKCS #1 or PKCS #8), the one
// whose certificate was registered with NIA for encrypting ID tokens.
func ParseDecryptionKey(pemBytes []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("no PEM block found")
	}
	if key, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return key, nil
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("neither a PKCS #1 nor a PKCS #8 private key: %w", err)
	}
	rsaKey, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("a %T private key; NIA encrypts to RSA keys", key)
	}
	return rsaKey, nil
}
