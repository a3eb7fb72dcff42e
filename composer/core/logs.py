"""Logging: a rotating file in the logs folder, and no secret ever in a log record.

``redact(secret)`` registers a secret (SecretStore does it for every secret it sets or gets).
From then on every log record made anywhere in the process has it replaced by ``***``: the
message, its arguments and the exception text. Redaction happens where records are made (a
record factory), so it covers every handler, including ones added later by other code, and the
handlers setup_logging installs carry a RedactingFilter as a second guard.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from composer.core.paths import Paths

MASK = "***"
MIN_SECRET_LENGTH = 4  # shorter strings would mask ordinary words; no real token is that short
LOG_FILE = "siaran.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_ordered: tuple[str, ...] = ()  # longest first, so a secret inside another is masked whole
_pattern: re.Pattern[str] | None = None  # every form, as a whole value (see _whole)
_factory_installed = False


def redact(secret: str | None) -> None:
    """Register a secret: from now on it never appears in a log record. Also registers its
    URL-encoded and JSON-escaped forms, as they appear in logged URLs and bodies."""
    global _secrets, _ordered, _pattern
    if not secret or len(secret) < MIN_SECRET_LENGTH:
        return
    forms = {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]}
    with _lock:
        if forms <= _secrets:
            return
        _secrets = _secrets | forms
        _ordered = tuple(sorted(_secrets, key=len, reverse=True))
        _pattern = _whole(_ordered)
        _install_factory()


def _whole(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Every form of every secret, masked wherever it stands, except a secret that reads like a
    word (letters only, shorter than a token): that one only where it stands whole, never inside
    a longer word. "practice" as a secret must not mask "practices" or "practice_mode", while a
    token glued to its prefix (Telegram's /bot123:ABC.../) is masked all the same."""
    word_like = [f for f in forms if f.isalpha() and len(f) < 20]
    anywhere = [f for f in forms if f not in word_like]
    alternatives = []
    if anywhere:  # longest first: a secret inside another is masked whole
        alternatives.append("|".join(map(re.escape, anywhere)))
    if word_like:
        words = "|".join(map(re.escape, word_like))
        alternatives.append(f"(?<![A-Za-z0-9_])(?:{words})(?![A-Za-z0-9_])")
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# A URL's query string can carry what a log must not keep: tokens, and what the officer wrote
# (WordPress takes an image's alt text, which may describe people, in the upload's query).
_QUERY = re.compile(r"""(\b[a-z][a-z0-9+.-]*://[^\s?#"'<>]*)\?[^\s#"'<>]*""", re.IGNORECASE)
QUERY_MASK = "?…"


def scrub(text: str) -> str:
    """``text`` with every registered secret replaced by ``***`` and every URL's query string
    by ``?…``."""
    if "://" in text:
        text = _QUERY.sub(lambda m: m.group(1) + QUERY_MASK, text)
    pattern = _pattern
    return pattern.sub(MASK, text) if pattern is not None else text


def scrub_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact a record in place: the formatted message, the exception and stack text."""
    try:
        message = record.getMessage()
    except Exception:  # bad format arguments: keep everything, as text, but masked
        message = f"{record.msg} {record.args!r}"
    record.msg, record.args = scrub(message), None
    if record.exc_info:
        if not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None  # no handler may format the raw exception again
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


class RedactingFilter(logging.Filter):
    """For handlers: redacts each record that passes (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record)
        return True


def _install_factory() -> None:
    global _factory_installed
    if _factory_installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return scrub_record(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _factory_installed = True


class _LogFileOnFirstRecord(logging.Handler):
    """Stands for the log file until the first record, which makes the real handler
    (composer.core.log_file): nothing is logged while the app starts as a rule, and the rotating
    handler's module (logging.handlers, with sockets, pickle and queues) takes ~7 ms to import.
    Records arrive here redacted and filtered; this handler's lock keeps them in order."""

    _siaran: str  # the log file's path: marks the handler as ours, so setup_logging adds it once

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from composer.core.log_file import LogFile

            self._file = LogFile(self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                 encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(paths: Paths, level: int = logging.INFO) -> Path:
    """Send the app's log records to ``<logs>/siaran.log`` (rotated at 1 MB, 5 kept), redacted.
    Calling it again changes nothing. Returns the log file's path."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    path = paths.logs / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_siaran", None) == str(path):
            return path
    handler = _LogFileOnFirstRecord(path)
    handler._siaran = str(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
