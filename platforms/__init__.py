"""Built-in channels. Each module exposes PLATFORM and is registered as an entry point."""
