"""One module per ``siaran`` sub-command."""
