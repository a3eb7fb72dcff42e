"""Which files are offered as videos when the officer attaches or drops files: by name, as
the file dialog filters them; the probe then says whether the file really is one."""

from __future__ import annotations

from pathlib import Path

VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".3gp", ".mts", ".ts")


def is_video_name(path: str | Path) -> bool:
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


def dialog_patterns() -> str:
    return " ".join(f"*{s}" for s in VIDEO_SUFFIXES)
