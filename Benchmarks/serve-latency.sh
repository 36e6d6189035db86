#!/usr/bin/env bash
# Save → reloaded page with `xiezuo serve`: starts the preview on a site folder, waits for its
# first build, then three times changes one progress record and measures the time from the
# save to the moment an open page's long poll answers (the page reloads then) and the page's
# new bytes have been fetched. Prints each and the median.
#
#   swift build -c release && Benchmarks/serve-latency.sh [SITE-FOLDER]   (default: this repository)
set -euo pipefail
SITE=${1:-.}
XIEZUO=${XIEZUO:-.build/release/xiezuo}
PORT=${PORT:-8791}
now() { date +%s.%N; }
"$XIEZUO" serve --source "$SITE" --port "$PORT" --base-url /reports/ >/dev/null 2>"${TMPDIR:-/tmp}/serve-latency.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# The first build: the long poll answers once there is one.
until curl -s -o /dev/null "http://127.0.0.1:$PORT/__xiezuo/wait?v=0" 2>/dev/null; do sleep 0.5; done
version=$(curl -s "http://127.0.0.1:$PORT/__xiezuo/wait?v=-1")
record=$(find "$SITE/content/plans" -path '*/progress/*.md' | sort | awk 'NR == 1')
# The original is kept outside content/ (a file made there is a change too), and put back.
keep="${TMPDIR:-/tmp}/serve-latency.keep"
cp "$record" "$keep"
trap 'kill $SERVER 2>/dev/null || true; cp "$keep" "$record"' EXIT
times=()
for run in 1 2 3; do
  # A page open in the browser is waiting for the next version.
  curl -s "http://127.0.0.1:$PORT/__xiezuo/wait?v=$version" > "${TMPDIR:-/tmp}/serve-latency.v" &
  POLL=$!
  sleep 1
  start=$(now)
  printf '\n补充说明 %s。\n' "$run" >> "$record"
  wait $POLL
  version=$(cat "${TMPDIR:-/tmp}/serve-latency.v")
  curl -s -o /dev/null "http://127.0.0.1:$PORT/reports/"
  end=$(now)
  times+=("$(awk "BEGIN { printf \"%.2f\", $end - $start }")")
  echo "save $run → reloaded page: ${times[-1]} s"
done
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk 'NR == 2') s ($(grep -c '^' "${TMPDIR:-/tmp}/serve-latency.log") builds logged)"
