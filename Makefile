# Two commands do everything: `make run` (the platform with demo data on
# http://127.0.0.1:8000) and `make test` (install what the tests need, run them all).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "pip<26.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m local_stack

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) bench/cold_start.py
	$(PY) -W ignore bench/suggestion_calls.py
	$(PY) -W ignore bench/ballot_calls.py
	$(PY) -W ignore bench/fund_calls.py
	$(PY) bench/tally.py
	$(PY) bench/publication_aggregate.py

clean:
	rm -rf $(VENV) .local .pytest_cache
