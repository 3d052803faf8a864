#!/usr/bin/env python3
"""Reads a built site's feed.xml with feedparser (PyPI), the client most feed readers in Python
use, as served from BASE (the site's base_url, or any address when the site has none).

    python3 .ci/feed-client.py SITE_FOLDER BASE

Fails unless feedparser reads an Atom 1.0 feed without complaint (not "bozo"), whose
rel="self" link resolves to BASE + "feed.xml", whose alternate link is BASE + "index.html", and
whose every entry has a title, an id, a link below BASE and a parsed update time.
"""
import pathlib
import sys

import feedparser


def main() -> int:
    site, base = pathlib.Path(sys.argv[1]), sys.argv[2]
    url = base + "feed.xml"
    # As a server would send it: relative links resolve against the feed's own address.
    feed = feedparser.parse(
        (site / "feed.xml").read_bytes(),
        response_headers={"content-location": url, "content-type": "application/atom+xml"},
    )
    problems = []
    if feed.bozo:
        problems.append(f"not well-formed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"version {feed.version!r}, not atom10")
    links = {(l.get("rel"), l.get("href")) for l in feed.feed.get("links", [])}
    for rel, href in [("self", url), ("alternate", base + "index.html")]:
        if (rel, href) not in links:
            problems.append(f"no rel={rel} link to {href}: {sorted(links)}")
    if not feed.entries:
        problems.append("no entries")
    for e in feed.entries:
        if not (e.get("title") and e.get("id") and e.get("updated_parsed")):
            problems.append(f"entry without title, id or updated: {e.get('id')}")
        if not e.get("link", "").startswith(base):
            problems.append(f"entry link {e.get('link')!r} not below {base}")
    for p in problems:
        print(f"feed.xml: {p}", file=sys.stderr)
    if not problems:
        print(f"feed.xml: feedparser {feedparser.__version__} reads {len(feed.entries)} entries, self link {url}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
