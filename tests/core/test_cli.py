"""``python -m linting`` end to end, through a subprocess: formats, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HYPE = """Knee gel that ends joint pain

Our knee gel is a guaranteed cure for arthritis with no side effects.

Thousands of happy customers say it changed their lives.

Order today and feel the difference.
"""

CALM = """Walking and knee pain

Walking for half an hour on most days is a common suggestion for stiff knees.

Talk to a physiotherapist about a plan that suits you.
"""


def cli(*args, cwd=None, stdin=None, env=None):
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "linting", *map(str, args)],
        cwd=cwd or ROOT, input=stdin, capture_output=True, text=True, timeout=120,
        env={**full_env, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture()
def work(tmp_path):
    (tmp_path / "hype.txt").write_text(HYPE, encoding="utf-8")
    (tmp_path / "calm.txt").write_text(CALM, encoding="utf-8")
    return tmp_path


def rule_ids() -> list[str]:
    proc = cli("--list-rules")
    assert proc.returncode == 0, proc.stderr
    return [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]


def all_off_config(path: Path, keep=()) -> Path:
    lines = ["[rules]"] + [f'"{rid}" = "off"' for rid in rule_ids() if rid not in keep]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_one_line_error(proc, fragment):
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    err = proc.stderr.strip()
    assert "\n" not in err and "Traceback" not in err, err
    assert fragment in err, err


def test_list_rules_and_explain():
    ids = rule_ids()
    assert "claims.absolute" in ids and "metadata.author" in ids
    proc = cli("--list-rules")
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("claims.absolute "))
    assert " error " in line
    proc = cli("--explain", "claims.absolute")
    assert proc.returncode == 0
    for part in ("What it does", "Why is this bad?", "Example (fires)", "Use instead", "How to fix"):
        assert part in proc.stdout


def test_findings_exit_1_and_json_contract(work):
    proc = cli(work / "hype.txt", "--format", "json", "--no-network")
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"version", "documents", "summary"}
    (doc,) = out["documents"]
    assert doc["path"] == str(work / "hype.txt") and doc["title"] == "Knee gel that ends joint pain"
    rules = {f["rule"] for f in doc["findings"]}
    assert "claims.absolute" in rules
    assert out["summary"]["error"] == sum(f["severity"] == "error" for f in doc["findings"]) > 0


def test_fail_on_levels(work):
    assert cli(work / "hype.txt", "--fail-on", "never", "--no-network").returncode == 0
    cfg = all_off_config(work / "only-long.toml", keep=("readability.long-sentence",))
    long_text = "Long one\n\n" + " ".join(["word"] * 40) + " end.\n"
    (work / "long.txt").write_text(long_text, encoding="utf-8")
    base = ("--config", cfg, "--no-network", work / "long.txt")
    assert cli(*base).returncode == 0  # info finding, fail-on error
    assert cli(*base, "--fail-on", "info").returncode == 1
    assert cli(*base, "--fail-on", "warning").returncode == 0


def test_clean_exit_0_with_config(work):
    cfg = all_off_config(work / "vetted.toml", keep=("claims.absolute",))
    proc = cli(work / "calm.txt", "--no-network", cwd=work)  # discovered, not passed
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no findings" in proc.stdout
    proc = cli(work / "hype.txt", "--no-network", "--config", cfg)
    assert proc.returncode == 1


def test_text_output_grouped_no_ansi_when_piped(work):
    proc = cli(work / "hype.txt", work / "calm.txt", "--no-network")
    assert proc.returncode == 1
    assert "\033[" not in proc.stdout
    assert proc.stdout.startswith(f"{work / 'hype.txt'} — Knee gel that ends joint pain")
    assert "claims.absolute" in proc.stdout and "> Our knee gel is a guaranteed cure" in proc.stdout
    assert "2 documents checked:" in proc.stdout.splitlines()[-1]


def test_sarif_output_validates(work):
    from jsonschema import Draft4Validator

    proc = cli(work, "--format", "sarif", "--no-network")
    assert proc.returncode == 1
    sarif = json.loads(proc.stdout)
    shared = Path(os.environ.get("VETTED_SHARED_DIR", "/work/shared"))
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())
    errors = list(Draft4Validator(schema).iter_errors(sarif))
    assert not errors, [e.message for e in errors[:5]]
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "claims.absolute")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_junit_output(work):
    proc = cli(work / "hype.txt", work / "calm.txt", "--format", "junit", "--no-network")
    root = ET.fromstring(proc.stdout.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert len(suites) == 2
    names = {c.get("name") for c in suites[0].findall("testcase")}
    assert "claims.absolute" in names and "metadata.author" in names
    failing = {c.get("name") for c in suites[0].findall("testcase") if c.find("failure") is not None}
    assert "claims.absolute" in failing
    assert len(names) > len(failing)  # passing testcases for enabled rules without findings


def test_github_output(work):
    proc = cli(work / "hype.txt", "--format", "github", "--no-network")
    assert any(ln.startswith(f"::error file={work / 'hype.txt'},line=3,") and "title=claims.absolute" in ln
               for ln in proc.stdout.splitlines())


def test_output_file_and_stdin(work):
    target = work / "report.json"
    proc = cli("-", "--format", "json", "--output", target, "--no-network", stdin=HYPE)
    assert proc.returncode == 1 and proc.stdout == ""
    data = json.loads(target.read_text())
    assert data["documents"][0]["path"] == "<stdin>"
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]


def test_markdown_html_json_inputs(work):
    (work / "a.md").write_text("---\nauthor: Dr Kim Lo\n---\n# Gel\n\nThis gel is a guaranteed cure.\n", encoding="utf-8")
    (work / "b.html").write_text("<h1>Gel</h1><p>This gel is a guaranteed cure.</p>", encoding="utf-8")
    page = {"title": "Gel", "meta": {"type": "pages.ArticlePage"}, "author": {"name": "Dr Kim Lo"},
            "body": [{"type": "overview", "id": "x1", "value": {"heading": "About", "text": "<p>This gel is a guaranteed cure.</p>"}}]}
    (work / "c.json").write_text(json.dumps(page), encoding="utf-8")
    proc = cli(work / "a.md", work / "b.html", work / "c.json", "--format", "json", "--no-network")
    docs = json.loads(proc.stdout)["documents"]
    assert len(docs) == 3
    for doc in docs:
        assert "claims.absolute" in {f["rule"] for f in doc["findings"]}, doc
    json_doc = docs[2]
    assert any(f["block_id"] == "x1" for f in json_doc["findings"])
    assert "metadata.author" not in {f["rule"] for f in json_doc["findings"]}


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--format", "xml", "x.txt"], "invalid choice: 'xml'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        ([], "no PATH given"),
        (["missing.txt"], "missing.txt: no such file"),
        (["--explain", "claims.nothing"], "unknown rule 'claims.nothing'"),
    ],
)
def test_usage_errors_exit_2(work, args, fragment):
    assert_one_line_error(cli(*args, cwd=work), fragment)


def test_input_errors_exit_2(work):
    (work / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (work / "empty.txt").write_text("", encoding="utf-8")
    (work / "bad.json").write_text("{nope", encoding="utf-8")
    assert_one_line_error(cli(work / "bin.txt"), "bin.txt: binary file")
    assert_one_line_error(cli(work / "empty.txt"), "empty.txt: empty file")
    assert_one_line_error(cli(work / "bad.json"), "bad.json: malformed JSON")


def test_config_errors_exit_2(work):
    (work / "bad-key.toml").write_text("[thresholds]\ngrade = 7\n", encoding="utf-8")
    (work / "bad-value.toml").write_text('[thresholds]\nreading_grade = "high"\n', encoding="utf-8")
    (work / "bad-rule.toml").write_text('[rules]\n"claims.nope" = "off"\n', encoding="utf-8")
    assert_one_line_error(cli(work / "calm.txt", "--config", work / "bad-key.toml"), "[thresholds] grade: unknown key")
    assert_one_line_error(cli(work / "calm.txt", "--config", work / "bad-value.toml"),
                          'bad-value.toml: [thresholds] reading_grade: expected a number, got "high"')
    assert_one_line_error(cli(work / "calm.txt", "--config", work / "bad-rule.toml"), "claims.nope: unknown rule id")
    assert_one_line_error(cli(work / "calm.txt", "--config", work / "none.toml"), "config file not found")
    (work / "pyproject.toml").write_text("[tool.vetted.links]\nconcurrency = -1\n", encoding="utf-8")
    assert_one_line_error(cli(work / "calm.txt", cwd=work), "[links] concurrency")


def test_severity_override_from_config(work):
    cfg = work / "sev.toml"
    cfg.write_text('[rules]\n"claims.absolute" = "info"\n', encoding="utf-8")
    proc = cli(work / "hype.txt", "--format", "json", "--config", cfg, "--no-network", "--fail-on", "never")
    findings = json.loads(proc.stdout)["documents"][0]["findings"]
    assert {f["severity"] for f in findings if f["rule"] == "claims.absolute"} == {"info"}
