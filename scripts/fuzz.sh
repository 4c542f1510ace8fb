#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ on the stable toolchain and runs each
# for a bounded time, printing executions and crashes per target.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 60 s, every target)
#
# Why libFuzzer and not AFL++ or cargo-fuzz: cargo-fuzz needs nightly only for
# -Zsanitizer; the coverage instrumentation itself (-Cpasses=sancov-module and
# the -sanitizer-coverage-* LLVM options) is available on stable rustc, and
# libfuzzer-sys compiles libFuzzer with the system C++ compiler. No nightly
# toolchain, no AFL++ build, in-process (fast) execution. Rust's own bounds
# and overflow checks (debug-assertions on) stand in for AddressSanitizer.
#
# Crashing inputs land in fuzz/artifacts/TARGET/; the growing corpus in
# fuzz/corpus/TARGET/ (seeded from fuzz/seeds/TARGET/ and corpora/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECS=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(stdref declaration ingest_text ingest_xlsx)
HOST=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR="$ROOT/fuzz/target"
# RUSTFLAGS reach only the --target artifacts, not build scripts and
# proc-macros (which must not be instrumented).
export RUSTFLAGS="-Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 --cfg fuzzing -Cdebug-assertions -Coverflow-checks -Cforce-frame-pointers"
(cd fuzz && cargo build --release --target "$HOST" --bins)
BIN="$CARGO_TARGET_DIR/$HOST/release"

seed() { # target: fill the working corpus from seeds and the bundled corpora
  local t=$1 dir="$ROOT/fuzz/corpus/$1"
  mkdir -p "$dir"
  [ -d "$ROOT/fuzz/seeds/$t" ] && cp -n "$ROOT/fuzz/seeds/$t"/* "$dir"/ 2>/dev/null || true
  case $t in
    ingest_text)
      local i=0
      for f in "$ROOT"/corpora/domestic/*.csv "$ROOT"/corpora/domestic/*.tsv "$ROOT"/corpora/international/*; do
        i=$((i + 1))
        # first byte selects the format (0 csv, 1 tsv, 2 jsonl) and side (bit 2)
        case $f in *.tsv) sel='\001' ;; *.jsonl) sel='\006' ;; */international/*) sel='\004' ;; *) sel='\000' ;; esac
        { printf "$sel"; head -c 4000 "$f"; } > "$dir/corpora-$i"
      done ;;
    ingest_xlsx)
      { printf '\000'; cat "$ROOT/corpora/domestic/platform_export.xlsx"; } > "$dir/platform_export" ;;
  esac
}

printf '%-12s %12s %8s %s\n' target executions crashes artifacts
SUMMARY=""
for t in "${TARGETS[@]}"; do
  seed "$t"
  art="$ROOT/fuzz/artifacts/$t"; mkdir -p "$art"
  before=$(find "$art" -type f | wc -l)
  log="$ROOT/fuzz/target/$t.log"
  # -fork keeps fuzzing after a crash so one run reports every crash found.
  set +e
  "$BIN/$t" "$ROOT/fuzz/corpus/$t" -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix="$art/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  after=$(find "$art" -type f | wc -l)
  line=$(printf '%-12s %12s %8s %s' "$t" "${execs:-?}" "$((after - before))" "$art (exit $rc)")
  echo "$line"
  SUMMARY+="$line"$'\n'
done
echo "logs: fuzz/target/*.log"
