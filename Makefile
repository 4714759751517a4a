# cleaner: the README's two commands are `make run` and `make test`; both set up .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup run test lint format bench fixtures score devscore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23 cannot resolve lxml[html-clean] (needed by trafilatura): upgrade it first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

## Clean the seed dumps into out/seeds.jsonl (summary on stderr).
run: $(STAMP)
	mkdir -p out
	$(BIN)/cleaner clean seeds/ -o out/seeds.jsonl

## Tests, then lint.
test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/ruff format --check cleaner tests bench

lint: $(STAMP)
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/ruff format --check cleaner tests bench

format: $(STAMP)
	$(BIN)/ruff format cleaner tests bench
	$(BIN)/ruff check --fix cleaner tests bench

## Throughput figures (pages/s, MB/s); never part of the tests.
bench: $(STAMP)
	$(BIN)/python bench/bench.py

## Regenerate the reviewed seed fixtures (review the diff before committing).
fixtures: $(STAMP)
	for f in seeds/*.txt; do $(BIN)/cleaner clean -q "$$f" > "fixtures/seeds/$$(basename "$$f" .txt).jsonl"; done

## Score the seeds against their expectations, and the development pages against gold text.
score: run
	$(BIN)/python $(SHARED)/tools/score.py $(SHARED)/seeds/expectations.jsonl out/seeds.jsonl

devscore: $(STAMP)
	$(BIN)/python $(SHARED)/tools/devscore.py --cleaner "$(BIN)/cleaner clean" --modes text

clean:
	rm -rf out build *.egg-info .pytest_cache .ruff_cache
