"""The linter core and file adapters must run without Django: import them all and check."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import linting

ROOT = Path(linting.__file__).resolve().parent.parent
EXCLUDED = {"linting.sources.wagtail"}


def module_names() -> list[str]:
    names = []
    for package in ("linting.core", "linting.sources"):
        folder = ROOT.joinpath(*package.split("."))
        names.append(package)
        for info in pkgutil.walk_packages([str(folder)], prefix=package + "."):
            if info.name not in EXCLUDED:
                names.append(info.name)
    return names


def test_module_list_is_complete():
    names = module_names()
    for expected in ("linting.core.engine", "linting.core.reporters.sarif", "linting.sources.files",
                     "linting.sources.apijson", "linting.core.config_file"):
        assert expected in names


def test_core_and_sources_do_not_import_django():
    names = module_names()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "from linting.core.registry import load_builtin_rules\n"
        "load_builtin_rules()\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.') or m.startswith('wagtail'))\n"
        "print(','.join(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"Django imported by core/sources: {proc.stdout} {proc.stderr[-2000:]}"
