"""The Python examples of docs/testing.md's hostile-mode and throttle sections run as pasted."""

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[3] / "docs" / "testing.md"
SECTIONS = ("## Hostile modes", "## Throttle")


def blocks(heading: str) -> list[str]:
    text = DOC.read_text()
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", text[start : end if end != -1 else None], flags=re.DOTALL)


@pytest.mark.parametrize("heading", SECTIONS)
def test_the_examples_of_a_section_run_in_order(heading: str) -> None:
    found = blocks(heading)
    assert found
    namespace: dict[str, object] = {"__name__": "docs"}
    for source in found:
        exec(compile(source, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
