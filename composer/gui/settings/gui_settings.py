"""GUI preferences in ``<config>/gui.json``: small, human-readable, never a secret.

Kept apart from the core's settings so the GUI can read them before anything else starts (the
language must be known before the first widget is built)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger("siaran.gui.settings")


@dataclass
class GuiSettings:
    language: str | None = None  # None follows the system; "en" or "id" overrides it
    color_scheme: str | None = None  # None follows the system; "light" or "dark" overrides it
    last_draft: str | None = None  # the draft that was open when the app last closed
    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    state: str = ""  # QMainWindow.saveState(), base64
    splitter: list[int] = field(default_factory=list)
    practice: bool = False  # practice mode was on when the app closed: it comes back on
    dialogs: dict[str, list[int]] = field(default_factory=dict)  # dialog name -> [width, height]
    manual_sender: str = ""  # who last confirmed a post sent by hand (WhatsApp), offered next time
    keep_in_tray: bool = False  # closing the window leaves the tray and its scheduler running
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, config_dir: Path) -> GuiSettings:
        path = Path(config_dir) / "gui.json"
        data = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            pass
        except (OSError, ValueError):  # a damaged file must not stop the app: start fresh
            log.warning("ignoring unreadable %s", path)
        known = {f.name for f in fields(cls)} - {"path"}
        settings = cls(**{k: v for k, v in data.items() if k in known})
        settings.path = path
        return settings

    def save(self) -> None:
        if self.path is None:
            return
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        tmp = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)  # atomic: a crash leaves the old file or the new one
        except OSError:
            log.exception("could not save %s", self.path)
