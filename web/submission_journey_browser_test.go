package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/mailtest"
	"github.com/radnice/radnice/web/outbox"
)

func TestAFiledFormReachesTheClerkAndBackInBrowser(t *testing.T) {
	mailpit := mailtest.Mailpit(t)
	var mu sync.Mutex
	var deliveries []string // the webhooks' idempotency keys, in order
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		deliveries = append(deliveries, r.Header.Get("Idempotency-Key"))
	}))
	t.Cleanup(receiver.Close)

	srv := httptest.NewUnstartedServer(nil)
	portal := "http://" + srv.Listener.Addr().String()
	from := mail.Address{Name: "Město Kopřivnice", Address: "podatelna@koprivnice.example"}
	srv.Config.Handler = web.Handler(t.Context(), web.Config{Pool: demotest.Pool(t), Auth: authtest.Provider(t).PortalConfig(),
		Outbox: outbox.Config{PublicURL: portal, SMTP: outbox.SMTP{Addr: mailpit.SMTPAddr, From: from},
			Webhook: outbox.Endpoint{URL: receiver.URL, Secret: strings.Repeat("k", 32)}}})
	srv.Start()
	t.Cleanup(srv.Close)

	t.Setenv("RADNICE_MAILPIT_API", mailpit.API)
	browsertest.Run(t, "testdata/submission-journey.browser.mjs", portal)

	// The acceptance reaches the town's information system, once.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		got := append([]string(nil), deliveries...)
		mu.Unlock()
		if len(got) > 0 || time.Now().After(deadline) {
			if len(got) != 1 || !strings.HasPrefix(got[0], "webhook:submission.accepted:") {
				t.Errorf("webhook deliveries: %q, want one submission.accepted", got)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}
