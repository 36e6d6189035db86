#!/usr/bin/env bash
# What CI meets on every data commit: a fresh `git clone` (every file new: times and inodes),
# with the previous build's public/ and .xiezuo-cache/ restored, and one progress record changed.
# Prints the full build's time, the fresh-clone rebuild's, their ratio, the groups rendered and
# files written, and checks the rebuilt output against a clean build (diff -r).
#
#   swift build -c release && Benchmarks/fresh-clone.sh 1000
set -euo pipefail
N=${1:-1000}
DIR=${DIR:-/dev/shm/xiezuo-fresh-clone}
XIEZUO=${XIEZUO:-.build/release/xiezuo}
BENCH=${BENCH:-.build/release/xiezuo-bench}
rm -rf "$DIR" && mkdir -p "$DIR"
"$BENCH" generate --plans "$N" --output "$DIR/first" >/dev/null
git -C "$DIR/first" init -q
git -C "$DIR/first" add content
git -C "$DIR/first" -c user.name=bench -c user.email=bench@example.org commit -q -m content
now() { date +%s.%N; }
line() { awk '/^built/ && !seen { print; seen = 1 }'; }

start=$(now); full=$(LC_MESSAGES=en "$XIEZUO" build --no-search --source "$DIR/first" | line); end=$(now)
full_s=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
# The second run's clone (new times and inodes for every file), public/ and the cache restored
# as CI caches restore them (tar or zip: times kept, new inodes).
git clone -q "$DIR/first" "$DIR/second"
cp -a "$DIR/first/public" "$DIR/second/public"
cp -a "$DIR/first/.xiezuo-cache" "$DIR/second/.xiezuo-cache"
record=$(find "$DIR/second/content/plans" -path '*/progress/*.md' | sort | awk 'NR == 1')
printf '\n本月补充说明。\n' >> "$record"
start=$(now); one=$(LC_MESSAGES=en "$XIEZUO" build --no-search --timings --source "$DIR/second" | tee "$DIR/second.out" | line); end=$(now)
one_s=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
# The same content built clean, for comparison.
mkdir -p "$DIR/clean" && cp -r "$DIR/second/content" "$DIR/clean/content"
"$XIEZUO" build --no-search --no-cache --source "$DIR/clean" >/dev/null
if diff -r -x '.xiezuo-*' "$DIR/second/public" "$DIR/clean/public" >/dev/null; then same=identical; else same=DIFFERENT; fi
echo "plans: $N"
echo "full build:                       ${full_s} s  ($full)"
echo "fresh clone, one record changed:  ${one_s} s  ($one)"
echo "fresh clone stages:               $(grep '^timings' "$DIR/second.out")"
echo "ratio: $(awk "BEGIN { printf \"%.1f\", $one_s * 100 / $full_s }") % of the full build; output against a clean build: $same"
[ "$same" = identical ]
