"""Every ```python block under the README's "## From Python" heading runs."""

import os
import pathlib
import re

import pytest

README = pathlib.Path(os.environ.get(
    "THREADLINE_SOURCE_DIR",
    pathlib.Path(__file__).resolve().parents[3])) / "README.md"


def python_blocks():
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## From Python\n", 1)
    assert len(section) == 2, "README.md has no '## From Python' section"
    body = re.split(r"\n## ", section[1], maxsplit=1)[0]
    return re.findall(r"```python\n(.*?)```", body, re.S)


def test_the_section_has_python_snippets():
    assert python_blocks()


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_readme_snippet_runs(index, capsys):
    block = python_blocks()[index]
    exec(compile(block, f"README.md python block {index}", "exec"),
         {"__name__": "__readme__"})
    if "print(" in block:
        assert capsys.readouterr().out.strip()
