#!/usr/bin/env bash
# End-to-end timings of the stdalign binary on the real ISO + IEC + ITU-T
# catalogues (../shared/data) and generated domestic catalogues.
#
# Usage: benches/e2e.sh            (from the repository root or anywhere)
# Knobs (environment):
#   RUNS=3                  runs per timed command (medians are reported)
#   SIZES="10000 30000 100000"   domestic catalogue sizes for the match scaling series
#   BIG=100000              the size used for ingest, --jobs 1, report, find, incremental
#   JOBS1_SIZES="$BIG"      sizes also matched with --jobs 1
#   FIND_BENCH=1            run the criterion `find` bench on the BIG index
#   INCREMENTAL=1           time the 300-edited-rows re-run
#   STDALIGN_BENCH_TMP=DIR  work directory (kept); default: a new mktemp dir
#
# Prints a markdown table (paste it into BENCHMARKS.md); progress on stderr.
# Each row carries the 1-minute load average at its start: the machine is
# shared, so a load above ~0.7 on 2 cores inflates wall times (CPU time is
# less affected and is reported too).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/../shared/data"
if [ ! -d "$DATA/iso" ] || [ ! -d "$DATA/iec" ] || [ ! -d "$DATA/itu" ]; then
    echo "benches/e2e.sh: $DATA (real ISO/IEC/ITU-T catalogues) is absent; skipping the end-to-end benchmark" >&2
    exit 0
fi
RUNS="${RUNS:-3}"
BIG="${BIG:-100000}"
SIZES="${SIZES:-10000 30000 $BIG}"
JOBS1_SIZES="${JOBS1_SIZES:-$BIG}"
FIND_BENCH="${FIND_BENCH:-1}"
INCREMENTAL="${INCREMENTAL:-1}"
TMP="${STDALIGN_BENCH_TMP:-$(mktemp -d /tmp/stdalign-e2e.XXXXXX)}"
mkdir -p "$TMP"
INTL=("$DATA/iso/iso_catalogue_relaton.csv" "$DATA/iec/iec_catalogue_relaton.csv" "$DATA/itu/itu_catalogue_relaton.csv")
log() { echo "[e2e $(date +%H:%M:%S)] $*" >&2; }

if [ ! -x /usr/bin/time ]; then
    log "installing GNU time (for peak memory)"
    (apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1) || {
        echo "benches/e2e.sh: /usr/bin/time is missing and could not be installed (apt-get install time)" >&2
        exit 2
    }
fi

log "building release once"
cargo build --release --quiet
# A private copy: other builds in the same target dir cannot swap the binary mid-run.
BIN="$TMP/stdalign"
cp target/release/stdalign "$BIN"

ROWS_FILE="$TMP/rows.md"
: >"$ROWS_FILE"
PEAK_KB=0

