#!/usr/bin/env bash
# Renders `wirealign check --format html` for a French/English pair and screenshots the
# page with headless Chromium, so a reviewer can see that the report renders.
#
#   scripts/html-screenshot.sh SOURCE TARGET OUT.png [extra check flags, e.g. --presplit]
#
# Needs chromium (apt-get install -y chromium). Exits non-zero when the page or the
# screenshot is missing or empty.
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 SOURCE TARGET OUT.png [check flags...]" >&2
    exit 2
fi
source_file=$1
target_file=$2
png=$3
shift 3

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --manifest-path "$root/Cargo.toml" --bin wirealign
"$root/target/debug/wirealign" check "$source_file" "$target_file" --format html \
    --fail-on never -o "$work/report.html" "$@"
test -s "$work/report.html"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=1400,1000 --screenshot="$png" "file://$work/report.html" 2>/dev/null
test -s "$png"
echo "wrote $png"
