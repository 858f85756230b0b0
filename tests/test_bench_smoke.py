"""The benchmarks still run (tiny sizes, no figures asserted: speed is measured in bench/, not here)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args, **env):
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def test_lint_throughput_bench_runs():
    result = run("bench/lint_throughput.py", "--words", "3000", "--repeat", "1", "--no-breakdown")
    assert result.returncode == 0, result.stderr
    assert "proselint" in result.stdout and "words/s" in result.stdout


def test_save_overhead_bench_runs():
    result = run("bench/save_overhead.py", "--saves", "2", "--words", "400",
                 DJANGO_SETTINGS_MODULE="cms.settings.test")
    assert result.returncode == 0, result.stderr
    assert "added by linting" in result.stdout
