"""The composing area: the draft model, the master editor, per-channel text, counters, the
channel picker and autosave."""
