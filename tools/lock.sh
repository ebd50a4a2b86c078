#!/usr/bin/env bash
# Refresh requirements/lock.txt: the newest versions pyproject.toml allows, resolved in a
# clean virtual environment and frozen. Run `make lock` (or `bash tools/lock.sh`) after
# changing a dependency in pyproject.toml, then run `make test` and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
"$PYTHON" -m venv "$fresh/venv"
"$fresh/venv/bin/python" -m pip install --quiet --upgrade pip
"$fresh/venv/bin/python" -m pip install --quiet -e '.[test]'
{
  echo "# The exact versions development and CI install (make, .ci/run): the newest that"
  echo "# pyproject.toml allows, frozen on $("$fresh/venv/bin/python" -c 'import platform; print("Python", platform.python_version())') by tools/lock.sh"
  echo "# (\`make lock\` refreshes it). Installed as constraints, with pyproject's extras."
  "$fresh/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^-e ' | LC_ALL=C sort -f
} > requirements/lock.txt
echo "wrote requirements/lock.txt"
