package auth_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/radnice/radnice/web/auth"
)

// niaShaped is a provider that answers like NIA: discovery at a non-standard path, and an ID
// token without sub, carrying PersonIdentifier and the requested attributes, optionally
// encrypted to the portal's key. Its tokens are made here, so every shape can be tried.
type niaShaped struct {
	srv       *httptest.Server
	signKey   *rsa.PrivateKey
	claims    map[string]any
	encryptTo *rsa.PublicKey // nil: a signed token only
}

func newNIAShaped(t *testing.T) *niaShaped {
	t.Helper()
	p := &niaShaped{signKey: rsaKey(t)}
	mux := http.NewServeMux()
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	base := p.srv.URL + "/FPSTS/oidc"
	mux.HandleFunc("GET /fpsts/oidc/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{
			"issuer": p.srv.URL + "/FPSTS", "authorization_endpoint": base + "/authorize", "token_endpoint": base + "/token",
			"jwks_uri": base + "/openid-configuration-jwks", "end_session_endpoint": base + "/endsession",
			"id_token_signing_alg_values_supported": []string{"RS256"},
		})
	})
	mux.HandleFunc("GET /FPSTS/oidc/openid-configuration-jwks", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.signKey.PublicKey, KeyID: "nia", Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("POST /FPSTS/oidc/token", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"access_token": "at", "token_type": "Bearer", "id_token": p.idToken(t)})
	})
	return p
}

// idToken signs the claims, and encrypts them when the provider encrypts.
func (p *niaShaped) idToken(t *testing.T) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.signKey, KeyID: "nia"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(p.claims)
	jws, err := signer.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	signed, _ := jws.CompactSerialize()
	if p.encryptTo == nil {
		return signed
	}
	enc, err := jose.NewEncrypter(jose.A256CBC_HS512, jose.Recipient{Algorithm: jose.RSA_OAEP, Key: p.encryptTo},
		(&jose.EncrypterOptions{}).WithContentType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	jwe, err := enc.Encrypt([]byte(signed))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := jwe.CompactSerialize()
	return out
}

func rsaKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// janaClaims are NIA's claims for the demo citizen: no sub.
func janaClaims(issuer, nonce string) map[string]any {
	now := time.Now()
	return map[string]any{
		"iss": issuer, "aud": "https://portal.koprivnice.example/", "nonce": nonce,
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"PersonIdentifier": "d8e1a6f0-4c3b-4e0e-9f7a-1f2e3d4c5b6a",
		"CurrentGivenName": "Jana", "CurrentFamilyName": "Nováková", "DateOfBirth": "1985-04-12T00:00:00",
		"CurrentAddress": "Česká 1318/30, 742 21 Kopřivnice", "TRadresaID": "1009830",
		"eMail": "Jana.Novakova@example.cz", "phonenumber": "+420731123456",
		"acr": "http://eidas.europa.eu/LoA/high",
	}
}

// serviceFor is the login service configured for p as NIA, decrypting with key.
func serviceFor(t *testing.T, p *niaShaped, key *rsa.PrivateKey) *auth.Service {
	return auth.New(t.Context(), nil, auth.Config{Citizens: &auth.ProviderConfig{
		Issuer: p.srv.URL + "/FPSTS", DiscoveryURL: p.srv.URL + "/fpsts/oidc/openid-configuration",
		ClientID: "https://portal.koprivnice.example/", DecryptionKey: key, NoPKCE: true,
	}})
}

