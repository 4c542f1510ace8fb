#!/usr/bin/env python3
# Writes the models of a `stdalign match --save-model` JSON file into
# default_models() in src/matching/mod.rs (the built-in models).
# Usage: scripts/set_default_model.py MODEL.json "description of the training run"
import json, re, sys

model = json.load(open(sys.argv[1]))
what = sys.argv[2]
path = "src/matching/mod.rs"
src = open(path).read()
start = src.index("pub fn default_models() -> (Model, Model) {")
end = src.index("\n}\n", start) + 3


def lit(m, lang):
    ws = ", ".join(f"{float(w):.4}" for w in m["weights"])
    return (f"Model {{\n        bias: {float(m['bias']):.4},\n        weights: vec![{ws}],\n"
            f"        origin: \"built-in: {lang}, {m['origin']}; {what}\".into(),\n"
            f"        threshold: {float(m.get('threshold', 0.5)):.2},\n    }}")


body = ("pub fn default_models() -> (Model, Model) {\n"
        f"    let en = {lit(model['english'], 'English-titled')};\n"
        f"    let zh = {lit(model['chinese'], 'Chinese-only')};\n"
        "    debug_assert_eq!(en.weights.len(), N_FEATURES);\n    (en, zh)\n}\n")
open(path, "w").write(src[:start] + body + src[end:])