# measure LABEL RUNS CMD... : runs CMD, appends "| label | median wall | median cpu | peak RSS | load |".
measure() {
    local label="$1" runs="$2"
    shift 2
    local walls=() cpus=() rss=0 load
    load="$(cut -d' ' -f1 /proc/loadavg)"
    for ((i = 1; i <= runs; i++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$TMP/time.out" "$@" >"$TMP/cmd.out" 2>"$TMP/cmd.err" || {
            local rc=$?
            if [ "$rc" -ne 1 ]; then
                log "FAILED ($rc): $*"
                tail -5 "$TMP/cmd.err" >&2
                echo "| $label | failed (exit $rc) | | | $load |" >>"$ROWS_FILE"
                return 0
            fi
        }
        read -r w u s m < <(tail -1 "$TMP/time.out")
        walls+=("$w")
        cpus+=("$(echo "$u + $s" | bc -l)")
        if [ "$m" -gt "$rss" ]; then rss="$m"; fi
    done
    local mw mc
    mw="$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
    mc="$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
    if [ "$rss" -gt "$PEAK_KB" ]; then PEAK_KB="$rss"; fi
    log "$label: median wall ${mw}s, cpu ${mc}s, peak $((rss / 1024)) MiB (load $load, runs $runs)"
    printf '| %s | %.2f s | %.2f s | %d MiB | %s |\n' "$label" "$mw" "$mc" "$((rss / 1024))" "$load ($runs runs)" >>"$ROWS_FILE"
}

gen() { # gen N -> $TMP/genN/domestic.csv (not timed)
    local n="$1"
    if [ ! -s "$TMP/gen$n/domestic.csv" ]; then
        log "generating $n domestic records"
        "$BIN" -q gen --international "${INTL[@]}" --count "$n" --seed 1 -o "$TMP/gen$n" >/dev/null
    fi
}

ALL_SIZES="$(printf '%s\n' $SIZES "$BIG" | sort -n -u)"
for n in $ALL_SIZES; do
    gen "$n"
    r=1
    [ "$n" = "$BIG" ] && r="$RUNS"
    measure "ingest real ISO+IEC+ITU + $n domestic" "$r" \
        "$BIN" -q ingest --index "$TMP/idx$n" --international "${INTL[@]}" --domestic "$TMP/gen$n/domestic.csv"
done

for n in $ALL_SIZES; do
    if printf '%s\n' $SIZES | grep -qx "$n"; then
        r=1
        [ "$n" = "$BIG" ] && r="$RUNS"
        measure "match $n --jobs 2" "$r" "$BIN" -q match --index "$TMP/idx$n" --jobs 2 -o "$TMP/pairs$n.csv"
    fi
    if printf '%s\n' $JOBS1_SIZES | grep -qx "$n"; then
        measure "match $n --jobs 1" "$RUNS" "$BIN" -q match --index "$TMP/idx$n" --jobs 1 -o "$TMP/pairs$n.j1.csv"
    fi
done

if "$BIN" report --help >/dev/null 2>&1; then
    # The report command's arguments may change while it is being written:
    # REPORT_ARGS overrides the guess.
    read -r -a RARGS <<<"${REPORT_ARGS:---index $TMP/idx$BIG --pairs $TMP/pairs$BIG.csv -o $TMP/report$BIG}"
    measure "report $BIG" "$RUNS" "$BIN" -q report "${RARGS[@]}"
else
    log "no 'report' subcommand in this build: skipped"
    echo "| report $BIG | not measured: no \`report\` subcommand yet | | | |" >>"$ROWS_FILE"
fi

# find: wall time of the binary (process start + index open + catalogue load + query).
DOM_NUM="$(sed -n '2p' "$TMP/gen$BIG/domestic.csv" | cut -d, -f1)"
DOM_NUM2="$(sed -n '50001p' "$TMP/gen$BIG/domestic.csv" | cut -d, -f1)"
for q in "$DOM_NUM" "$DOM_NUM2" "ISO 9001" "Information security management systems - Requirements" "金属材料 拉伸试验 第1部分：室温试验方法"; do
    measure "find binary \"$q\"" "$RUNS" "$BIN" -q find --index "$TMP/idx$BIG" "$q"
done

if [ "$FIND_BENCH" = 1 ]; then
    log "criterion find bench on the $BIG index"
    STDALIGN_BENCH_INDEX="$TMP/idx$BIG" cargo bench --quiet --bench find 2>/dev/null | tee "$TMP/find_bench.out" | grep -E "find latency|time:" >&2 || true
fi

if [ "$INCREMENTAL" = 1 ]; then
    # 300 rows edited (English title reworded, or Chinese title when there is no English one).
    python3 - "$TMP/gen$BIG/domestic.csv" "$TMP/edited.csv" "$TMP/edited_only.csv" <<'PY'
import csv, sys
src, out, only = sys.argv[1:4]
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
step = max(1, len(body) // 300)
edited = []
for i in range(0, step * 300, step):
    r = body[i]
    if r[2]:
        r[2] = r[2] + " - Amendment: revised requirements"
    else:
        r[1] = r[1] + "（修订）"
    edited.append(r)
for path, data in ((out, body), (only, edited)):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
PY
    measure "re-run after 300 edits: ingest $BIG (full rebuild)" 1 \
        "$BIN" -q ingest --index "$TMP/idx_edit" --international "${INTL[@]}" --domestic "$TMP/edited.csv"
    measure "re-run after 300 edits: match $BIG --jobs 2 (full run)" 1 \
        "$BIN" -q match --index "$TMP/idx_edit" --jobs 2 -o "$TMP/pairs_edit.csv"
    measure "incremental estimate: ingest international + the 300 edited rows" 1 \
        "$BIN" -q ingest --index "$TMP/idx_300" --international "${INTL[@]}" --domestic "$TMP/edited_only.csv"
    measure "incremental estimate: match the 300 edited rows --jobs 2" 1 \
        "$BIN" -q match --index "$TMP/idx_300" --jobs 2 -o "$TMP/pairs_300.csv"
fi

echo
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(rustc --version); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)'); $(date -u +%Y-%m-%d)"
echo
echo "| step | median wall | median CPU (user+sys) | peak RSS | load at start (runs) |"
echo "|---|---|---|---|---|"
cat "$ROWS_FILE"
echo
echo "Whole pipeline peak RSS: $((PEAK_KB / 1024)) MiB"
if [ -s "$TMP/find_bench.out" ]; then
    echo
    echo '```'
    grep -E "find latency" "$TMP/find_bench.out" || true
    echo '```'
fi
log "work directory kept: $TMP"
