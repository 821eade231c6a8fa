#!/bin/sh
# run-window-bench.sh: the window's benchmarks of issue 3 (start-up, keystroke,
# memory after scrolling) under Xvfb, on a database of N members generated
# in a temporary folder, or on the one given with --db.
#
#   tests/bench/run-window-bench.sh -C _build-rel                  # 1M members
#   tests/bench/run-window-bench.sh -C _build-rel --db /tmp/1m.db -- --json
set -eu

builddir=build
db=
members=1000000

while [ $# -gt 0 ]; do
  case $1 in
    -C|--build-dir) builddir=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --members) members=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "run-window-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

generate=$builddir/tests/bench/loket-bench-generate
window=$builddir/tests/bench/loket-bench-window
for program in "$generate" "$window"; do
  if [ ! -x "$program" ]; then
    echo "run-window-bench.sh: $program is missing: build with -Dbenchmarks=true" >&2
    exit 2
  fi
done

tmp=
trap '[ -n "$tmp" ] && rm -rf "$tmp"' EXIT
if [ -z "$db" ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/loket-bench.XXXXXX")
  db=$tmp/loket.db
fi
[ -e "$db" ] || "$generate" --members "$members" --db "$db"

# Cairo drawing and no accessibility bus: the same conditions as the ui tests.
GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1280x800x24" "$window" --db "$db" "$@"