func TestAnEncryptedNIATokenWithoutSubIdentifiesThePersonByPersonIdentifier(t *testing.T) {
	p := newNIAShaped(t)
	portalKey := rsaKey(t)
	p.encryptTo = &portalKey.PublicKey
	p.claims = janaClaims(p.srv.URL+"/FPSTS", "n-1")

	id, err := serviceFor(t, p, portalKey).Exchange(t.Context(), auth.ProviderCitizens, "code", "n-1", "https://portal.koprivnice.example/prihlaseni/navrat")
	if err != nil {
		t.Fatal(err)
	}
	want := auth.Identity{
		Provider: auth.ProviderCitizens, Subject: "d8e1a6f0-4c3b-4e0e-9f7a-1f2e3d4c5b6a",
		GivenName: "Jana", FamilyName: "Nováková", DateOfBirth: time.Date(1985, 4, 12, 0, 0, 0, 0, time.UTC),
		Address: "Česká 1318/30, 742 21 Kopřivnice", AddressCode: 1009830,
		Email: "jana.novakova@example.cz", Phone: "+420731123456", LevelOfAssurance: "http://eidas.europa.eu/LoA/high",
	}
	if id != want {
		t.Errorf("identity\n got %+v\nwant %+v", id, want)
	}
}

func TestAnEncryptedTokenNeedsTheDecryptionKey(t *testing.T) {
	p := newNIAShaped(t)
	portalKey := rsaKey(t)
	p.encryptTo = &portalKey.PublicKey
	p.claims = janaClaims(p.srv.URL+"/FPSTS", "n-1")

	if _, err := serviceFor(t, p, nil).Exchange(t.Context(), auth.ProviderCitizens, "code", "n-1", "https://x/"); err == nil {
		t.Error("a JWE was accepted without a decryption key")
	}
	if _, err := serviceFor(t, p, rsaKey(t)).Exchange(t.Context(), auth.ProviderCitizens, "code", "n-1", "https://x/"); err == nil {
		t.Error("a JWE encrypted to another key was accepted")
	}
}

func TestASignedTokenIsCheckedForNonceAudienceAndTheNamedPerson(t *testing.T) {
	p := newNIAShaped(t)
	issuer := p.srv.URL + "/FPSTS"
	cases := map[string]func(c map[string]any){
		"another nonce":    func(c map[string]any) { c["nonce"] = "n-2" },
		"another audience": func(c map[string]any) { c["aud"] = "https://other.example/" },
		"expired":          func(c map[string]any) { c["exp"] = time.Now().Add(-time.Hour).Unix() },
		"nobody named":     func(c map[string]any) { delete(c, "PersonIdentifier") },
		"a bad address id": func(c map[string]any) { c["TRadresaID"] = "Česká 1318" },
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			p.claims = janaClaims(issuer, "n-1")
			spoil(p.claims)
			_, err := serviceFor(t, p, nil).Exchange(t.Context(), auth.ProviderCitizens, "code", "n-1", "https://x/")
			if err == nil {
				t.Fatal("accepted")
			}
		})
	}
	t.Run("all well, signed only", func(t *testing.T) {
		p.claims = janaClaims(issuer, "n-1")
		id, err := serviceFor(t, p, nil).Exchange(t.Context(), auth.ProviderCitizens, "code", "n-1", "https://x/")
		if err != nil || id.AddressCode != 1009830 {
			t.Fatalf("got %+v, %v", id, errors.Unwrap(err))
		}
	})
}

func TestAStandardProvidersClaimsAreReadWhereNIAsAreMissing(t *testing.T) {
	p := newNIAShaped(t)
	p.claims = map[string]any{
		"iss": p.srv.URL + "/FPSTS", "aud": "https://portal.koprivnice.example/", "nonce": "n",
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Minute).Unix(),
		"sub": "248289761001", "given_name": "Eva", "family_name": "Editorová", "email": "eva.editorova@koprivnice.example",
		"birthdate": "1979-02-28",
	}
	id, err := serviceFor(t, p, nil).Exchange(t.Context(), auth.ProviderCitizens, "code", "n", "https://x/")
	if err != nil {
		t.Fatal(err)
	}
	if id.Subject != "248289761001" || id.GivenName+" "+id.FamilyName != "Eva Editorová" || id.DateOfBirth.Format(time.DateOnly) != "1979-02-28" {
		t.Errorf("got %+v", id)
	}
}
