"""Renderers: a Comparison (or claims report) to terminal text, Markdown or JSON."""
