# The two commands a maintainer needs: `make serve` and `make test`; `make help` lists them all.
# Each one sets up what it needs on a fresh machine (.venv, pinned packages, Chromium).
# Every target has one line "## make <target>: what it does" above it: `make help` prints those lines.

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT   ?=
# One test worker per core: the suite keeps the cores busy (measured on 2 cores: 3 min 51 s with two
# workers, 4 min 09 s with three, which only share the same cores and start a browser and a build each).
TEST_WORKERS ?= $(shell nproc)
# The engine that builds the site: MkDocs 1.6 (.venv, the default) or ProperDocs 1.6, its continuation by its
# former maintainers (.venv-properdocs, requirements-properdocs.txt): make build ENGINE=properdocs, make serve
# ENGINE=properdocs. tools/website.py reads it as SITE_ENGINE; make test builds with both (tests/test_properdocs.py).
ENGINE ?= mkdocs
export SITE_ENGINE := $(ENGINE)
PD_VENV := .venv-properdocs
SITE_BIN  := $(if $(filter properdocs,$(ENGINE)),$(PD_VENV)/bin,$(BIN))
SITE_DEPS := $(if $(filter properdocs,$(ENGINE)),$(PD_VENV),$(VENV))/.site-deps

.PHONY: help serve build test test-deps test-properdocs lint bench offline browsers chromium java clean
.DEFAULT_GOAL := help

## make help: list the targets, one line each
help:
	@sed -n 's/^## \(make [^:]*\): \(.*\)/\1|\2/p' $(MAKEFILE_LIST) | awk -F'|' '{ printf "  %-30s %s\n", $$1, $$2 }'

## make serve [PORT=8001]: build both languages, serve them on http://127.0.0.1:8000 (or PORT), rebuild and reload the browser on change
serve: $(SITE_DEPS)
	$(SITE_BIN)/python tools/website.py serve $(if $(PORT),--port '$(PORT)')

## make build [ENGINE=properdocs]: write the publishable site to site/ (left as it was if the build fails), with MkDocs or ProperDocs
build: $(SITE_DEPS)
	$(SITE_BIN)/python tools/website.py build

# Before the suite, the content is built once (into a temporary folder; site/ is not touched): a problem in it is
# said as make build says it, and the tests are not run. The full report of failed tests goes to
# test-results/pytest.log; the console says each failure in one line, then who can fix it (tests/summary.py).
## make test: lint, the quiz's scripts in Node (tests/js/), build the content once, then the whole suite (unit, build and browser tests), one test worker per core (TEST_WORKERS=N to change)
test:
	@$(MAKE) --no-print-directory -j4 --output-sync=target test-deps
	$(BIN)/ruff check partnership hooks tools tests
	node --test tests/js/
	@$(BIN)/python tools/website.py check
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=10 --full-log=test-results/pytest.log

# What the suite needs, set up side by side on a fresh machine (make -j: the two venvs from PyPI, the npm packages,
# the Debian packages; apt-get waits for another one's lock rather than failing).
test-deps: $(VENV)/.dev-deps $(PD_VENV)/.site-deps browsers node_modules/.installed

## make test-properdocs: build the site with MkDocs and with ProperDocs and require the same pages (make test runs it too)
test-properdocs: $(VENV)/.dev-deps $(PD_VENV)/.site-deps
	$(BIN)/python -m pytest tests/test_properdocs.py -p no:cacheprovider

## make bench: one table of build times, weights and Lighthouse scores against tools/budget.yml
bench: $(VENV)/.dev-deps chromium node_modules/.installed
	$(BIN)/python tools/bench.py

## make offline: culture-de-partenariat.zip, the site to open from disk without a connection
offline: $(VENV)/.site-deps
	$(BIN)/python tools/offline.py

## make lint: check the Python code's style (ruff), as make test does first
lint: $(VENV)/.dev-deps
	$(BIN)/ruff check partnership hooks tools tests

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# pyproject.toml: the project's own packages (partnership/), installed editable: imported by name, no sys.path.
$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(VENV)/.dev-deps: requirements-dev.txt requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@ $(VENV)/.site-deps

# ProperDocs' venv: every pin of requirements.txt but mkdocs, which ProperDocs stands in for (--no-deps: Material
# asks for mkdocs), then ProperDocs itself; installed once, again when either file changes.
$(PD_VENV)/.site-deps: requirements-properdocs.txt requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	@[ -x $(PD_VENV)/bin/python ] || { $(PYTHON) -m venv $(PD_VENV) && \
	  $(PD_VENV)/bin/python -m pip install --quiet --upgrade pip; }
	sed '/^mkdocs==/d' requirements.txt > $(PD_VENV)/requirements-without-mkdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  -r $(PD_VENV)/requirements-without-mkdocs.txt -r requirements-properdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

# Every Debian package make test needs, each as package:command-or-file it installs. The missing ones are installed
# in one apt-get call (one apt-get update: seconds on a fresh machine): Chromium and its headless shell, Java for the
# HTML checker, and the two other engines the readers' journeys run in (tests/test_engines.py): Firefox ESR, and
# WebKitGTK's WebDriver (its MiniBrowser comes with libwebkit2gtk), which needs a display: Xvfb.
TEST_PACKAGES := chromium:chromium chromium-headless-shell:chromium-headless-shell default-jre-headless:java \
  firefox-esr:firefox-esr webkit2gtk-driver:WebKitWebDriver xvfb:Xvfb
## make browsers: install what make test needs from Debian and is missing (Chromium, its headless shell, Firefox ESR, WebKitGTK's driver, Xvfb, Java), in one apt-get call
browsers:
	@missing=$$(for need in $(TEST_PACKAGES); do command -v $${need#*:} >/dev/null 2>&1 || echo $${need%%:*}; done); \
	[ -z "$$missing" ] || { echo "Installing from Debian for the tests:" $$missing; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq $$missing >/dev/null; }

# The browser tests use Debian's Chromium: its headless shell (the same Chromium without the browser's user
# interface, half the CPU a page) and, to check that both show the same, Chromium itself, which make bench
# measures. Playwright never downloads a browser here.
## make chromium: install Debian's Chromium and its headless shell for the browser tests, if missing
chromium:
	@{ command -v chromium && command -v chromium-headless-shell; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's Chromium and its headless shell for the browser tests..."; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium chromium-headless-shell >/dev/null; }

# The Nu HTML checker (vnu.jar, from npm) runs on Debian's Java.
## make java: install Debian's Java for the HTML checker, if it is missing
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's Java for the HTML checker..."; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq default-jre-headless >/dev/null; }

# Checkers and measures from npm (package.json, exact versions in package-lock.json): axe-core for the
# accessibility tests, the Nu HTML checker, puppeteer-core for the journeys in Chromium and Firefox (tests/engines/;
# it never downloads a browser: PUPPETEER_SKIP_DOWNLOAD, --ignore-scripts), Lighthouse for make bench; Node from Debian.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's Node.js and npm..."; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq nodejs npm >/dev/null; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

## make clean: delete what builds and tests leave (site/, caches, build-error.log, the offline zip), not .venv or .venv-properdocs
clean:
	rm -rf site .site-* .pytest_cache .ruff_cache build-error.log culture-de-partenariat.zip
