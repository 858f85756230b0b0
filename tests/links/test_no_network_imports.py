"""A cache-only run must not need the HTTP stack: --no-network works where httpx is broken."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_no_network_run_does_not_import_httpx(tmp_path):
    code = textwrap.dedent(
        f"""
        import sys
        from linting.core.config import Config
        from linting.core.document import Document, Link, Section
        from linting.core.links import results_for
        doc = Document(path="p", title="t", sections=[Section(kind="other", text="x",
                       links=[Link(url="https://example.org/a", text="a")])])
        run = results_for([doc], Config(), network=False, cache_path={str(tmp_path / "c.sqlite3")!r})
        assert run.unchecked == ["https://example.org/a"], run
        assert "httpx" not in sys.modules
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=".")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
