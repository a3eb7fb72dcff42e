"""The frozen `siaran-gui` window (PyInstaller needs a script, not an entry point)."""

from composer.gui.app import main

raise SystemExit(main())
