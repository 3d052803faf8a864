#!/usr/bin/env bash
# Concurrent builds of one project: after each round the site must be complete and identical
# (`diff -r`) to a clean build of the same content, with no `.site.staging-*` or `.site.old-*`
# folder left beside it.
#
#   bench/concurrent.sh [ROUNDS]        default 20 rounds of each kind
#
# A 1,000-article project comes from ../shared/bench/gen_corpus.py (seed 1). Each round puts one
# article in its other version (original, or with one sentence added), so that every round has
# real work to do: one article to extract again and the whole site to write.
# - build/build: two `report build` started RANDOM 0–0.8 s apart;
# - serve/build: one `report serve` (started once; it rebuilds when it sees the change) against
#   a `report build` started 0–0.8 s after the change; the round ends when serve has reported
#   its rebuild.
# Both versions have a clean reference build (a fresh copy, no cache). The site's only
# build-time content is the build date (the footer's "Built YYYY-MM-DD" and DTSTAMP in
# chronology.ics); SOURCE_DATE_EPOCH fixes it, so the comparison excludes no file.
#
# Environment: REPORT (default target/release/report of this tree), WORK (scratch folder, default
# a new temporary one, kept for inspection), SHARED (default ../shared), SEED (offsets; default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}
REPORT=${REPORT:-$PWD/target/release/report}
SHARED=${SHARED:-../shared}
WORK=${WORK:-$(mktemp -d /tmp/report-concurrent.XXXXXX)}
RANDOM=${SEED:-1}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1733443200}
[ -x "$REPORT" ] || { echo "no binary at $REPORT (cargo build --release)" >&2; exit 2; }
mkdir -p "$WORK"
P=$WORK/project
echo "work folder: $WORK"

rm -rf "$P" "$WORK/ref-a" "$WORK/ref-b" "$WORK/gen"
python3 "$SHARED/bench/gen_corpus.py" -n 1000 --seed 1 --format report --out "$WORK/gen" >/dev/null
cp -r "$WORK/gen" "$P"
EDIT=content/articles/$(ls "$P/content/articles" | sed -n 1p)
cp "$P/$EDIT" "$WORK/version-a.md"
{ cat "$WORK/version-a.md"; printf '\nThe ministry said 12 more ships would follow on 3 March 2024.\n'; } \
    >"$WORK/version-b.md"

# The clean references: a fresh copy of each version, built once without a cache.
for v in a b; do
    cp -r "$WORK/gen" "$WORK/ref-$v"
    cp "$WORK/version-$v.md" "$WORK/ref-$v/$EDIT"
    "$REPORT" build --root "$WORK/ref-$v" --quiet
done
echo "references: $(find "$WORK/ref-a/site" -type f | wc -l) files (version a), $(find "$WORK/ref-b/site" -type f | wc -l) (version b)"

offset() { awk -v r="$RANDOM" 'BEGIN { printf "%.3f", r / 32767 * 0.8 }'; }

# Compares the project's site with the reference of version $1; prints the verdict.
check() {
    local v=$1 verdict=identical leftovers
    if ! diff -r "$WORK/ref-$v/site" "$P/site" >"$WORK/last.diff" 2>&1; then
        verdict="DIFFERENT ($(grep -c '' "$WORK/last.diff") diff lines, see $WORK/last.diff)"
    fi
    leftovers=$(find "$P" -maxdepth 1 \( -name '.site.staging-*' -o -name '.site.old-*' \) -printf '%f ')
    [ -z "$leftovers" ] || verdict="$verdict; LEFT: $leftovers"
    echo "$(find "$P/site" -type f 2>/dev/null | wc -l) files, $verdict"
}

# Puts version $1 of the article in place in one rename, so that serve never sees half a file.
put() { cp "$WORK/version-$1.md" "$WORK/next.md" && mv "$WORK/next.md" "$P/$EDIT"; }

passed=0
version=a
echo "== build/build"
for r in $(seq 1 "$ROUNDS"); do
    version=$([ "$version" = a ] && echo b || echo a)
    put "$version"
    off=$(offset)
    "$REPORT" build --root "$P" >"$WORK/b1.out" 2>"$WORK/b1.err" &
    p1=$!
    sleep "$off"
    "$REPORT" build --root "$P" >"$WORK/b2.out" 2>"$WORK/b2.err" &
    p2=$!
    rc1=0; wait "$p1" || rc1=$?
    rc2=0; wait "$p2" || rc2=$?
    result=$(check "$version")
    [[ $result == *", identical" && $rc1 == 0 && $rc2 == 0 ]] && passed=$((passed + 1))
    echo "round $r: version $version, second build after ${off}s, exit $rc1/$rc2, $result"
    echo "  first:  $(paste -sd '|' "$WORK/b1.err")"
    echo "  second: $(paste -sd '|' "$WORK/b2.err")"
done
echo "build/build: $passed of $ROUNDS rounds passed"

# serve/build
results() { grep -c -E 'wrote [0-9]+ files|nothing changed|build failed|^error:' "$WORK/serve.err" || true; }
"$REPORT" serve --root "$P" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
serve=$!
trap 'kill "$serve" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ "$(results)" -ge 1 ] && break; sleep 0.2; done
echo "== serve/build (serve pid $serve, $(head -n 1 "$WORK/serve.out"))"
spassed=0
for r in $(seq 1 "$ROUNDS"); do
    before=$(results)
    seen=$(grep -c '' "$WORK/serve.err" || true)
    version=$([ "$version" = a ] && echo b || echo a)
    put "$version"
    off=$(offset)
    sleep "$off"
    rc=0
    "$REPORT" build --root "$P" >"$WORK/b.out" 2>"$WORK/b.err" || rc=$?
    # serve polls every 300 ms: wait for its rebuild to be reported (at most 5 minutes).
    for _ in $(seq 1 1500); do [ "$(results)" -gt "$before" ] && break; sleep 0.2; done
    if [ "$(results)" -gt "$before" ]; then
        result=$(check "$version")
    else
        result="serve reported no rebuild"
    fi
    [[ $result == *", identical" && $rc == 0 ]] && spassed=$((spassed + 1))
    echo "round $r: version $version, build after ${off}s, exit $rc, $result"
    echo "  serve:  $(tail -n +$((seen + 1)) "$WORK/serve.err" | paste -sd '|')"
    echo "  build:  $(paste -sd '|' "$WORK/b.err")"
done
kill "$serve" 2>/dev/null || true
wait "$serve" 2>/dev/null || true
trap - EXIT
echo "serve/build: $spassed of $ROUNDS rounds passed"
echo "build/build: $passed of $ROUNDS rounds passed"
