"""The configuration example in the README is a valid config (docs must not drift from code)."""

import re
from pathlib import Path

from linting.core.config_file import load_config

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_config_example_loads(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    path = tmp_path / "vetted.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.rules["readability.long-sentence"] == "off"
    assert config.threshold("reading_grade") == 8
    assert config.links["allow_private_hosts"] == []
