# The one front door. `make help` lists the targets.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: help install run server test lint typecheck bench bench-smoke screenshots bundle clean

help:
	@echo "install      create .venv and install the project with all extras"
	@echo "run          run the station against a local sync server (embedded database)"
	@echo "server       run only the sync server (tracetrack-server serve)"
	@echo "test         lint, type-check and run every test (what CI runs)"
	@echo "lint         ruff + import-linter contracts"
	@echo "typecheck    mypy --strict"
	@echo "bench        full benchmark suite -> bench/RESULTS.md"
	@echo "screenshots  every screen, en and hi, 1366x768 and 1920x1080 -> build/screenshots/"
	@echo "bundle       self-contained station (PyInstaller) -> dist/tracetrack-station/"

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[server,station,dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) -m tracetrack_desktop.devrun

server: install
	$(VENV)/bin/tracetrack-server db upgrade
	$(VENV)/bin/tracetrack-server serve

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: install
	$(VENV)/bin/mypy

test: install lint typecheck
	# two workers, a test file each at a time; then the tests marked `alone`, by themselves (the
	# X-server suite times keyboard input and must not share the cores; the PostgreSQL restart
	# would cut every other test's connections)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 --dist loadfile -m "not alone"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m alone

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run --full

bench-smoke: install
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run --smoke

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) -m tracetrack_desktop.screenshots build/screenshots en hi

bundle: install
	$(PY) -m pip install -q -e '.[server,station,dev,bundle]'
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/tracetrack-station.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
