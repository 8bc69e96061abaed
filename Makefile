# eventwire: `make demo` and `make test` do all set-up on a fresh machine (python3.11, make, a package index).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.eventwire-installed
DB     ?= eventwire.db

.PHONY: demo test install bench bench-serve bench-dashboard clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

demo: install
	$(BIN)/eventwire ingest samples --db $(DB)
	$(BIN)/eventwire stats --db $(DB)
	@echo "Dashboard: $(BIN)/eventwire serve --db $(DB)   then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_extract.py

bench-serve: install
	$(BIN)/python benchmarks/bench_serve.py

bench-dashboard: install
	$(BIN)/python benchmarks/bench_dashboard.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
