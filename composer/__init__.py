"""Siaran: write one post, preview it on every channel, publish everywhere."""

__version__ = "0.1.0"
