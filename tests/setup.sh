#!/usr/bin/env bash
# Installs everything the tests need:
#   - .venv: the project with its test extra (pytest, hypothesis, Playwright, ...);
#   - Debian's chromium and a Java runtime, with apt-get, when they are missing
#     (needs root; Playwright drives the system Chromium, no browser download);
#   - axe-core and the Nu Html Checker (npm vnu-jar) into .venv/npm, and the maps' data
#     (npm world-atlas: Natural Earth's countries) into .venv/map-data, as README's
#     set-up does (a folder each: npm removes from a folder what an install does not name);
#   - the DejaVu fonts and fontconfig (the share cards), with apt-get, when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
# the share cards' font (any script the tests draw, Cyrillic included) and fontconfig
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v fc-match >/dev/null || missing+=(fontconfig)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests/setup.sh: please install ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "tests/setup.sh: installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm install --silent --no-save --no-package-lock --no-audit --no-fund \
  --prefix .venv/npm axe-core@^4.10 vnu-jar@^26
npm install --silent --no-save --no-package-lock --no-audit --no-fund \
  --prefix .venv/map-data world-atlas@2
