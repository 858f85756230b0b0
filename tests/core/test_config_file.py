"""Config discovery and strict validation: every bad key or value names itself in the error."""

from __future__ import annotations

import pytest

from linting.core.config import DEFAULT_LINKS, DEFAULT_THRESHOLDS, Config
from linting.core.config_file import ConfigError, find_config, load_config, parse_config


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_gives_defaults(tmp_path):
    config = load_config(start=tmp_path)
    assert isinstance(config, Config)
    assert config.thresholds == DEFAULT_THRESHOLDS
    assert config.path is None


def test_discovers_vetted_toml_upward(tmp_path):
    cfg = write(tmp_path / "vetted.toml", "[thresholds]\nreading_grade = 9.5\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == cfg
    config = load_config(start=deep)
    assert config.thresholds["reading_grade"] == 9.5
    assert config.thresholds["sentence_words"] == DEFAULT_THRESHOLDS["sentence_words"]
    assert config.path == str(cfg)


def test_discovers_pyproject_tool_vetted(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.vetted.thresholds]\nsentence_words = 30\n')
    sub = tmp_path / "docs"
    sub.mkdir()
    config = load_config(start=sub)
    assert config.thresholds["sentence_words"] == 30


def test_pyproject_without_tool_vetted_is_skipped(tmp_path):
    write(tmp_path / "vetted.toml", "[thresholds]\nreview_months = 6\n")
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "y"\n')
    assert find_config(tmp_path / "inner") == tmp_path / "vetted.toml"
    assert load_config(start=tmp_path / "inner").thresholds["review_months"] == 6


def test_nearer_file_wins(tmp_path):
    write(tmp_path / "vetted.toml", "[thresholds]\nreview_months = 6\n")
    near = write(tmp_path / "sub" / "vetted.toml", "[thresholds]\nreview_months = 3\n")
    assert find_config(tmp_path / "sub") == near


def test_explicit_path(tmp_path):
    cfg = write(tmp_path / "custom.toml", '[links]\nallow_private_hosts = ["127.0.0.1"]\nconcurrency = 4\n')
    config = load_config(cfg)
    assert config.links["allow_private_hosts"] == ["127.0.0.1"]
    assert config.links["concurrency"] == 4
    assert config.links["read_timeout"] == DEFAULT_LINKS["read_timeout"]


def test_explicit_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_bad_value_message_names_key():
    with pytest.raises(ConfigError) as err:
        parse_config({"thresholds": {"reading_grade": "high"}}, label="vetted.toml")
    assert str(err.value) == 'vetted.toml: [thresholds] reading_grade: expected a number, got "high"'


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"colours": {}}, "unknown key 'colours'"),
        ({"thresholds": {"grade": 8}}, "[thresholds] grade: unknown key"),
        ({"thresholds": {"sentence_words": 2.5}}, "[thresholds] sentence_words: expected an integer"),
        ({"thresholds": {"sentence_words": 1}}, "[thresholds] sentence_words: 1 is out of range"),
        ({"thresholds": {"reading_grade": True}}, "[thresholds] reading_grade: expected a number, got true"),
        ({"rules": {"claims.absolute": "loud"}}, "[rules] claims.absolute: expected one of error, warning, info, off"),
        ({"rules": "off"}, "[rules]: expected a table"),
        ({"words": {"peacock": "renowned"}}, "expected an array of strings"),
        ({"words": {"peacock": ["ok", 3]}}, "expected non-empty strings"),
        ({"disclaimer": {"needed": []}}, "[disclaimer] needed: unknown key"),
        ({"links": {"timeout": 3}}, "[links] timeout: unknown key"),
        ({"links": {"concurrency": 0}}, "[links] concurrency: 0 is out of range"),
        ({"links": {"allow_private_hosts": "127.0.0.1"}}, "[links] allow_private_hosts: expected an array"),
        ({"links": {"accept_status": [200, "x"]}}, "[links] accept_status: expected an integer"),
        ({"links": {"user_agent": ""}}, "[links] user_agent: expected a non-empty string"),
    ],
)
def test_bad_keys_and_values(data, fragment):
    with pytest.raises(ConfigError) as err:
        parse_config(data, label="vetted.toml")
    assert fragment in str(err.value)
    assert str(err.value).startswith("vetted.toml: ")


def test_unknown_rule_id_is_an_error():
    with pytest.raises(ConfigError, match=r"\[rules\] claims\.made-up: unknown rule id"):
        parse_config({"rules": {"claims.made-up": "off"}})


def test_known_rule_severity_and_off():
    from linting.core.registry import registry

    ids = registry.ids()
    config = parse_config({"rules": {ids[0]: "OFF", ids[-1]: "info"}})
    assert config.rules == {ids[0]: "off", ids[-1]: "info"}
    assert not config.is_enabled(ids[0])


def test_words_and_disclaimer():
    from linting.core.config_file import _known_list_names

    name = sorted(_known_list_names())[0]
    config = parse_config({"words": {name: [" extra phrase "]}, "disclaimer": {"required": [name]}})
    assert config.words == {name: ["extra phrase"]}
    assert config.disclaimer_elements == (name,)
    with pytest.raises(ConfigError, match=r"\[words\] no_such_list: unknown word list"):
        parse_config({"words": {"no_such_list": ["x"]}})
    with pytest.raises(ConfigError, match=r"\[disclaimer\] required"):
        parse_config({"disclaimer": {"required": ["no_such_list"]}})


def test_invalid_toml(tmp_path):
    cfg = write(tmp_path / "vetted.toml", "[thresholds\nreading_grade = 8\n")
    with pytest.raises(ConfigError, match="vetted.toml: not valid TOML"):
        load_config(cfg)


def test_pyproject_error_label(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.vetted.thresholds]\nreview_months = \"soon\"\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert str(err.value).startswith("pyproject.toml [tool.vetted]: [thresholds] review_months")
