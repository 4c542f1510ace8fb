#!/usr/bin/env python3
"""Which title words does the glossary not cover?  A maintenance aid for
corpora/glossary/zh_en.tsv (see corpora/glossary/README.md, "Extending").

Reads international catalogue CSVs (columns `title_en`, `ics_codes`), segments
every distinct English title the way the generator's English -> Chinese
translation does (title elements split on " - ", "Part n:" dropped, greedy
longest phrase match against the glossary's English column, singular and
plural fall-backs) and counts the content words no glossary phrase covers.

Usage: scripts/glossary_gaps.py [--top N] [--glossary TSV] CATALOGUE.csv...
Prints TSV: word, titles containing it uncovered, main ICS field, an example title.
"""
import argparse, collections, csv, re, sys

STOP = set("a an the and or of for in on to by with from at as its their into under between other than using based part general specific".split())


def tokenize(s):
    out = []
    for w in s.split():
        cur = ""
        for c in w:
            if c in ',;:()[]"':
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(c)
            else:
                cur += c
        if cur:
            out.append(cur)
    return out


def singular(p):
    head, _, last = p.rpartition(" ")
    if last.endswith("ies"):
        s = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches")):
        s = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        s = last[:-1]
    else:
        return None
    return f"{head} {s}" if head else s


def is_content(w):
    return sum(c.isalpha() for c in w) > 2 and w not in STOP and not any(c.isdigit() for c in w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--glossary", default="corpora/glossary/zh_en.tsv")
    ap.add_argument("catalogues", nargs="+")
    a = ap.parse_args()
    phrases = set()
    maxw = 1
    for i, line in enumerate(open(a.glossary, encoding="utf-8")):
        if i == 0:
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2:
            continue
        for alt in cols[1].split("|"):
            k = " ".join(t.lower() for t in tokenize(alt.strip()))
            if k:
                phrases.add(k)
                maxw = max(maxw, k.count(" ") + 1)
    titles = {}
    csv.field_size_limit(1 << 24)
    for path in a.catalogues:
        for r in csv.DictReader(open(path, encoding="utf-8")):
            t = (r.get("title_en") or "").strip()
            if t and not r.get("reference", "").startswith("ITU-R"):
                titles.setdefault(t, (r.get("ics_codes") or "")[:2])
    count = collections.Counter()
    fields = collections.defaultdict(collections.Counter)
    example = {}
    words_total = words_covered = 0
    for title, field in titles.items():
        seen = set()
        for el in re.split(r"\s+[-–—]+\s+", title):
            el = re.sub(r"^Part\s+[\w-]+:\s*", "", el.strip())
            keys = [w.lower() for w in tokenize(el)]
            i = 0
            while i < len(keys):
                k = keys[i]
                hit = 0
                lo = 2 if k in STOP else 1
                for n in range(min(maxw, len(keys) - i), lo - 1, -1):
                    p = " ".join(keys[i:i + n])
                    if p in phrases or singular(p) in phrases or p + "s" in phrases:
                        hit = n
                        break
                if hit:
                    c = sum(is_content(w) for w in keys[i:i + hit])
                    words_total += c
                    words_covered += c
                    i += hit
                    continue
                if is_content(k):
                    words_total += 1
                    w = singular(k) if singular(k) and k.endswith("s") else k
                    if w not in seen:
                        seen.add(w)
                        count[w] += 1
                        fields[w][field or "??"] += 1
                        example.setdefault(w, title)
                i += 1
    print(f"# {len(titles)} distinct titles; content words covered {words_covered}/{words_total} "
          f"= {words_covered / max(1, words_total):.3f}; distinct uncovered words {len(count)}", file=sys.stderr)
    top = count.most_common(a.top)
    cum = sum(n for _, n in top)
    print(f"# top {len(top)} uncovered words account for {cum} of {sum(count.values())} uncovered (word, title) occurrences",
          file=sys.stderr)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["word", "titles", "field", "example"])
    for word, n in top:
        w.writerow([word, n, fields[word].most_common(1)[0][0], example[word]])


if __name__ == "__main__":
    main()
