#!/usr/bin/env bash
# Re-derive constraints.txt, the tested dependency set: a clean virtual environment, CPU torch, the package with the
# loose ranges of settings.ini (newest releases that satisfy them), the whole test suite, and only then the freeze.
set -euo pipefail
cd "$(dirname "$0")/.."
tmpdir="$(mktemp -d)"; trap 'rm -rf "$tmpdir"' EXIT
VENV="$tmpdir/venv"
python3 -m venv "$VENV"
# shellcheck disable=SC1091
source "$VENV/bin/activate"
python -m pip install -q --upgrade pip
python -m pip install -q torch==2.13.0
python -m pip install -q -e ".[dev]"
python -m pip check
OMP_NUM_THREADS=1 nbdev_test --n_workers 2
OMP_NUM_THREADS=1 pytest -q -n 2 --dist loadfile   # exit 5 (no tests collected) stops the script here too, under set -e
{
  echo "# The package set the test suite passed with (pip constraints: pip install -c constraints.txt ...)."
  echo "# Written by tools/refresh_constraints.sh from a clean virtual environment on $(date -u +%F), $(python -V); see README.md."
  pip freeze --all --exclude-editable | sed -E 's/^(torch==[^+]+)\+cpu$/\1/'
} > "$tmpdir/constraints.txt"
mv "$tmpdir/constraints.txt" constraints.txt   # only a complete freeze replaces the file
echo "constraints.txt: $(grep -vc '^#' constraints.txt) pinned packages"
