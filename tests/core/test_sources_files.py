"""Input loading: dispatch by extension, directories, stdin sniffing, and one-line input errors."""

from __future__ import annotations

import io
import json
import sys

import pytest

from linting.sources.files import InputError, expand_paths, load_documents, sniff_format

TXT = "Ginger for nausea\n\nGinger tea may ease mild nausea in early pregnancy.\n"
HTML = "<html><head><title>Zinc</title></head><body><h1>Zinc and colds</h1><p>Zinc lozenges are popular.</p></body></html>"
MD = "# Fibre\n\nMost adults eat too little fibre.\n"
API = {"id": 3, "title": "Folate", "meta": {"type": "pages.ArticlePage"}, "body": []}


@pytest.fixture()
def tree(tmp_path):
    (tmp_path / "a.txt").write_text(TXT, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.html").write_text(HTML, encoding="utf-8")
    (sub / "c.md").write_text(MD, encoding="utf-8")
    (sub / "d.json").write_text(json.dumps(API), encoding="utf-8")
    (sub / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.txt").write_text(TXT, encoding="utf-8")
    return tmp_path


def test_directory_recurses_by_extension(tree):
    found = expand_paths([tree])
    assert [p.removeprefix(str(tree)) for p in found] == ["/a.txt", "/sub/b.html", "/sub/c.md", "/sub/d.json"]


def test_load_dispatches_each_format(tree):
    raw = {}
    docs = load_documents([tree], sources=raw)
    assert [d.title for d in docs] == ["Ginger for nausea", "Zinc and colds", "Fibre", "Folate"]
    assert raw[str(tree / "a.txt")] == TXT
    assert docs[1].base_url is None


def test_base_url_is_passed(tree):
    docs = load_documents([tree / "sub" / "b.html", tree / "a.txt"], base_url="https://site.example/")
    assert all(d.base_url == "https://site.example/" for d in docs)


@pytest.mark.parametrize(
    "text, fmt",
    [(json.dumps(API), "json"), ('{"items": []}', "json"), ('{"a": 1}', "txt"), (HTML, "html"),
     ("  <p>x</p>", "html"), (TXT, "txt"), ("---\nauthor: X\n---\nBody", "markdown")],
)
def test_sniff_format(text, fmt):
    assert sniff_format(text) == fmt


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.encode())))
    raw = {}
    (doc,) = load_documents(["-"], sources=raw)
    assert doc.path == "<stdin>" and doc.title == "Zinc and colds"
    assert raw["<stdin>"] == HTML


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin.txt", "Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        ("bad.json", b"{oops", "malformed JSON"),
        ("notes.csv", b"a,b", "unsupported file type"),
    ],
)
def test_input_errors_name_the_file(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_documents([path])
    message = str(err.value)
    assert message.startswith(str(path)) and fragment in message and "\n" not in message


def test_missing_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_documents([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="directory has no"):
        load_documents([tmp_path / "empty"])


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TXT.encode())
    (doc,) = load_documents([path])
    assert doc.title == "Ginger for nausea"
