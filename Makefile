# Two commands a new user needs (see README, Quick start):
#   make demo   set up .venv and build every sample in briefings/ into out/
#   make test   set up .venv (with test tools) and run the linter and the tests
#   make bench  measure speed against the targets of issue 7 (not part of the tests)
#   make instructions  instructions per briefing (valgrind), to compare two commits
#   make test-lowest  the tests again in .venv-lowest, with the lowest allowed versions
#   make reference    redraw tests/reference/pages after an intended visual change
#   make lock   refresh requirements/lock.txt (the exact versions make installs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-lowest lint bench instructions clean compile reference lock

# The exact versions of requirements/lock.txt (tools/lock.sh makes it).
$(BIN)/.installed: pyproject.toml requirements/lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e '.[test]'
	touch $@

# The lowest versions pyproject.toml allows (requirements/lowest.txt), in a venv of their own.
LOWEST := .venv-lowest/bin
$(LOWEST)/.installed: pyproject.toml requirements/lowest.txt
	$(PYTHON) -m venv .venv-lowest
	$(LOWEST)/python -m pip install --quiet --upgrade pip
	$(LOWEST)/python -m pip install --quiet -c requirements/lowest.txt -e '.[test]'
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

# On the lowest versions: every folder but the slowest, whose code paths the others
# cover (the fuzzing, the generated hostile inputs, the browser and parallel tests);
# see README, "Dependencies".
LOWEST_SKIP := --ignore=tests/property --ignore=tests/hostile/test_generated.py \
	--ignore=tests/serve --ignore=tests/parallel
test-lowest: $(LOWEST)/.installed
	$(LOWEST)/python -m pytest -n auto -p no:cacheprovider $(LOWEST_SKIP)

reference: $(BIN)/.installed
	$(BIN)/python tools/update_reference.py

lock:
	bash tools/lock.sh

bench: compile
	$(BIN)/python benchmarks/run.py

instructions: compile
	$(BIN)/python benchmarks/instructions.py

clean:
	rm -rf $(VENV) .venv-lowest out
