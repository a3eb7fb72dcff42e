"""One module per ``siaran`` sub-command."""


def open_store():
    """The database, opened the same way by every command. If a damaged database had to be moved
    aside, the user reads where it went (one line on stderr) before anything else happens."""
    import sys

    from composer.core.store import Store

    store = Store()
    if store.notice:
        print(f"siaran: {store.notice}", file=sys.stderr)
    return store
