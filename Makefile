# Two commands do everything: `make run` (the platform with demo data on
# http://127.0.0.1:8000) and `make test` (install what the tests need, run them all).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Debian's chromium drives the browser tests: playwright cannot download its own browser here.
BROWSER := /usr/bin/chromium
# Without a CJK font the screenshots show empty boxes for every Chinese character.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test fuzz bench lint client clean

$(STAMP): requirements.txt requirements-dev.txt client/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "pip<26.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

$(BROWSER) $(CJK_FONT):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei

run: $(STAMP)
	$(PY) -m local_stack

test: $(STAMP) $(NODE_STAMP) $(BROWSER) $(CJK_FONT)
	$(PY) -m pytest

# `make test` fuzzes every operation five times per role; this tries each twenty times as often
# (about half an hour; MULIN_FUZZ_EXAMPLES=N chooses).
fuzz: $(STAMP)
	MULIN_FUZZ_EXAMPLES=$${MULIN_FUZZ_EXAMPLES:-100} $(PY) -m pytest -p no:cacheprovider tests/fuzz

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	cd client && ../$(PY) -m mypy

# Regenerates client/mulin_client from the API's /openapi.json after a route or model changed.
client: $(STAMP)
	$(PY) client/regenerate.py

bench: $(STAMP)
	$(PY) bench/report.py

clean:
	rm -rf $(VENV) .local .pytest_cache node_modules test-artifacts
