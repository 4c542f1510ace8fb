#!/usr/bin/env bash
# Blind title-only check on real national titles (EVAL.md §2b): the 29 seed
# adoption pairs of ../shared/data/cn/seed, numbers kept, declarations and
# ICS absent, each title in the column of its language (21 Chinese, 8
# English), matched against the real ISO + IEC + ITU-T catalogues.
# Usage: scripts/eval_seed_titles.sh [DATA_DIR] (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(cd "${1:-../shared/data}" && pwd)
SEED="$DATA/cn/seed/cn_intl_adoption_seed.csv"
[ -f "$SEED" ] || { echo "no seed pairs in $DATA" >&2; exit 2; }
cargo build --release -q
S=$PWD/target/release/stdalign
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 - "$SEED" "$W" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
with open(f"{sys.argv[2]}/domestic.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["标准号", "中文标准名称", "英文标准名称"])
    for r in rows:
        zh = re.search(r"[\u4e00-\u9fff]", r["cn_title"])
        w.writerow([r["cn_standard"], r["cn_title"] if zh else "", "" if zh else r["cn_title"]])
with open(f"{sys.argv[2]}/truth.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["domestic", "international", "degree"])
    for r in rows:
        w.writerow([r["cn_standard"], r["intl_standard"], r["degree"]])
PY
"$S" -q ingest --domestic "$W/domestic.csv" --international "$DATA/iso/iso_catalogue_relaton.csv" \
  "$DATA/iec/iec_catalogue_relaton.csv" "$DATA/itu/itu_catalogue_relaton.csv" --index "$W/idx" >/dev/null
"$S" -q match --index "$W/idx" --min-score 0 -o "$W/pairs.csv"
"$S" eval --pairs "$W/pairs.csv" --truth "$W/truth.csv" --domestic "$W/domestic.csv" | sed -n '1,8p'
