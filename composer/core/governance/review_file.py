"""What a review package is called on disk: the approver's document opens like a post file
(``siaran-gui FILE``, File > Open post file), and its extension says "give me the approver's
review", whatever else the file is named. Apart from approvals.py so that the window can name
it without loading the approvals machinery (and the rule book under it) at start-up."""

from __future__ import annotations

from pathlib import Path

PACKAGE_SUFFIX = ".siaran-review"


def is_review_package(path: str | Path) -> bool:
    """Whether a file asked to be opened is a review package rather than a post file."""
    return Path(path).name.lower().endswith(PACKAGE_SUFFIX)
