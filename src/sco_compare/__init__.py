"""sco-compare: align reports of the same event and show what each one leaves out."""

from sco_compare._version import __version__
from sco_compare.collation import Collation
from sco_compare.errors import InputError, OutputError, ScoCompareError, SettingsError
from sco_compare.models import (
    Alignment,
    Claim,
    ClaimsReport,
    Comparison,
    Coverage,
    Document,
    Sentence,
    Side,
)
from sco_compare.pipeline import (
    compare,
    compare_claims,
    compare_claims_many,
    compare_many,
    document_from_text,
    load_document,
)
from sco_compare.settings import Settings

__all__ = [
    "Alignment",
    "Claim",
    "ClaimsReport",
    "Collation",
    "Comparison",
    "Coverage",
    "Document",
    "InputError",
    "OutputError",
    "ScoCompareError",
    "Sentence",
    "Settings",
    "SettingsError",
    "Side",
    "__version__",
    "compare",
    "compare_claims",
    "compare_claims_many",
    "compare_many",
    "document_from_text",
    "load_document",
]
