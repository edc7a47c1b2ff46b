#!/usr/bin/env bash
# The project's test command (README.md, "Run the tests"); .ci/run calls it too.
# It first installs what the tests need and cannot fetch through cargo — poppler-utils and
# qpdf (PDF checks), cmark-gfm (the Markdown as a CMS renders it), the pdfua checker (PyPI),
# strace (failures and kills injected at each rename), Chromium and the npm packages of
# tests/browser (the accessibility check in a real browser), LibreOffice Writer and unzip (the
# DOCX opened by a real word processor and read part by part), LibreOffice Calc (the xlsx table
# opened by a real spreadsheet program), Carlito (the metric twin of Calibri, the DOCX's font),
# openpyxl (the xlsx table read back cell by cell, from PyPI, pinned) — then runs every test.
# No test is skipped for a missing tool: a missing tool is installed here, or the test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
# cmark-gfm: the .md rendered as a CMS reads it (GitHub's CommonMark + GFM parser).
command -v cmark-gfm >/dev/null 2>&1 || missing+=(cmark-gfm)
# LibreOffice without its recommends (Java, the other programs, help): Writer alone converts
# a DOCX to PDF, and it keeps the install a fraction of the full suite.
lean=()
command -v soffice >/dev/null 2>&1 || lean+=(libreoffice-writer-nogui)
# Calc, to open the xlsx table as a spreadsheet program does.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || lean+=(libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -qi carlito || lean+=(fonts-crosextra-carlito)
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  echo "installing: ${missing[*]} ${lean[*]}"
  sudo_if_needed apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ${#lean[@]} -gt 0 ]; then
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
  fi
fi
# pdfua (PyPI, pinned; pulls in pikepdf): the independent check of the PDF's machine-checkable
# PDF/UA-1 rules (tests/it/pdfua.rs).
if [ "$(python3 -m pdfua --version 2>/dev/null)" != "pdfua 0.1.3" ]; then
  echo "installing: pdfua 0.1.3 (PyPI)"
  command -v pip3 >/dev/null 2>&1 || python3 -m pip --version >/dev/null 2>&1 || {
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
  }
  python3 -m pip install --quiet pdfua==0.1.3 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages pdfua==0.1.3
fi
# openpyxl for the python3 the tests run; a system Python that refuses --user installs
# (PEP 668) gets it with --break-system-packages, still in the user's site-packages only.
if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
  echo "installing: openpyxl 3.1.5 (pip --user)"
  python3 -m pip install --user -q openpyxl==3.1.5 2>/dev/null \
    || python3 -m pip install --user -q --break-system-packages openpyxl==3.1.5
fi
if [ -f tests/browser/package.json ]; then
  bash tests/browser/install.sh
fi

cargo test --all-targets
cargo test --doc
