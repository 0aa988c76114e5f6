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
    assert "pip install -c constraints.txt -e ." in demo and "newsfuse brief examples/" in demo
    assert (ROOT / demo.split("newsfuse brief ", 1)[1].strip()).is_dir()
    assert "pytest" in tests and "constraints.txt" in tests and "python3 -m venv" in tests


def test_every_dependency_is_pinned_exactly():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [*project["build-system"]["requires"], *project["project"]["dependencies"],
            *(d for extra in project["project"]["optional-dependencies"].values() for d in extra)]
    assert all("==" in pin for pin in pins), [pin for pin in pins if "==" not in pin]
    constrained = {line.split("==")[0].lower().replace("_", "-")
                   for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if "==" in line}
    named = {pin.split("==")[0].split("[")[0].lower().replace("_", "-") for pin in pins[1:]}
    assert named <= constrained, named - constrained  # the lock holds what the tests ran with


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
