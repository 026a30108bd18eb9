"""Alignment: candidate pairs from a shared index, their similarity, the links, a status for
each sentence (the judge), and the links cut into groups."""

from sco_compare.align.links import AlignmentResult, align

__all__ = ["AlignmentResult", "align"]
