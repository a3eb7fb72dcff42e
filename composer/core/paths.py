"""Where Siaran keeps its files.

platformdirs gives each operating system's usual places. ``SIARAN_HOME`` overrides all of them
with one folder (tests and portable installs use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "siaran"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "siaran.sqlite3"

    @property
    def media(self) -> Path:
        """Content-addressed copies of every attached file (named by sha256)."""
        return self.data / "media"

    def media_file(self, sha256: str) -> Path:
        """Where the media store keeps the file with this sha256 (two-level fan-out)."""
        return self.media / sha256[:2] / sha256

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings(self) -> Path:
        return self.config / "settings.toml"

    def ensure(self) -> Paths:
        for folder in (self.data, self.config, self.cache, self.logs, self.media):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths() -> Paths:
    home = os.environ.get("SIARAN_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(root / "data", root / "config", root / "cache", root / "logs")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return Paths(
        Path(dirs.user_data_dir),
        Path(dirs.user_config_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_log_dir),
    )
