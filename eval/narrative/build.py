#!/usr/bin/env python3
"""Builds tune.jsonl and holdout.jsonl from passages.txt.

    python3 eval/narrative/build.py

A passage starts with a line "== DOC_ID DCT" and runs to the next one; lines starting with "#"
before the first passage are comments. In the text, [[span|VALUE]] marks a DATE and
[[span|VALUE|TYPE]] a TIME, DURATION or SET. Offsets are Python string indices (code points)
into the text with the marks removed, as the TempEval-3 JSONL has them.

The holdout third is fixed by a hash of the doc id, not by reading the passages: the ids are
ordered by the SHA-1 of the id and the first third (rounded) is held out.
"""
import hashlib
import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)(?:\|(DATE|TIME|DURATION|SET))?\]\]")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def parse(text):
    docs = []
    for block in re.split(r"^== ", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        doc_id, dct = head.split()
        date.fromisoformat(dct)
        body = body.strip("\n") + "\n"
        out, timexes, pos = [], [], 0
        plain_len = 0
        for m in MARK.finditer(body):
            chunk = body[pos : m.start()]
            out.append(chunk)
            plain_len += len(chunk)
            span, value, kind = m.group(1), m.group(2), m.group(3) or "DATE"
            timexes.append(
                {
                    "start": plain_len,
                    "end": plain_len + len(span),
                    "text": span,
                    "type": kind,
                    "value": value,
                }
            )
            out.append(span)
            plain_len += len(span)
            pos = m.end()
        out.append(body[pos:])
        plain = "".join(out)
        assert "[[" not in plain and "]]" not in plain, doc_id
        for t in timexes:
            assert plain[t["start"] : t["end"]] == t["text"], (doc_id, t)
            check_weekday(doc_id, t)
        docs.append(
            {
                "doc_id": doc_id,
                "dct": dct,
                "dct_value": dct,
                "source": "narrative",
                "text": plain,
                "timexes": timexes,
            }
        )
    return docs


def check_weekday(doc_id, t):
    """A weekday named in a DATE or TIME must be the weekday of its value."""
    words = re.findall(r"[a-z]+", t["text"].lower())
    named = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", t["value"])
    if named and m and t["type"] in ("DATE", "TIME"):
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        assert day.weekday() == named[0], (doc_id, t, day.strftime("%A"))


def main():
    docs = parse((HERE / "passages.txt").read_text(encoding="utf-8"))
    ids = sorted((hashlib.sha1(d["doc_id"].encode()).hexdigest(), d["doc_id"]) for d in docs)
    n_hold = round(len(docs) / 3)
    hold = {doc_id for _, doc_id in ids[:n_hold]}
    for name, keep in (("tune", lambda d: d["doc_id"] not in hold), ("holdout", lambda d: d["doc_id"] in hold)):
        part = [d for d in docs if keep(d)]
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in part:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        words = sum(len(d["text"].split()) for d in part)
        n = sum(len(d["timexes"]) for d in part)
        print(f"{name}: {len(part)} passages, {words} words, {n} timexes", file=sys.stderr)
    for d in docs:
        print(f"  {d['doc_id']:<22} {d['dct']} {len(d['text'].split()):>4} words {len(d['timexes']):>3} timexes"
              f"{'  (holdout)' if d['doc_id'] in hold else ''}", file=sys.stderr)


if __name__ == "__main__":
    main()
