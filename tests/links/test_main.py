"""The stand-alone entry point the benchmark drives: HTML files in, broken URLs out."""

from __future__ import annotations

import json
import subprocess
import sys

from linting.core.links.__main__ import anchors


def test_anchor_scan():
    page = """<p>See <a class="x" href="/a?b=1&amp;c=2">the <em>dosage</em> table</a> and
    <a href='#top'>top</a>, <a name="x">no href</a>, <A HREF=https://example.org/>ext</A>.</p>"""
    assert [(link.url, link.text) for link in anchors(page)] == [
        ("/a?b=1&c=2", "the dosage table"),
        ("#top", "top"),
        ("https://example.org/", "ext"),
    ]


def test_html_directory_run(server, tmp_path):
    pages = tmp_path / "html"
    pages.mkdir()
    (pages / "a1.html").write_text('<a href="/ok">fine</a> <a href="/404">gone</a> <a href="/frag#absent">x</a>')
    (pages / "a2.html").write_text('<a href="/ok">fine again</a> <a href="mailto:x@example.org">mail</a>')
    out = tmp_path / "out.json"
    cmd = [sys.executable, "-m", "linting.core.links", "--html", str(pages), "--base-url", server.origin + "/",
           "--allow-private", "127.0.0.1", "--out", str(out), "--cache", str(tmp_path / "c.sqlite3")]
    subprocess.run(cmd, check=True)
    data = json.loads(out.read_text())
    assert sorted(b["url"] for b in data["broken"]) == [server.origin + "/404", server.origin + "/frag#absent"]
    assert data["checked"] == 3 and data["requests"] == 3
    subprocess.run(cmd, check=True)
    again = json.loads(out.read_text())
    assert again["requests"] == 0 and again["from_cache"] == 3
