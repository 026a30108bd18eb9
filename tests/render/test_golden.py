"""Format regressions: every report of a small fixture pair, byte for byte.

The fixture pair (tests/fixtures) has a little of everything: covered, partial and unique
sentences, boilerplate, a quote with its speaker, a year the two give differently. The accuracy
of the answers is checked elsewhere (tests/test_accuracy.py); these files pin how they are
written. After an intended change of output, rewrite them with UPDATE_GOLDEN=1 and review the
diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare.cli import app
from tests.conftest import assert_golden

runner = CliRunner()
PAIR = ["tests/fixtures/geneva-ministry.txt", "tests/fixtures/geneva-wire.txt"]
FORMATS = {"json": "json", "md": "markdown", "txt": "terminal"}


@pytest.mark.parametrize("command", ["diff", "claims"])
@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_the_report_is_as_written_before(in_root: Path, command: str, suffix: str) -> None:
    result = runner.invoke(
        app, [command, *PAIR, "--format", FORMATS[suffix]], env={"COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.output
    assert_golden(f"{command}.{suffix}", result.output)
