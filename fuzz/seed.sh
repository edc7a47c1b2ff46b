#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the shipped year files and the fixtures' year files
# (year_file, full_render), and the shipped chapters as Markdown (markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
for t in year_file full_render; do
  mkdir -p "fuzz/corpus/$t"
  for f in data/years/*.yaml tests/fixtures/minimal/years/*.yaml tests/fixtures/*/*/years/*.yaml; do
    [ -f "$f" ] && cp "$f" "fuzz/corpus/$t/$(echo "$f" | tr / _)"
  done
done
mkdir -p fuzz/corpus/markdown
for y in 2018 2023; do
  cargo run --quiet -- build --year "$y" --format md --out "fuzz/corpus/markdown/$y" >/dev/null
done
find fuzz/corpus/markdown -mindepth 2 -name '*.md' -exec mv {} fuzz/corpus/markdown/ \;
find fuzz/corpus/markdown -mindepth 1 -type d -delete
cp templates/chapter.md.j2 fuzz/corpus/markdown/template.md
mkdir -p fuzz/corpus/image_file
find tests/fixtures -path '*/images/*' -type f | while read -r f; do
  cp "$f" "fuzz/corpus/image_file/$(echo "$f" | tr / _)"
done
printf 'images/2023/wizyta (2).jpg' > fuzz/corpus/image_file/path.txt
