#!/usr/bin/env python3
"""Link-checker benchmark: Vetted's checker next to linkinator, linkchecker and lychee.

Runs the shared harness (``$VETTED_SHARED_DIR/bench/links/run_peers.sh`` and ``site.py``,
used by path, never copied) on the same generated site in the same run, plugging Vetted in
through ``EXTRA_CMD``, then measures a cold and a warm-cache run of Vetted on one site
instance. Prints one table per site size, Vetted first, and the goals met or missed.

    .venv/bin/python bench/links/run.py                  # default site + --pages 1000 --links 30
    .venv/bin/python bench/links/run.py --quick          # default site only
    .venv/bin/python bench/links/run.py --peers linkinator,linkchecker,lychee-files

Vetted reads the article HTML the site dumps (``--dump-dir``) with the base URL, the way the
CMS has pages in hand (lychee-files gets the same input); the crawlers start at ``/``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VETTED_SHARED_DIR", "/work/shared")) / "bench" / "links"
PYTHON = os.environ.get("VETTED_PYTHON") or (
    str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv" / "bin" / "python").exists() else sys.executable
)
DEFAULT_PEERS = "linkinator,linkchecker,lychee-files"
PEER_BINARIES = {
    "linkinator": "npm/node_modules/.bin/linkinator",
    "linkchecker": "venv/bin/linkchecker",
    "lychee-files": "venv/bin/lychee",
    "lychee": "venv/bin/lychee",
    "blc": "npm/node_modules/.bin/blc",
}


def vetted_cmd(html_dir: str, out: str, cache: str) -> str:
    return (
        f"cd {shlex.quote(str(REPO))} && PYTHONPATH={shlex.quote(str(REPO))} {shlex.quote(PYTHON)} "
        f"-m linting.core.links --html {shlex.quote(html_dir)} --base-url \"$BASE/\" "
        f"--allow-private 127.0.0.1 --out {out} --cache {cache}"
    )


def run_harness(results: Path, pages: int, links: int, peers: list[str], install: bool) -> list[dict]:
    """One run_peers.sh invocation: the peers and Vetted, each against a fresh site."""
    html_dir = results / "_html"
    env = dict(os.environ)
    env.update(
        RESULTS=str(results),
        EXTRA_NAME="vetted",
        EXTRA_FORMAT="generic-json",
        EXTRA_VERSION="dev",
        # $DIR is fresh for each tool, so the cache starts cold.
        EXTRA_CMD=vetted_cmd(str(html_dir), '"$OUT"', '"$DIR/links-cache.sqlite3"'),
        SITE_ARGS=f"--dump-dir {html_dir}",
    )
    cmd = [str(SHARED / "run_peers.sh"), "--pages", str(pages), "--links", str(links),
           "--results", str(results), "--only", ",".join(["vetted", *peers])]
    if not install:
        cmd.append("--skip-install")
    print(f"$ {' '.join(cmd)}", file=sys.stderr, flush=True)
    subprocess.run(cmd, env=env, check=False, stdout=subprocess.DEVNULL)
    rows = []
    for name in ["vetted", *peers]:
        path = results / name / "score.json"
        if path.exists():
            rows.append(json.loads(path.read_text()))
    return rows


def start_site(workdir: Path, pages: int, links: int) -> tuple[subprocess.Popen, str]:
    port_file = workdir / "port"
    proc = subprocess.Popen(
        [sys.executable, str(SHARED / "site.py"), "--pages", str(pages), "--links", str(links),
         "--seed", "1", "--port", "0", "--ready-file", str(port_file), "--truth", str(workdir / "truth.json"),
         "--dump-dir", str(workdir / "html"), "--max-seconds", "600"],
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        if port_file.exists() and port_file.read_text().strip():
            return proc, f"http://127.0.0.1:{port_file.read_text().strip()}"
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("site.py did not start")


def stop_site(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def cold_and_warm(pages: int, links: int) -> dict:
    """Vetted twice on one site instance with one cache file: cold, then warm."""
    with tempfile.TemporaryDirectory(prefix="vetted-links-") as tmp:
        work = Path(tmp)
        proc, base = start_site(work, pages, links)
        try:
            out = {}
            for label in ("cold", "warm"):
                cmd = vetted_cmd(str(work / "html"), str(work / f"{label}.json"), str(work / "cache.sqlite3"))
                started = time.perf_counter()
                subprocess.run(["bash", "-c", cmd], env=dict(os.environ, BASE=base), check=True)
                wall = time.perf_counter() - started
                data = json.loads((work / f"{label}.json").read_text())
                out[label] = {"wall_s": wall, "check_s": data["seconds"], "requests": data["requests"],
                              "from_cache": data["from_cache"], "checked": data["checked"],
                              "broken": len(data["broken"])}
            return out
        finally:
            stop_site(proc)


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n### {title}\n")
    print("| tool | version | wall s | CPU s | peak MiB | requests | broken found / truly broken | false positives |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        fp = str(r["false_positives"])
        if r.get("fp_by_category"):
            fp += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(r["fp_by_category"].items())) + ")"
        print(f"| {r['tool']} | {r.get('version') or ''} | {r.get('wall_s', '?')} | {r.get('cpu_s', '?')} | "
              f"{r.get('peak_mib', '?')} | {r.get('server_requests', '?')} | {r['found']} / {r['truly_broken']} | {fp} |")


def goals(rows: list[dict], factor: float | None) -> list[str]:
    vetted = next((r for r in rows if r["tool"] == "vetted"), None)
    peers = [r for r in rows if r["tool"] != "vetted" and "wall_s" in r and not r.get("timed_out")]
    if vetted is None or not peers:
        return ["no comparison (a tool did not run)"]
    lines = [
        f"all truly broken found: {'yes' if vetted['found'] == vetted['truly_broken'] else 'NO'} "
        f"({vetted['found']}/{vetted['truly_broken']}); false positives: {vetted['false_positives']}"
    ]
    fastest = min(peers, key=lambda r: r["wall_s"])
    ratio = vetted["wall_s"] / fastest["wall_s"]
    target = f"<= {factor}x" if factor else "< 1x"
    met = ratio <= factor if factor else all(vetted["wall_s"] < p["wall_s"] for p in peers)
    lines.append(f"wall {vetted['wall_s']} s = {ratio:.2f}x the fastest peer ({fastest['tool']} {fastest['wall_s']} s); "
                 f"goal {target}: {'met' if met else 'MISSED'}")
    for p in sorted(peers, key=lambda r: r["wall_s"]):
        lines.append(f"  vs {p['tool']}: {vetted['wall_s'] / p['wall_s']:.2f}x")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", default=DEFAULT_PEERS, help=f"comma list (default {DEFAULT_PEERS})")
    ap.add_argument("--quick", action="store_true", help="default site only")
    ap.add_argument("--results", default="/tmp/vetted-bench-links", help="where the harness writes")
    ap.add_argument("--install", action="store_true", help="let run_peers.sh install missing peers")
    args = ap.parse_args()
    if not (SHARED / "run_peers.sh").exists():
        print(f"shared harness not found under {SHARED} (set VETTED_SHARED_DIR)", file=sys.stderr)
        return 2
    prefix = Path(os.environ.get("PREFIX", "/tmp/vetted-bench-peers"))
    peers = [p for p in args.peers.split(",") if p]
    missing = [p for p in peers if p in PEER_BINARIES and not (prefix / PEER_BINARIES[p]).exists()]
    install = args.install or bool(missing)
    if missing:
        print(f"installing missing peers {missing} under {prefix} (run_peers.sh)", file=sys.stderr)

    sizes = [(200, 20, 0.75)] if args.quick else [(200, 20, 0.75), (1000, 30, None)]
    summary = {}
    for pages, links, factor in sizes:
        results = Path(args.results) / f"n{pages}-k{links}"
        shutil.rmtree(results, ignore_errors=True)
        results.mkdir(parents=True)
        rows = run_harness(results, pages, links, peers, install)
        install = False
        rows.sort(key=lambda r: (r["tool"] != "vetted", r.get("wall_s", 1e9)))
        warm = cold_and_warm(pages, links)
        title = f"--pages {pages} --links {links} (seed 1)"
        print_table(title, rows)
        print()
        for line in goals(rows, factor):
            print(line)
        cold, hot = warm["cold"], warm["warm"]
        print(
            f"cache: cold {cold['wall_s']:.2f} s wall ({cold['check_s']:.3f} s in process, {cold['requests']} requests); "
            f"warm {hot['wall_s']:.2f} s wall ({hot['check_s']:.3f} s in process, {hot['requests']} requests, "
            f"{hot['from_cache']}/{hot['checked']} from cache) = {100 * hot['wall_s'] / cold['wall_s']:.1f}% of cold wall, "
            f"{100 * hot['check_s'] / cold['check_s']:.1f}% in process; goal <= 5%"
        )
        summary[title] = {"rows": rows, "cache": warm}
    out = Path(args.results) / "summary.json"
    out.write_text(json.dumps(summary, indent=1))
    print(f"\n(raw: {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
