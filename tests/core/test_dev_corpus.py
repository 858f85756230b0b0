"""Runs the corpus scorer against the dev set and the project's held-out set; asserts the targets.

The scorer lives in the shared folder (VETTED_SHARED_DIR, default /work/shared); the linter is
called in-process through a tiny command so the test stays fast.
"""

import json
import os
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("VETTED_SHARED_DIR", "/work/shared"))
CORPUS = SHARED / "corpus"
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (CORPUS / "score.py").exists() or not (CORPUS / "dev" / "labels").is_dir(),
    reason=f"labelled corpus not found under {CORPUS} (set VETTED_SHARED_DIR)",
)

RUNNER = """
import json, sys
sys.path.insert(0, {repo!r})
from linting.core.engine import lint_documents
from linting.sources.txt import parse_txt
paths = [a for a in sys.argv[1:] if not a.startswith("--")]
docs = [parse_txt(open(p, encoding="utf-8").read(), p) for p in paths]
print(json.dumps(lint_documents(docs).to_dict()))
"""


SETS = {
    "dev": (CORPUS / "dev" / "articles", CORPUS / "dev" / "labels"),
    # Written and labelled for this project to the same guideline, on other topics.
    "heldout": (REPO / "tests" / "fixtures" / "heldout" / "articles", REPO / "tests" / "fixtures" / "heldout" / "labels"),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def metrics(request, tmp_path_factory):
    articles, labels = SETS[request.param]
    runner = tmp_path_factory.mktemp("runner") / "run.py"
    runner.write_text(RUNNER.format(repo=str(REPO)))
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(CORPUS / "score.py"), "--articles", str(articles),
         "--labels", str(labels), "--cmd", f"{sys.executable} {runner}", "--cwd", str(REPO),
         "--json", "--jobs", "4"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_claims_unsupported_targets(metrics):
    claims = metrics["claims_unsupported"]
    assert claims["precision"] >= 0.90, claims
    assert claims["recall"] >= 0.85, claims


def test_article_level_decisions_all_right(metrics):
    article = metrics["article_level"]
    for rule in ("disclaimer.missing", "disclaimer.incomplete", "disclosure.commercial", "balance.no-risks"):
        assert article[rule]["accuracy"] == 1.0, (rule, article[rule])


def test_dangling_links(metrics):
    dangling = metrics["links_dangling"]
    assert dangling["recall"] >= 0.85, dangling
    assert dangling["unmatched_findings"] <= 1, dangling
