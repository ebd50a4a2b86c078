# Two commands a new user needs (see README, Quick start):
#   make demo   set up .venv and build every sample in briefings/ into out/
#   make test   set up .venv (with test tools) and run the linter and the tests
#   make bench  measure speed against the targets of issue 7 (not part of the tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean compile

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Byte-compile the package as a regular (non-editable) install does; otherwise, where
# PYTHONDONTWRITEBYTECODE is set, every briefpdf command compiles all of its modules again.
compile: $(BIN)/.installed
	$(BIN)/python -m compileall -q src

demo: compile
	$(BIN)/briefpdf build

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks tools

test: lint compile
	$(BIN)/python -m pytest -n auto

bench: compile
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out
