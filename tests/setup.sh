#!/usr/bin/env bash
# Installs everything the tests need into .venv (and, for the browser tests,
# Debian's chromium and the Nu Html Checker when they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
