#!/usr/bin/env bash
# Checks every published file against the official schemas with the shared conformance
# checker, where it is at hand (it lives beside the project, not in it).
set -euo pipefail
cd "$(dirname "$0")/.."
checker=../shared/tools/conformance.py
if [ ! -f "$checker" ]; then
  echo "conformance checker not found; skipped"
  exit 0
fi
status=0
for folder in build/data/public/datasets/*/; do
  python3 "$checker" datapackage --quiet "$folder" | tail -n 1 || status=1
done
python3 "$checker" dcat --quiet build/data/public/catalog.ttl | tail -n 1 || status=1
python3 "$checker" dcat --quiet --format json-ld build/data/public/catalog.jsonld | tail -n 1 || status=1
python3 "$checker" datajson --quiet build/data/public/data.json | tail -n 1 || status=1
exit $status
