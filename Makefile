# portalcert: `make run` runs the whole suite against the embedded simulator and writes reports/;
# `make test` runs lint, types and the test suite. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= reports
NODE_STAMP := node_modules/.installed-stamp

.PHONY: setup browser postgres run dashboards test lint type unit sensitivity-browser rules serve bench fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The dashboards' Node.js tools, pinned in package-lock.json: Allure 3 and Cucumber's HTML formatter.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

# The browser engine's Chromium: found, or installed (Debian's package) by the project itself.
browser: setup
	$(BIN)/python -m portalcert.engines.browser_install

# PostgreSQL for the simulator's race tests (a throwaway cluster per run): found, or installed (Debian's
# package); where neither works those tests skip and say why.
postgres: setup
	$(BIN)/python -m tests.postgres_server

run: setup
	$(BIN)/portalcert run --target simulator --out $(OUT)

# The Cucumber and Allure pages of the last run in $(OUT) (one offline HTML file each).
dashboards: setup
	$(BIN)/portalcert report cucumber --from $(OUT)
	$(BIN)/portalcert report allure --from $(OUT)

test: lint type browser unit

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

type: setup
	$(BIN)/mypy

unit: setup browser postgres
	$(BIN)/pytest -n 2 --dist loadgroup -m "not browser_measurement"

# Every accessibility defect of every document measured through the browser (minutes per document).
sensitivity-browser: setup browser
	$(BIN)/pytest tests/test_sensitivity.py -n 2 --dist loadgroup -m browser_measurement

rules: setup
	$(BIN)/portalcert rules

serve: setup
	$(BIN)/portalcert serve

bench: setup
	$(BIN)/python benchmarks/suite_speed.py

# The simulator's fuzz test at length (make test runs a few examples per route): FUZZ_EXAMPLES per route,
# 200 by default (over 10,000 requests); prints the number of responses by status.
FUZZ_EXAMPLES ?= 200
fuzz: setup
	SIM_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/simulator/test_sim_fuzz.py -n 0 -q -p no:cacheprovider

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
