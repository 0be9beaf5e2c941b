# The two commands: `make run` (set up everything and serve the demo) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve setup test test-postgres test-browser bench-dashboard bench lint format security-lint verify-demo verify-backup check-deploy migrations-check ci clean

run: setup ## Set up everything and serve the portal with demo data on SQLite
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

serve: setup ## Production mode without containers: gunicorn and the task worker against DATABASE_URL
	scripts/serve

setup: $(BIN)/.installed static/vendor/.installed locale/.compiled

$(BIN)/.installed: pyproject.toml
	scripts/require-debian-packages msgfmt=gettext libpangoft2-1.0.so.0=libpangoft2-1.0-0 fc-list=fontconfig
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

static/vendor/.installed: package.json package-lock.json
	scripts/require-debian-packages npm=npm
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor && mkdir -p static/vendor/bootstrap
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map static/vendor/bootstrap/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map static/vendor/bootstrap/
	touch $@

locale/.compiled: $(BIN)/.installed $(wildcard locale/*/LC_MESSAGES/*.po)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	touch $@

test: setup ## Run the test suite on SQLite (the browser tests have their own target)
	$(BIN)/pytest -q --ignore=tests/browser

test-postgres: setup ## Run the test suite on a throwaway PostgreSQL server
	scripts/with-postgres $(BIN)/pytest -q --ignore=tests/browser

test-browser: setup ## End-to-end journeys in headless Chromium (Debian's package), with axe-core
	scripts/require-debian-packages chromium=chromium
	$(BIN)/pytest -q tests/browser

bench-dashboard: setup ## The dashboard and student list at 1,000 and 10,000 students (PostgreSQL)
	scripts/with-postgres $(BIN)/python bench/dashboard.py

bench: setup ## Load test: gunicorn (4 workers) and locust on PostgreSQL with 10,000 students
	scripts/with-postgres $(BIN)/python bench/load/run.py $(BENCH_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

security-lint: $(BIN)/.installed ## bandit over our code (settings in pyproject.toml)
	$(BIN)/bandit -c pyproject.toml -r . -q

verify-demo: setup ## Seed the demo into a throwaway database and verify every signature's hash
	dir="$$(mktemp -d)"; export DATABASE_URL="sqlite:///$$dir/demo.sqlite3"; \
	$(MANAGE) migrate --no-input -v 0 && $(MANAGE) seed_demo > /dev/null && \
	$(MANAGE) verify_signatures; status=$$?; rm -rf "$$dir"; exit $$status

verify-backup: setup ## Dump the demo with pg_dump -Fc, restore it into a scratch database, verify it
	scripts/with-postgres scripts/verify-backup

migrations-check: $(BIN)/.installed
	$(MANAGE) makemigrations --check --dry-run

check-deploy: setup ## Django's deployment checklist with production-like settings
	DEBUG=0 SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=lio.example.org $(MANAGE) check --deploy --fail-level WARNING

messages: $(BIN)/.installed ## Update the translation catalogues after changing strings
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=node_modules --ignore=static/vendor --ignore=tests --no-obsolete
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

ci: test test-postgres test-browser migrations-check check-deploy lint security-lint verify-demo verify-backup

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles locale/.compiled
