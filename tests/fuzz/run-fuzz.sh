#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into ./_build-fuzz and runs each for SECONDS
# (default 20). Exits 1 when a target crashes, leaks or times out; the input
# that did it is kept in _build-fuzz/fuzz-artifacts/. The seeds in
# tests/fuzz/corpus/<target>/ are read, never written: what the fuzzer finds
# goes into _build-fuzz/fuzz-corpus/<target>/.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [TARGET…]
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$top/_build-fuzz"
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(nik card-payload sheet cli-args)

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dbenchmarks=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
ninja -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") || exit 1

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp"
export LC_ALL=C.UTF-8
status=0
mkdir -p "$build/fuzz-artifacts"
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  log="$build/fuzz-$target.log"
  mkdir -p "$corpus"
  "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
    "$corpus" "$top/tests/fuzz/corpus/$target" >"$log" 2>&1
  result=$?
  runs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ $result -eq 0 ]; then
    echo "fuzz-$target: ${seconds} s, $runs executions, no crash"
  else
    echo "fuzz-$target: FAILED after $runs executions (exit $result); the log is $log:" >&2
    grep -a -A30 -E '^==[0-9]+==ERROR|runtime error|deadly signal|Test unit written' "$log" | head -60 >&2
    status=1
  fi
done
exit $status
