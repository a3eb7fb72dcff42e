"""The frozen `siaran` command (PyInstaller needs a script, not an entry point)."""

from composer.cli import main

raise SystemExit(main())
