#!/usr/bin/env python3
"""Merges new term lines into corpora/glossary/zh_en.tsv.

Usage: scripts/glossary_merge.py [--vocab CATALOGUE.csv]... NEW.tsv...

Each NEW.tsv has the glossary's columns (zh, en, field, note; header line).
A new zh is appended as a line; a zh already in the glossary gets the new
English renderings appended to its `en` cell (its field stays). With
--vocab, an English rendering that is not a word of any catalogue title but
becomes one with a final `s` (`porou` -> `porous`, a stemming artefact of
scripts/glossary_gaps.py) is corrected. Run check_glossary.py afterwards.
"""
import argparse, csv, re, sys

ap = argparse.ArgumentParser()
ap.add_argument("--glossary", default="corpora/glossary/zh_en.tsv")
ap.add_argument("--vocab", action="append", default=[], help="catalogue CSV (repeatable)")
ap.add_argument("new", nargs="+")
a = ap.parse_args()

vocab = set()
csv.field_size_limit(1 << 24)
for p in a.vocab:
    for r in csv.DictReader(open(p, encoding="utf-8")):
        vocab.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-']*", r.get("title_en") or ""))

lines = open(a.glossary, encoding="utf-8").read().rstrip("\n").split("\n")
header, rows = lines[0], [l.split("\t") for l in lines[1:]]
by_zh = {r[0]: r for r in rows}
added = extended = fixed = 0


def fix(w):
    global fixed
    if vocab and " " not in w and w.lower() not in vocab and (w + "s").lower() in vocab:
        fixed += 1
        return w + "s"
    return w


for path in a.new:
    for i, line in enumerate(open(path, encoding="utf-8")):
        cols = line.rstrip("\n").split("\t")
        if i == 0 and cols[0] == "zh":
            continue
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            continue
        cols += [""] * (4 - len(cols))
        zh = cols[0].strip()
        ens = []
        for e in cols[1].split("|"):
            e = fix(e.strip())
            if e and e not in ens:
                ens.append(e)
        if zh in by_zh:
            cur = by_zh[zh][1].split("|")
            new = [e for e in ens if e not in cur]
            if new:
                by_zh[zh][1] = "|".join(cur + new)
                extended += 1
        else:
            r = [zh, "|".join(ens), cols[2].strip() or "00", cols[3].strip()]
            rows.append(r)
            by_zh[zh] = r
            added += 1

with open(a.glossary, "w", encoding="utf-8", newline="\n") as f:
    f.write(header + "\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(f"{added} terms added, {extended} extended with new renderings, {fixed} renderings corrected; {len(rows)} terms",
      file=sys.stderr)
