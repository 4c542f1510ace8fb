#!/usr/bin/env bash
# Crash safety of the index: kill -9 during ingest never leaves a half index,
# a reader running during a rebuild never sees an error, and a second writer
# is refused with the "locked" error (exit 2).
#
# Usage: scripts/crash_test.sh [TRIALS]        (default 20)
# Env:   STDALIGN_BIN  binary to test (default $CARGO_TARGET_DIR or target, /debug/stdalign, built by
#                      `cargo test`; it is built when missing)
#        CRASH_ROWS    rows of the generated domestic catalogue (default 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TRIALS=${1:-20}
ROWS=${CRASH_ROWS:-5000}
BIN=${STDALIGN_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/stdalign}
[ -x "$BIN" ] || cargo build --quiet --bin stdalign
W=$(mktemp -d)
trap 'jobs -p | xargs -r kill -9 2>/dev/null || true; rm -rf "$W"' EXIT
INTL=("$ROOT"/corpora/international/iso.csv "$ROOT"/corpora/international/iec.csv "$ROOT"/corpora/international/itu.csv)
fail() { echo "crash_test: FAIL: $*" >&2; exit 1; }

"$BIN" --quiet gen --international "${INTL[@]}" --count "$ROWS" --seed 1 -o "$W/gen" >/dev/null
DOM="$W/gen/domestic.csv"
PROBE=$(sed -n '2p' "$DOM" | cut -d, -f1 | tr -d '"')
ingest() { "$BIN" --quiet ingest --index "$1" --domestic "$DOM" --international "${INTL[@]}"; }
# In the background, as a direct child (so that $! is stdalign itself, not a subshell).
ingest_bg() { "$BIN" --quiet ingest --index "$1" --domestic "$DOM" --international "${INTL[@]}" >/dev/null 2>&1 & }

# Normal duration of one ingest, in ms (the range of the random kill point).
t0=$(date +%s%N)
ingest "$W/base" >/dev/null
DUR=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "crash_test: $ROWS domestic rows; one ingest takes ${DUR} ms; probe $PROBE"

# Checks an index directory after a kill: `show` must answer from a whole
# index, or say cleanly that there is none (only when there was none before).
check_after_kill() { # dir had_index
  local out rc
  set +e
  out=$("$BIN" show --index "$1" "$PROBE" 2>&1)
  rc=$?
  set -e
  case $out in *panicked*) fail "panic: $out" ;; esac
  if [ $rc -eq 0 ]; then
    return 0
  elif [ "$2" = no ] && [ $rc -eq 2 ] && [[ $out == *"no index at"* ]]; then
    return 0
  fi
  fail "after kill -9 (previous index: $2): show exited $rc: $out"
}

passed=0; killed=0
for i in $(seq 1 "$TRIALS"); do
  dir="$W/t$i"
  had=no
  if [ $((i % 2)) -eq 0 ]; then cp -r "$W/base" "$dir"; had=yes; fi
  delay=$(( RANDOM * 32768 + RANDOM ))
  delay=$(( delay % (DUR + 1) ))
  ingest_bg "$dir"
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  check_after_kill "$dir" "$had"
  # The next build cleans up after the crash and works.
  ingest "$dir" >/dev/null || fail "rebuild after a crash failed in $dir"
  gens=$(find "$dir" -maxdepth 1 -name 'gen-*' | wc -l)
  [ "$gens" -le 2 ] || fail "$gens generations left in $dir (at most the current and the previous)"
  "$BIN" show --index "$dir" "$PROBE" >/dev/null || fail "show after rebuild failed in $dir"
  passed=$((passed + 1))
  rm -rf "$dir"
done
echo "crash_test: kill -9 trials: $passed/$TRIALS passed ($killed killed mid-run, the rest had finished)"

# A reader in a loop while ingest rebuilds three times: never an error.
reads="$W/reads"; errors="$W/errors"; : >"$reads"; : >"$errors"
(
  while [ ! -e "$W/stop" ]; do
    if "$BIN" show --index "$W/base" "$PROBE" >/dev/null 2>"$W/reader.err"; then
      echo >>"$reads"
    else
      { echo "exit $?"; cat "$W/reader.err"; } >>"$errors"
    fi
  done
) &
reader=$!
for _ in 1 2 3; do ingest "$W/base" >/dev/null; done
touch "$W/stop"
wait "$reader"
[ -s "$errors" ] && fail "reader saw errors during rebuilds: $(head -5 "$errors")"
echo "crash_test: reader during 3 rebuilds: $(wc -l <"$reads") reads, 0 errors"

# Two writers: the second one fails with "locked", exit 2.
locked=0
for attempt in 1 2 3 4 5; do
  before=$(find "$W/base" -maxdepth 1 -name 'gen-*' | sort)
  ingest_bg "$W/base"
  first=$!
  # The first writer holds the lock once it creates its generation folder.
  for _ in $(seq 1 400); do
    now=$(find "$W/base" -maxdepth 1 -name 'gen-*' | sort)
    [ "$now" != "$before" ] && break
    sleep 0.01
  done
  set +e
  out=$("$BIN" --quiet ingest --index "$W/base" --domestic "$ROOT/corpora/domestic/miit_catalogue.csv" 2>&1)
  rc=$?
  set -e
  still=$(kill -0 "$first" 2>/dev/null && echo yes || echo no)
  wait "$first" || fail "the first writer failed"
  if [ $rc -eq 2 ] && [[ $out == *"locked by another writer"* ]]; then
    locked=1
    break
  fi
  [ "$still" = yes ] && [ $rc -eq 0 ] && fail "second writer succeeded while the first held the lock"
done
[ $locked -eq 1 ] || fail "never saw the locked error for a second writer"
echo "crash_test: second writer refused: exit 2, \"$out\""
"$BIN" show --index "$W/base" "$PROBE" >/dev/null || fail "index unusable after the concurrent writers"
echo "crash_test: OK"
