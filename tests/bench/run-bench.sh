#!/bin/sh
# run-bench.sh: the benchmarks of issue 2 in one command. Generates a database
# of N members in a temporary folder (removed afterwards), or reuses the one
# given with --db (generating it there first when it does not exist yet), and
# runs loket-bench on it. Everything after `--` goes to loket-bench.
#
#   tests/bench/run-bench.sh -C _build                       # 1M members
#   tests/bench/run-bench.sh -C _build --db /tmp/1m.db -- --json
#
# loket-bench registers members into the database it measures: a reused
# database grows by 2 × registrations × rounds members per run.
set -eu

usage () {
  cat <<USAGE
Usage: $0 [-C BUILDDIR] [--db FILE] [--members N] [--seed S] [-- LOKET-BENCH-OPTIONS]
       (--generate-exe and --bench-exe name the programs directly)
USAGE
}

builddir=build
generate=
bench=
db=
members=1000000
seed=1

while [ $# -gt 0 ]; do
  case $1 in
    -C|--build-dir) builddir=$2; shift 2 ;;
    --generate-exe) generate=$2; shift 2 ;;
    --bench-exe) bench=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --members) members=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) echo "run-bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

: "${generate:=$builddir/tests/bench/loket-bench-generate}"
: "${bench:=$builddir/tests/bench/loket-bench}"
for program in "$generate" "$bench"; do
  if [ ! -x "$program" ]; then
    echo "run-bench.sh: $program is missing: build with -Dbenchmarks=true, or give -C BUILDDIR" >&2
    exit 2
  fi
done

tmp=
cleanup () {
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$db" ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/loket-bench.XXXXXX")
  db=$tmp/loket.db
fi

if [ -e "$db" ]; then
  echo "run-bench.sh: reusing $db"
else
  "$generate" --members "$members" --db "$db" --seed "$seed"
fi
"$bench" --db "$db" "$@"
