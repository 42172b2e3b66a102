package main

import (
	"fmt"
	"os"
	"time"

	"github.com/radnice/radnice/web/auth"
)

// authConfig reads the login configuration from the environment.
func authConfig() (auth.Config, error) {
	cfg := auth.Config{PublicURL: os.Getenv("RADNICE_PUBLIC_URL")}
	var err error
	if cfg.Citizens, err = providerConfig("RADNICE_OIDC_", false); err != nil {
		return cfg, err
	}
	if cfg.Staff, err = providerConfig("RADNICE_STAFF_OIDC_", true); err != nil {
		return cfg, err
	}
	for name, d := range map[string]*time.Duration{"RADNICE_SESSION_IDLE": &cfg.IdleTimeout, "RADNICE_SESSION_LIFETIME": &cfg.Lifetime} {
		if v := os.Getenv(name); v != "" {
			if *d, err = time.ParseDuration(v); err != nil || *d <= 0 {
				return cfg, fmt.Errorf("%s=%q: want a duration such as 30m or 12h", name, v)
			}
		}
	}
	return cfg, nil
}

// providerConfig reads one identity provider from the variables starting with prefix; nil
// when its issuer is not set. The staff provider is trusted for e-mail addresses.
func providerConfig(prefix string, staff bool) (*auth.ProviderConfig, error) {
	issuer := os.Getenv(prefix + "ISSUER")
	if issuer == "" {
		return nil, nil
	}
	pc := &auth.ProviderConfig{
		Issuer:       issuer,
		DiscoveryURL: os.Getenv(prefix + "DISCOVERY_URL"),
		ClientID:     os.Getenv(prefix + "CLIENT_ID"),
		ClientSecret: os.Getenv(prefix + "CLIENT_SECRET"),
		TrustEmail:   staff,
	}
	if pc.ClientID == "" {
		return nil, fmt.Errorf("%sISSUER is set, %sCLIENT_ID is not", prefix, prefix)
	}
	switch pkce := os.Getenv(prefix + "PKCE"); pkce {
	case "", "on":
	case "off":
		pc.NoPKCE = true
	default:
		return nil, fmt.Errorf("%sPKCE=%q: want on or off", prefix, pkce)
	}
	if path := os.Getenv(prefix + "DECRYPTION_KEY"); path != "" {
		pemBytes, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%sDECRYPTION_KEY: %w", prefix, err)
		}
		if pc.DecryptionKey, err = auth.ParseDecryptionKey(pemBytes); err != nil {
			return nil, fmt.Errorf("%sDECRYPTION_KEY=%s: %w", prefix, path, err)
		}
	}
	return pc, nil
}
