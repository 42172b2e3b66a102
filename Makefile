# Radnice: `make run` serves the demo town, `make test` runs the whole suite.
# Both set up what is missing: PostgreSQL with PostGIS from the OS packages and a private
# cluster under .data/ (unless DATABASE_URL names a database to use instead).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# The database: DATABASE_URL when given, else the project's own cluster (started on demand).
database = export DATABASE_URL="$${DATABASE_URL:-$$(.ci/devdb start)}"

# The login: RADNICE_OIDC_ISSUER when given, else the development identity provider (.ci/idp,
# shaped like NIA, with the demo people) standing for both NIA and the town's staff provider.
idp = if [ -z "$${RADNICE_OIDC_ISSUER:-}" ]; then \
	issuer="$$(.ci/idp/run start)"; \
	export RADNICE_OIDC_ISSUER="$$issuer" RADNICE_OIDC_CLIENT_ID=radnice-demo RADNICE_OIDC_CLIENT_SECRET=radnice-demo-secret \
		RADNICE_STAFF_OIDC_ISSUER="$$issuer" RADNICE_STAFF_OIDC_CLIENT_ID=radnice-demo RADNICE_STAFF_OIDC_CLIENT_SECRET=radnice-demo-secret; \
	fi

# The mail: RADNICE_SMTP_ADDR when given, else mailpit (.ci/mailpit), which keeps every e-mail
# the portal sends for its web UI and API instead of delivering it.
mail = if [ -z "$${RADNICE_SMTP_ADDR:-}" ]; then \
	export RADNICE_SMTP_ADDR="$$(.ci/mailpit start)" RADNICE_SMTP_FROM="$${RADNICE_SMTP_FROM:-Město Kopřivnice <podatelna@koprivnice.example>}"; \
	echo "E-mail the portal sends lands in mailpit: $$(.ci/mailpit url)"; \
	fi

.PHONY: help run test bench stop generate build

help:
	@echo "make run     set up the database, load the demo town and serve the portal"
	@echo "make test    set up what the tests need and run the whole suite"
	@echo "make bench   national-scale import, search and lookup benchmarks (slow; not part of test)"
	@echo "make stop    stop the private database cluster, the development identity provider and mailpit"

build:
	go build -o bin/radnice ./cmd/radnice

run: build
	@.ci/media
	@.ci/node-deps
	@$(database); \
	$(idp); \
	$(mail); \
	bin/radnice migrate; \
	bin/radnice demo --if-empty; \
	exec bin/radnice serve

test:
	@.ci/check-generated
	@.ci/browser-deps
	@.ci/media
	@.ci/mailpit install
	@$(database); \
	go vet ./...; \
	go test -count=1 -timeout 20m ./...

bench: build
	@.ci/bench-deps
	@.ci/media
	@.ci/node-deps
	@.ci/mailpit install
	@$(database); \
	RADNICE_BENCH_DIR="$(CURDIR)/.data/bench" go test -count=1 -tags bench -run '^TestBenchmark' -timeout 80m -v ./web/bench/

stop:
	@.ci/mailpit stop
	@.ci/idp/run stop
	@.ci/devdb stop

generate:
	go tool templ generate
