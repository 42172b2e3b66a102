package main

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"

	"github.com/radnice/radnice/web/outbox"
)

// outboxConfig reads where the outbox delivers e-mails and webhooks from the environment;
// publicURL is where people reach the portal, the start of the links they carry.
func outboxConfig(publicURL string) (outbox.Config, error) {
	cfg := outbox.Config{PublicURL: publicURL}
	if addr := os.Getenv("RADNICE_SMTP_ADDR"); addr != "" {
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return cfg, fmt.Errorf("RADNICE_SMTP_ADDR=%q: want host:port, such as smtp.koprivnice.cz:587", addr)
		}
		from, err := mail.ParseAddress(os.Getenv("RADNICE_SMTP_FROM"))
		if err != nil {
			return cfg, fmt.Errorf("RADNICE_SMTP_FROM=%q: want the sender, such as \"Město Kopřivnice <podatelna@koprivnice.cz>\"", os.Getenv("RADNICE_SMTP_FROM"))
		}
		cfg.SMTP = outbox.SMTP{Addr: addr, From: *from, User: os.Getenv("RADNICE_SMTP_USER"), Password: os.Getenv("RADNICE_SMTP_PASSWORD")}
	}
	if u := os.Getenv("RADNICE_WEBHOOK_URL"); u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return cfg, fmt.Errorf("RADNICE_WEBHOOK_URL=%q: want an http(s) URL", u)
		}
		secret := os.Getenv("RADNICE_WEBHOOK_SECRET")
		if len(secret) < 32 {
			return cfg, fmt.Errorf("RADNICE_WEBHOOK_URL is set, so RADNICE_WEBHOOK_SECRET must be at least 32 characters (openssl rand -hex 32 makes one)")
		}
		cfg.Webhook = outbox.Endpoint{URL: u, Secret: secret}
	}
	return cfg, nil
}
