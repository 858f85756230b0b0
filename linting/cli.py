"""``python -m linting``: lint article files and report, with exit codes CI scripts rely on.

Exit 0 when no finding is at or above ``--fail-on`` (default ``error``), 1 when one is, 2 for a
usage, config or input error (one line on stderr, no traceback). Heavy modules (rules, parsers,
reporters) are imported only once the arguments are known, so ``--help`` and errors are fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

PROG = "python -m linting"
FORMATS = ("text", "json", "sarif", "junit", "github")
FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments, config or input: exit 2 with this one-line message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of usage + error
        raise UsageError(f"{message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=PROG,
        description="Lint health articles (.txt, .md, .html, Wagtail API .json; '-' for stdin).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint; '-' reads stdin")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--config", metavar="FILE", help="config file (default: vetted.toml or pyproject [tool.vetted], searched upward)")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--no-network", action="store_true", help="do not fetch external links (cached results still apply)")
    p.add_argument("--no-cache", action="store_true", help="ignore and do not write the link-check cache")
    p.add_argument("--base-url", metavar="URL", help="URL that relative links resolve against")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    p.add_argument("--list-rules", action="store_true", help="list rules with their default severity and exit")
    p.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    return p


def _list_rules(config) -> str:
    from linting.core.registry import registry

    rows = []
    for rule in registry:
        state = config.rules.get(rule.id)
        note = f" (configured: {state})" if state else ""
        rows.append(f"{rule.id:<28} {str(rule.severity):<8} {rule.summary}{note}")
    return "\n".join(rows) + "\n"


def _explain(rule_id: str) -> str:
    from linting.core.registry import registry

    if rule_id not in registry:
        raise UsageError(f"unknown rule {rule_id!r} (see --list-rules)")
    rule = registry.get(rule_id)
    parts = [f"{rule.id} ({rule.severity}{', needs network' if rule.needs_network else ''})", "", rule.summary]
    docs = getattr(rule, "docs", None)
    if docs is not None:
        parts += [
            "", "What it does", "  " + docs.what,
            "", "Why is this bad?", "  " + docs.why,
            "", "Example (fires)", "  " + docs.example,
            "", "Use instead", "  " + docs.use_instead,
            "", "How to fix", "  " + docs.fix,
        ]
    parts += ["", f"More: {rule().help_uri}"]
    return "\n".join(parts) + "\n"


def write_atomic(path: str, text: str) -> None:
    """Write via a temp file in the same folder and rename, so readers never see half a report."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output {path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def exit_code_for(report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    from linting.core.findings import Severity

    worst = report.max_severity()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(fail_on) else EXIT_OK


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from linting.core.config_file import ConfigError, load_config

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if args.list_rules:
        sys.stdout.write(_list_rules(config))
        return EXIT_OK
    if args.explain:
        sys.stdout.write(_explain(args.explain))
        return EXIT_OK
    if not args.paths:
        raise UsageError("no PATH given (see --help)")

    from linting.sources.files import InputError, load_documents

    sources: dict[str, str] = {}
    try:
        docs = load_documents(args.paths, base_url=args.base_url, sources=sources)
    except InputError as exc:
        raise UsageError(str(exc)) from None

    from linting.core import links
    from linting.core.engine import active_rules, lint_documents
    from linting.core.reporters import ReportContext, get_reporter

    link_run = links.results_for(docs, config, network=not args.no_network, use_cache=not args.no_cache)
    link_results = link_run.results if link_run is not None else None
    if link_run is not None and link_run.unchecked:
        shown = ", ".join(link_run.unchecked[:10])
        more = f" and {len(link_run.unchecked) - 10} more" if len(link_run.unchecked) > 10 else ""
        print(f"note: {len(link_run.unchecked)} link(s) not checked (--no-network, no cached result): {shown}{more}",
              file=sys.stderr)
    report = lint_documents(docs, config, link_results=link_results)
    rules = [type(r) for r in active_rules(config, network=link_results is not None)]
    stream = sys.stdout
    ctx = ReportContext(
        rules=rules,
        sources=sources,
        color=args.format == "text" and not args.output and use_color(stream),
    )
    text = get_reporter(args.format)(report, ctx)
    if args.output:
        write_atomic(args.output, text)
    else:
        stream.write(text)
        stream.flush()
    return exit_code_for(report, args.fail_on)


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `python -m linting ... | head`: not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never exit 1 (= findings) on a crash
        if os.environ.get("VETTED_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (set VETTED_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return EXIT_USAGE
