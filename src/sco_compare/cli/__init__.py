"""The command line: a thin typer layer over the library (commands), and where reports go
(output)."""

from sco_compare.cli.commands import app, main

__all__ = ["app", "main"]
