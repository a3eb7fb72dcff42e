"""What a governance scanner returns: a hit (rule code, what was found, masked) and the office's
context the scanners need (its own numbers and addresses, its rule set)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.checks.gov.rules import GovRules
from composer.core.governance.dates import Calendar


@dataclass(frozen=True)
class Hit:
    code: str
    shown: str  # the match as the officer may see it (masked for personal data)
    start: int = -1  # where in the text; -1: not in the text (an image, a setting)
    end: int = -1
    fix: str | None = None  # the replacement that fixes it ("": remove it; None: no fix)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Office:
    """The office's own published numbers and addresses (allowed in posts), as plain tuples so a
    context can key a cache."""

    phones: tuple[str, ...] = ()  # E.164 digits, no '+'
    emails: tuple[str, ...] = ()  # lower case; '@domain' allows a whole domain
    website: str = ""


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity: the rules are mutable
class Context:
    rules: GovRules
    office: Office
    calendar: Calendar = field(default_factory=Calendar)
    zone: str = "WIB"
    config: Path | None = None  # where it was read from (None: made in code)


def mask_digits(value: str, keep_head: int = 4, keep_tail: int = 2) -> str:
    """'3404071203900001' -> '3404**********01': enough to find it again, too little to use."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    hidden = set(digits[keep_head:len(digits) - keep_tail] if len(digits) > keep_head + keep_tail
                 else digits[1:])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return (local[:1] + "*" * max(len(local) - 1, 2)) + "@" + domain
