"""The package's layout: stages import only the stages before them, and each third-party library
stays in the stage that needs it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "sco_compare"
STAGES = ("readers", "text", "align", "claims", "pipeline", "render", "cli")
"""In the order data flows: a stage may import the shared core and the stages before it."""
CORE = frozenset({"models", "collation", "settings", "errors", "_version"})
LIBRARIES = {
    "rich": {"render", "cli"},
    "typer": {"cli"},
    "nltk": {"text"},
    "markdown_it": {"readers"},
}
"""Each third-party library, and the only stages that may import it."""
MAX_LINES = 350


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def part(module: Path) -> str:
    """The stage (or core module) a module belongs to: its folder, or its own name."""
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(module: Path) -> set[str]:
    """Every module it imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", modules(), ids=lambda m: str(m.relative_to(PACKAGE)))
def test_a_stage_imports_only_the_core_and_earlier_stages(module: Path) -> None:
    mine = part(module)
    if mine in CORE or mine in ("__init__", "__main__"):
        allowed = CORE | set(STAGES) | {""} if mine in ("__init__", "__main__") else CORE
    else:
        allowed = CORE | set(STAGES[: STAGES.index(mine) + 1])
    for name in imported(module):
        top, _, rest = name.partition(".")
        if top == "sco_compare":  # (the package itself: only its __init__ and __main__)
            assert rest.split(".")[0] in allowed, f"{mine} imports {name}"


@pytest.mark.parametrize("module", modules(), ids=lambda m: str(m.relative_to(PACKAGE)))
def test_third_party_libraries_stay_in_their_stage(module: Path) -> None:
    for name in imported(module):
        stages = LIBRARIES.get(name.split(".")[0])
        assert stages is None or part(module) in stages, f"{part(module)} imports {name}"


PYTHON_FILES = sorted(
    path for folder in ("src", "tests", "benchmarks") for path in (ROOT / folder).rglob("*.py")
)


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_python_file_is_over_the_line_limit(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_importing_the_library_loads_no_terminal_or_parsing_library() -> None:
    probe = "import sys, sco_compare; print(sorted({m.split('.')[0] for m in sys.modules}))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True)
    loaded = set(ast.literal_eval(done.stdout.decode()))
    assert not loaded & {"rich", "typer", "click", "nltk", "markdown_it"}


def test_the_command_line_loads_the_claims_stage_only_when_claims_are_asked_for() -> None:
    probe = "import sys, sco_compare.cli; print(sorted(m for m in sys.modules if 'claims' in m))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True)
    assert ast.literal_eval(done.stdout.decode()) == []
