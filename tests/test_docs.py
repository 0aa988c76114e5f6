"""The docs tell the truth: the README's two commands, what CI runs, and the documented JSON fields."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from newsfuse.cli import main
from tests.conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL)


def test_readme_opens_with_the_install_and_run_and_the_test_commands():
    setup = README.split("## Set up and run", 1)[1]
    demo, tests = (block.strip() for block in _shell_blocks(setup)[:2])
    assert demo.startswith("python3 -m pip install -e .") and "newsfuse brief examples/" in demo
    assert (ROOT / demo.split("newsfuse brief ", 1)[1].strip()).is_dir()
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command():
    setup = README.split("## Set up and run", 1)[1]
    tests = _shell_blocks(setup)[1].strip()
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_the_readme_names_exists():
    named = set(re.findall(r"^newsfuse ([a-z]+)\b", "\n".join(_shell_blocks(README)), re.MULTILINE))
    result = CliRunner().invoke(main, ["--help"])
    listed = set(re.findall(r"^  ([a-z]+)\s", result.output, re.MULTILINE))
    assert named and named <= listed, named - listed


def test_every_json_field_is_documented():
    schema = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", "-f", "json", "--no-analysis", str(EXAMPLES / "harbour-strike")])
    brief = json.loads(result.stdout)
    fields = set(brief) | set(brief["summary"][0]) | set(brief["sources"][0])
    undocumented = {field for field in fields if f"`{field}`" not in schema}
    assert not undocumented
