#!/usr/bin/env python3
"""Consistency checks for the bundled stdalign sample corpus (run from anywhere).

Checks: headers and column counts of every CSV/TSV (broken_rows.csv: only the documented bad row
may be short), GB18030 decoding, XLSX readability (if openpyxl is installed), no duplicate references
inside one international file, joint ISO/IEC documents written identically in iso.csv and iec.csv
(IEC amendment spelling /AMD1:), every truth.csv international reference present in the international
files, every truth.csv domestic number present in a domestic file, ISO Open Data id chains consistent,
number of MIIT sector codes covered.
"""
import csv, json, os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INTL = os.path.join(ROOT, "international")
DOM = os.path.join(ROOT, "domestic")
csv.field_size_limit(10**7)
errors = []
def err(msg): errors.append(msg); print("ERROR:", msg)

HDR = "reference,doctype,title_en,title_fr,ics_codes,ics_titles,committee,published,stage,edition,obsoleted_date,obsoletes,obsoleted_by,url,source_file".split(",")
ZH = ["标准号","中文标准名称","英文标准名称","国际标准分类号","中国标准分类号","发布日期","实施日期","状态","代替标准","采标情况","采用程度","主管部门","归口单位"]
EN = ["number","title_zh","title_en","ics","ccs","published","implemented","status","replaces","adoption","degree","department","committee"]
MIIT_CODES = {"YD","SJ","QC","JB","HG","SH","YB","YS","XB","JC","FZ","QB","BB","CB","HB","QJ","WJ","EJ"}

def read_rows(path, header, delimiter=",", encoding="utf-8", allow_short=0):
    with open(path, encoding=encoding, newline="") as fh:
        rows = list(csv.reader(fh, delimiter=delimiter))
    if rows[0] != header:
        err(f"{os.path.basename(path)}: header mismatch {rows[0]}")
    short = [i for i, r in enumerate(rows[1:], 2) if len(r) != len(header)]
    if len(short) > allow_short:
        err(f"{os.path.basename(path)}: rows with wrong column count at lines {short}")
    return [dict(zip(header, r)) for r in rows[1:] if len(r) == len(header)], short

# --- international
intl = {}
for name, hdr in (("iso.csv", HDR), ("iec.csv", HDR), ("itu.csv", HDR + ["sector", "twin_reference"])):
    rows, _ = read_rows(os.path.join(INTL, name), hdr)
    refs = [r["reference"] for r in rows]
    dups = {x for x in refs if refs.count(x) > 1}
    if dups: err(f"{name}: duplicate references {sorted(dups)}")
    for r in rows:
        if r["source_file"] != "corpora": err(f"{name}: source_file not 'corpora' for {r['reference']}")
    intl[name] = {r["reference"]: r for r in rows}
    print(f"{name}: {len(rows)} rows")
print("international total:", sum(len(v) for v in intl.values()))

iso_joint = {k for k in intl["iso.csv"] if k.startswith("ISO/IEC")}
iec_joint = {k for k in intl["iec.csv"] if k.startswith("ISO/IEC")}
to_iec = lambda ref: re.sub(r"/Amd (\d+):", r"/AMD\1:", re.sub(r"/Cor (\d+):", r"/COR\1:", ref))
both = [k for k in iso_joint if to_iec(k) in iec_joint]
missing_in_iso = [k for k in iec_joint if k not in {to_iec(x) for x in iso_joint}]
if missing_in_iso: err(f"joint docs in iec.csv but not iso.csv: {missing_in_iso}")
if len(both) < 8: err(f"only {len(both)} joint ISO/IEC documents in both files")
for k in both:
    a, b = intl["iso.csv"][k], intl["iec.csv"][to_iec(k)]
    if a["title_en"] != b["title_en"]: err(f"joint title differs: {k}")
print("joint ISO/IEC documents in both files:", len(both))
for r in intl["itu.csv"].values():
    if r["stage"] not in ("Published", "Withdrawal"): err(f"itu stage {r['stage']}")
print("ITU rows with twin_reference:", sum(1 for r in intl["itu.csv"].values() if r["twin_reference"]))
all_intl = set().union(*[set(v) for v in intl.values()])

# --- ISO Open Data
od = [json.loads(l) for l in open(os.path.join(INTL, "iso_opendata.jsonl"), encoding="utf-8") if l.strip()]
ids = {r["id"]: r for r in od}
need = {"id","deliverableType","supplementType","reference","publicationDate","edition","icsCode","ownerCommittee","currentStage","replaces","replacedBy","title"}
for r in od:
    if set(r) != need: err(f"opendata fields {r['reference']}: {set(r) ^ need}")
    if r["reference"] in intl["iso.csv"]: err(f"opendata duplicates iso.csv: {r['reference']}")
    for x in r["replaces"] or []:
        if x not in ids or r["id"] not in (ids[x]["replacedBy"] or []): err(f"opendata chain broken {r['id']}->{x}")
    for x in r["replacedBy"] or []:
        if x not in ids or r["id"] not in (ids[x]["replaces"] or []): err(f"opendata chain broken {r['id']}<-{x}")
