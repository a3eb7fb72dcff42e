"""The Qt-free core: domain model and services shared by the GUI, the CLI and the adapters."""
