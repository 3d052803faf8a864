#!/usr/bin/env python3
"""Checks a figure gold file against its documents before scoring (format only, no extractor).

usage: check_gold.py GOLD.yaml ARTICLE_DIR
Prints one line per problem and a summary; exits 1 when there is a problem.
"""
import os
import sys

import yaml

QUALIFIERS = {"approximately", "more than", "at least", "up to", "nearly", "less than"}
KINDS = {"level", "change", "percent", "money", "ratio"}
FIELDS = {"value", "alt_value", "unit", "qualifier", "kind", "sign", "said_by", "series",
          "optional", "context"}


def as_list(v):
    return v if isinstance(v, list) else [v]


def main():
    gold_path, art_dir = sys.argv[1], sys.argv[2]
    gold = yaml.safe_load(open(gold_path)) or {}
    problems = 0
    figures = 0
    for name, entry in gold.items():
        where = f"{gold_path}: {name}"
        path = os.path.join(art_dir, name)
        if not os.path.exists(path):
            print(f"{where}: no such file in {art_dir}")
            problems += 1
            continue
        text = open(path, encoding="utf-8").read()
        for s in (entry or {}).get("non_figures") or []:
            if str(s) not in text:
                print(f"{where}: non_figure not in text: {s!r}")
                problems += 1
        for i, f in enumerate((entry or {}).get("figures") or []):
            figures += 1
            at = f"{where}: figure {i + 1} ({f.get('value')!r})"
            extra = set(f) - FIELDS
            if extra:
                print(f"{at}: unknown fields {sorted(extra)}")
                problems += 1
            try:
                float(f["value"])
            except (KeyError, TypeError, ValueError):
                print(f"{at}: value is not a number")
                problems += 1
            if "context" in f and str(f["context"]) not in text:
                print(f"{at}: context not in text: {f['context']!r}")
                problems += 1
            if not f.get("optional") and not f.get("series"):
                print(f"{at}: no series on a non-optional figure")
                problems += 1
            if "sign" in f and f["sign"] not in (1, -1):
                print(f"{at}: sign must be 1 or -1")
                problems += 1
            for q in as_list(f.get("qualifier") or []):
                if q not in QUALIFIERS:
                    print(f"{at}: qualifier {q!r} not one of {sorted(QUALIFIERS)}")
                    problems += 1
            for k in as_list(f.get("kind") or []):
                if k not in KINDS:
                    print(f"{at}: kind {k!r} not one of {sorted(KINDS)}")
                    problems += 1
    print(f"{len(gold)} files, {figures} figures, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
