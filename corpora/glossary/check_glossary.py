#!/usr/bin/env python3
"""Validate corpora/glossary/zh_en.tsv and print a summary.

Usage: python3 check_glossary.py [path/to/zh_en.tsv]
Exit status 0 if the file passes all checks, 1 otherwise.
"""
import collections
import os
import re
import sys

HEADER = ["zh", "en", "field", "note"]
FIELDS = {
    "00": "general vocabulary", "01": "generalities", "03": "services/management",
    "07": "sciences", "11": "health care", "13": "environment/safety",
    "17": "metrology", "19": "testing", "21": "mechanical systems",
    "23": "fluid systems", "25": "manufacturing", "27": "energy",
    "29": "electrical engineering", "31": "electronics", "33": "telecommunications",
    "35": "information technology", "37": "image technology", "39": "precision mechanics/jewellery",
    "43": "road vehicles",
    "45": "railway", "47": "shipbuilding", "49": "aircraft/space",
    "53": "materials handling", "55": "packaging", "59": "textiles",
    "61": "clothing", "65": "agriculture", "67": "food", "71": "chemical technology",
    "73": "mining/minerals", "75": "petroleum", "77": "metallurgy", "79": "wood", "81": "glass/ceramics",
    "83": "rubber/plastics", "85": "paper", "87": "paints",
    "91": "construction materials", "93": "civil engineering", "95": "military engineering",
    "97": "domestic equipment",
}
MIN_PAIRS = 1800

# Characters allowed in an English rendering (ASCII-ish).
EN_CHARS = re.compile(r"^[A-Za-z0-9 \-/'(),.+|]+$")
# A word containing capitals must look like an acronym/symbol: >= 2 capitals
# (SDH, IoT, PVC-U, GC-MS, PM2.5), a capital + digits (5G, 3D),
# or a single capital letter joined by a hyphen (X-ray, O-rings, H-beams).
ACRONYM = re.compile(r"^(?:.*[A-Z].*[A-Z].*|[0-9]*[A-Z][0-9]+.*|[0-9]+[A-Z].*|[A-Z]-[a-z].*|[a-z]+-[A-Z]+)$")
WHITELIST = {"pH"}
# zh must contain at least one CJK ideograph.
CJK = re.compile(r"[\u3400-\u9fff]")
FORBIDDEN_ZH = re.compile(r"第\s*[0-9一二三四五六七八九十]+\s*部分|[、，,;；\s]")


def check(path):
    errors = []
    warn = []
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        errors.append("file starts with a BOM")
        raw = raw[1:]
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        errors.append("line 1: header must be %r" % "\t".join(HEADER))
    seen = {}
    per_field = collections.Counter()
    alt_count = 0
    notes = 0
    for no, line in enumerate(lines[1:], start=2):
        if line.endswith("\r"):
            errors.append("line %d: CR line ending" % no)
            line = line[:-1]
        cols = line.split("\t")
        if len(cols) != 4:
            errors.append("line %d: expected 4 tab-separated columns, got %d" % (no, len(cols)))
            continue
        zh, en, field, note = cols
        if not zh.strip():
            errors.append("line %d: empty zh" % no)
        if not en.strip():
            errors.append("line %d: empty en" % no)
        if zh != zh.strip() or en != en.strip():
            errors.append("line %d: leading/trailing whitespace" % no)
        if zh and not CJK.search(zh):
            errors.append("line %d: zh %r contains no Chinese character" % (no, zh))
        if FORBIDDEN_ZH.search(zh):
            errors.append("line %d: zh %r contains a part number, whitespace or list punctuation" % (no, zh))
        if zh in seen:
            errors.append("line %d: duplicate zh %r (first on line %d)" % (no, zh, seen[zh]))
        else:
            seen[zh] = no
        if field not in FIELDS:
            errors.append("line %d: invalid field %r" % (no, field))
        else:
            per_field[field] += 1
        if en:
            if not EN_CHARS.match(en):
                errors.append("line %d: en %r has non-ASCII or unexpected characters" % (no, en))
            alts = en.split("|")
            if len(alts) > 1:
                alt_count += 1
            if any(not a.strip() or a != a.strip() for a in alts):
                errors.append("line %d: empty or padded alternative in %r" % (no, en))
            if len(set(alts)) != len(alts):
                errors.append("line %d: repeated alternative in %r" % (no, en))
            for alt in alts:
                if "  " in alt:
                    errors.append("line %d: double space in %r" % (no, alt))
                for word in re.split(r"[ /]", alt):
                    if any(c.isupper() for c in word) and word not in WHITELIST \
                            and not ACRONYM.match(word):
                        errors.append("line %d: %r is not lowercase and not an acronym" % (no, word))
        if note:
            notes += 1
    total = len(seen)
    if total < MIN_PAIRS:
        errors.append("only %d distinct pairs (minimum %d)" % (total, MIN_PAIRS))

    print("file: %s" % path)
    print("distinct zh terms: %d" % total)
    print("entries with alternatives: %d; with notes: %d" % (alt_count, notes))
    print("per field:")
    for f in sorted(per_field):
        print("  %s %-24s %5d" % (f, FIELDS[f], per_field[f]))
    for w in warn:
        print("WARNING: " + w)
    if errors:
        for e in errors[:200]:
            print("ERROR: " + e)
        print("FAILED: %d error(s)" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zh_en.tsv")
    sys.exit(check(sys.argv[1] if len(sys.argv) > 1 else default))
