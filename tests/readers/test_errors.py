"""Each way a source can fail has its own exception class, with a message that names it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sco_compare import errors, load_document


@pytest.mark.parametrize(
    ("name", "data", "failure"),
    [
        ("missing.txt", None, errors.SourceNotFoundError),
        ("report.pdf", b"%PDF-1.4", errors.NotTextError),
        ("empty.txt", b"", errors.EmptySourceError),
        ("image.txt", b"\x89PNG\r\n\x1a\n....", errors.NotTextError),
        ("utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", errors.UndecodableError),
        ("blank.txt", b"  \n\t\n", errors.NoTextError),
    ],
)
def test_each_failure_has_its_own_class(
    tmp_path: Path, name: str, data: bytes | None, failure: type[errors.InputError]
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(failure) as raised:
        load_document(str(path), label="A")
    assert isinstance(raised.value, errors.InputError)
    assert str(raised.value).startswith(str(path))


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAFileError):
        load_document(str(tmp_path), label="A")
