#!/usr/bin/env python3
"""Driver of bench/compare.sh: generates corpora, times the engines interleaved with hyperfine,
measures peak memory with /usr/bin/time -v and what each wrote (site bytes, largest file, largest
HTML page), and prints the ratios. Every build is from scratch: before each run, the output
folder and every cache the engine keeps are removed (ours is `.report-cache/` in the project, so
the build extracts every article, renders every page and fills its cache, as a first build does).
Python 3, standard library."""
import argparse, json, os, shutil, statistics, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument("sizes", nargs="+")
p.add_argument("--report", required=True)
p.add_argument("--hugo", required=True)
p.add_argument("--zola")
p.add_argument("--gen", required=True)
p.add_argument("--runs", type=int, default=5)
p.add_argument("--work", default="/dev/shm/report-bench")
p.add_argument("--disk-work", default="target/bench")
a = p.parse_args()
sizes = [int(s) for arg in a.sizes for s in arg.split()]

def engines(corpus, out):
    cmds = {
        # A first build: no cache (removed by `caches` below), every claim extracted, every page
        # rendered, the cache filled.
        "report": [a.report, "build", "--root", f"{corpus}/report", "--out", f"{out}/report"],
        "hugo": [a.hugo, "--source", f"{corpus}/hugo", "--destination", f"{out}/hugo", "--quiet",
                 "--ignoreCache"],
    }
    if a.zola:
        cmds["zola"] = [a.zola, "--root", f"{corpus}/zola", "build", "--output-dir", f"{out}/zola", "--force"]
    return cmds

def caches(corpus, name):
    """What an engine keeps between builds of the project, removed before each run: our cache;
    Hugo's generated resources (its file cache lives outside the project: `--ignoreCache`). Zola
    keeps nothing."""
    return {"report": [f"{corpus}/report/.report-cache"],
            "hugo": [f"{corpus}/hugo/resources/_gen"]}.get(name, [])

def clean(corpus, out, name):
    shutil.rmtree(f"{out}/{name}", ignore_errors=True)
    for path in caches(corpus, name):
        shutil.rmtree(path, ignore_errors=True)

def site_size(folder):
    """Bytes of every file under `folder` (a file linked twice counted once), the largest file and
    the largest HTML page, each as (bytes, path relative to `folder`)."""
    total, seen, largest, largest_html = 0, set(), (0, ""), (0, "")
    for dirpath, _, files in os.walk(folder):
        for f in files:
            path = os.path.join(dirpath, f)
            st = os.lstat(path)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            total += st.st_size
            rel = os.path.relpath(path, folder)
            largest = max(largest, (st.st_size, rel))
            if f.endswith(".html"):
                largest_html = max(largest_html, (st.st_size, rel))
    return total, largest, largest_html

def mb(n):
    return f"{n / 1e6:,.1f} MB"

def peak_rss_mb(cmd):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split()[-1]) / 1024
    return float("nan")

def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

def rebuilds(corpus, out):
    """report's incremental builds, on a copy of the corpus: a build with the cache filled, then
    rebuilds with nothing changed and after appending a sentence to one article."""
    # On disk, not tmpfs: a rebuild holds the published site and its replacement at once, which
    # at 50,000 articles does not fit in memory beside the build.
    work = os.path.join(a.disk_work, f"incremental-{os.path.basename(corpus)}")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(f"{corpus}/report/content", f"{work}/content")
    cmd = [a.report, "build", "--root", work, "--out", f"{work}/site"]
    first = timed(cmd)
    unchanged = statistics.median(timed(cmd) for _ in range(max(a.runs, 3)))
    articles = sorted(os.listdir(f"{work}/content/articles"))
    edits = []
    for i in range(max(a.runs, 3)):
        with open(f"{work}/content/articles/{articles[(i * 7919) % len(articles)]}", "a") as f:
            f.write(f"\nOfficials said on 3 May 2024 that {40 + i} more ships were seized.\n")
        edits.append(timed(cmd))
    shutil.rmtree(work, ignore_errors=True)
    return first, unchanged, statistics.median(edits)

rows = []
incremental = []
for n in sizes:
    corpus = f"{a.work}/corpus-{n}"
    out = f"{a.work}/out-{n}"
    if not os.path.isdir(f"{corpus}/report"):
        print(f"generating {n} articles ...", flush=True)
        subprocess.run([sys.executable, a.gen, "-n", str(n), "--format", "report,zola,hugo", "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL)
    cmds = engines(corpus, out)
    times = {k: [] for k in cmds}
    # Interleaved rounds: every engine once per round, output folders removed before each run.
    for r in range(a.runs):
        args = ["hyperfine", "--runs", "1", "--style", "none", "--export-json", f"{a.work}/round.json"]
        for name, cmd in cmds.items():
            removed = " ".join([f"{out}/{name}"] + caches(corpus, name))
            args += ["--prepare", f"rm -rf {removed}", "-n", name, " ".join(cmd)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        for res in json.load(open(f"{a.work}/round.json"))["results"]:
            times[res["command"]].append(res["mean"])
    mem, size = {}, {}
    for name, cmd in cmds.items():
        clean(corpus, out, name)
        mem[name] = peak_rss_mb(cmd)
        size[name] = site_size(f"{out}/{name}")
    med = {k: statistics.median(v) for k, v in times.items()}
    rows.append((n, med, mem, size))
    print(f"{n:,} articles: " + ", ".join(f"{k} {med[k]:.2f} s, {mem[k]:.0f} MB" for k in med), flush=True)
    for name in cmds:
        total, (big, big_path), (page, page_path) = size[name]
        print(f"  {name}: site {mb(total)}, largest file {big_path} {mb(big)}, "
              f"largest HTML page {page_path} {mb(page)}", flush=True)
        clean(corpus, out, name)
    incremental.append((n, rebuilds(corpus, out)))

names = list(rows[0][1]) if rows else []
print()
print("| articles | " + " | ".join(f"{k} time, peak" for k in names) + " | report/hugo time | report/hugo memory" +
      (" | report/zola time | report/zola memory" if "zola" in names else "") + " |")
print("|---" * (1 + len(names) + (4 if "zola" in names else 2)) + "|")
for n, med, mem, _ in rows:
    cells = [f"{med[k]:.2f} s, {mem[k]:.0f} MB" for k in names]
    ratios = [f"{med['report']/med['hugo']:.2f}x", f"{mem['report']/mem['hugo']:.2f}x"]
    if "zola" in names:
        ratios += [f"{med['report']/med['zola']:.2f}x", f"{mem['report']/mem['zola']:.2f}x"]
    print(f"| {n:,} | " + " | ".join(cells + ratios) + " |")
print(f"\nmedian of {a.runs} interleaved runs (hyperfine), each from scratch (output and caches removed), "
      f"peak memory from /usr/bin/time -v; output on {a.work}")
print("\nwhat each engine wrote (a file linked twice counted once):\n")
print("| articles | engine | site | largest file | largest HTML page | site/hugo |")
print("|---|---|---|---|---|---|")
for n, _, _, size in rows:
    for name in names:
        total, (big, big_path), (page, page_path) = size[name]
        print(f"| {n:,} | {name} | {mb(total)} | {mb(big)} `{big_path}` | {mb(page)} `{page_path}` | "
              f"{total / size['hugo'][0]:.2f}x |")
print("\nreport's incremental builds (median whole-process wall time):\n")
print("| articles | cold cache build | nothing changed | one article edited |")
print("|---|---|---|---|")
for n, (first, unchanged, edited) in incremental:
    print(f"| {n:,} | {first:.2f} s | {unchanged:.3f} s | {edited:.2f} s |")
