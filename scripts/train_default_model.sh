#!/usr/bin/env bash
# Retrains the built-in matching models (EVAL.md §3) from a generated catalogue:
#   1. gen --seed 7 (20,000 records) against the real ISO + IEC + ITU-T catalogues;
#   2. match with declarations: learn and save the models;
#   3. match the same catalogue blind and choose each model's threshold
#      (for each: among the thresholds at which precision on the training
#      catalogue reaches 0.97, the one with the best F1);
#   4. write them into default_models() (src/matching/mod.rs) and
#      corpora/models/default_model.json.
# Usage: scripts/train_default_model.sh [DATA_DIR] (default ../shared/data). Rebuild afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(cd "${1:-../shared/data}" && pwd)
[ -f "$DATA/iso/iso_catalogue_relaton.csv" ] || { echo "no catalogues in $DATA" >&2; exit 2; }
cargo build --release -q
S=$PWD/target/release/stdalign
W=$(mktemp -d)
INTL=("$DATA/iso/iso_catalogue_relaton.csv" "$DATA/iec/iec_catalogue_relaton.csv" "$DATA/itu/itu_catalogue_relaton.csv")
cd "$W"
"$S" -q gen --international "${INTL[@]}" --count 20000 --seed 7 -o gen7
"$S" -q ingest --domestic gen7/domestic.csv --international "${INTL[@]}" --index idx >/dev/null
"$S" -q match --index idx --jobs 2 --save-model model.json -o declared.csv
"$S" -q match --index idx --jobs 2 --model model.json --ignore-declarations --min-score 0.02 -o blind.csv
python3 - "$W" <<'PY'
import csv, json, re, sys
w = sys.argv[1]
truth = {}
for r in csv.DictReader(open(f"{w}/gen7/truth.csv")):
    truth.setdefault(r["domestic"], set()).add(r["international"])
lang = {}
for r in csv.DictReader(open(f"{w}/gen7/truth_full.csv")):
    lang[r["domestic"]] = "zh" if r["chinese_only"] == "true" else "en"
def work(ref):
    ref = re.sub(r"\s*\(\d+(/\d+)?\).*$", "", ref)   # ITU dates
    return re.sub(r":\d{4}.*$", "", ref)
top = {}
for p in csv.DictReader(open(f"{w}/blind.csv")):
    if p["rank"] == "1":
        top[p["domestic"]] = (float(p["score"]), work(p["international"]), p["title_language"])
model = json.load(open(f"{w}/model.json"))
for key, lg in (("english", "en"), ("chinese", "zh")):
    best = None
    n_true = sum(1 for d in truth if lang.get(d) == lg)
    for step in range(5, 100):
        t = step / 100
        pred = [(d, wi) for d, (s, wi, l) in top.items() if l == lg and s >= t]
        ok = sum(1 for d, wi in pred if any(work(x) == wi for x in truth.get(d, ())))  # same spelling on both sides
        p = ok / len(pred) if pred else 1.0
        r = ok / n_true if n_true else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if p >= 0.97 and (best is None or f > best[3]):
            best = (t, p, r, f)
    t = best[0] if best else 0.99
    print(f"{key}: threshold {t:.2f} (blind on the training catalogue: P {best[1]:.3f} R {best[2]:.3f})" if best else f"{key}: 0.99")
    model[key]["threshold"] = t
json.dump(model, open(f"{w}/model_default.json", "w"), indent=1)
PY
cd - >/dev/null
python3 scripts/set_default_model.py "$W/model_default.json" \
  "trained by scripts/train_default_model.sh (gen --seed 7, 20,000 records, real ISO+IEC+ITU-T)"
mkdir -p corpora/models && cp "$W/model_default.json" corpora/models/default_model.json
echo "models written; rebuild with cargo build --release"