print("iso_opendata.jsonl:", len(od), "records")

# --- domestic
def norm(num):
    s = unicodedata.normalize("NFKC", num).strip()
    s = re.sub("[\u2010-\u2015\u2212\uFE63\uFF0D]", "-", s).replace("\u2215", "/")
    s = re.sub(r"^GBT ", "GB/T ", s)
    s = re.sub(r"^(GB(?:/T)? \d+(?:\.\d+)*)-(\d{2})$", lambda m: m.group(1) + "-19" + m.group(2), s)
    s = re.sub(r"/(ISO|IEC).*$", "", s)   # double number
    return s
dom = {}
def add(fname, rows, key):
    for r in rows:
        dom.setdefault(norm(r[key]), []).append(fname)
rows, _ = read_rows(os.path.join(DOM, "miit_catalogue.csv"), ZH); add("miit_catalogue.csv", rows, "标准号")
main_rows = rows
print("miit_catalogue.csv:", len(rows), "rows")
raw = open(os.path.join(DOM, "miit_catalogue.csv"), "rb").read()
if raw.startswith(b"\xef\xbb\xbf"): err("miit_catalogue.csv has a BOM")
rows, _ = read_rows(os.path.join(DOM, "gb_catalogue_gb18030.csv"), ZH, encoding="gb18030"); add("gb_catalogue_gb18030.csv", rows, "标准号")
try:
    open(os.path.join(DOM, "gb_catalogue_gb18030.csv"), encoding="utf-8").read(); err("gb18030 file is valid UTF-8 (should not be)")
except UnicodeDecodeError:
    pass
print("gb_catalogue_gb18030.csv:", len(rows), "rows")
rows, _ = read_rows(os.path.join(DOM, "english_headers.tsv"), EN, delimiter="\t"); add("english_headers.tsv", rows, "number")
print("english_headers.tsv:", len(rows), "rows")
rows, short = read_rows(os.path.join(DOM, "broken_rows.csv"), ZH, allow_short=1); add("broken_rows.csv", rows, "标准号")
print("broken_rows.csv:", len(rows) + len(short), "rows (", len(short), "short )")
try:
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(DOM, "platform_export.xlsx"))
    ws = wb.worksheets[0]
    vals = list(ws.iter_rows(values_only=True))
    if list(vals[0]) != ZH: err("xlsx header mismatch")
    xr = [dict(zip(ZH, v)) for v in vals[1:]]
    add("platform_export.xlsx", [{"标准号": str(r["标准号"])} for r in xr], "标准号")
    if not any(not isinstance(r["发布日期"], str) for r in xr): err("xlsx: no Excel date cell")
    print("platform_export.xlsx:", len(xr), "rows")
except ImportError:
    print("openpyxl not installed: xlsx not checked")

codes = {}
for r in main_rows:
    m = re.match(r"^([A-Z]{2})\b|^([A-Z]{2})/", norm(r["标准号"]))
    c = norm(r["标准号"]).split(" ")[0].split("/")[0]
    if c in MIIT_CODES: codes[c] = codes.get(c, 0) + 1
print("MIIT sector codes in miit_catalogue.csv:", len(codes), dict(sorted(codes.items())))
if len(codes) < 8: err("fewer than 8 MIIT sector codes")
empty = sum(1 for r in main_rows if not r["采标情况"].strip())
print(f"miit_catalogue.csv rows with empty 采标情况: {empty}/{len(main_rows)}; empty 英文标准名称: {sum(1 for r in main_rows if not r['英文标准名称'])}")
print("状态 values:", sorted({r['状态'] for r in main_rows}))

# --- truth
with open(os.path.join(ROOT, "truth.csv"), encoding="utf-8", newline="") as fh:
    truth = list(csv.DictReader(fh))
for t in truth:
    if t["international"] not in all_intl: err(f"truth international not in catalogues: {t['international']}")
    if t["domestic"] not in dom: err(f"truth domestic not in domestic files: {t['domestic']}")
    if t["degree"] not in ("IDT","MOD","NEQ","EQV","REF","UNDECLARED"): err(f"bad degree {t['degree']}")
pairs = [(t["domestic"], t["international"]) for t in truth]
if len(pairs) != len(set(pairs)): err("duplicate truth pairs")
print("truth.csv:", len(truth), "pairs;", "degrees", {d: sum(1 for t in truth if t['degree']==d) for d in sorted({t['degree'] for t in truth})})

print("\nOK" if not errors else f"\n{len(errors)} error(s)")
sys.exit(1 if errors else 0)
