"""sco-compare: align two reports of the same event and show what each one leaves out."""

from sco_compare._version import __version__
from sco_compare.compare import compare
from sco_compare.errors import InputError, OutputError, ScoCompareError
from sco_compare.loading import document_from_text, load_document
from sco_compare.models import Alignment, Claim, Comparison, Coverage, Document, Sentence
from sco_compare.settings import Settings

__all__ = [
    "Alignment",
    "Claim",
    "Comparison",
    "Coverage",
    "Document",
    "InputError",
    "OutputError",
    "ScoCompareError",
    "Sentence",
    "Settings",
    "__version__",
    "compare",
    "document_from_text",
    "load_document",
]
