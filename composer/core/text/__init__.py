"""Counting and shaping text the way each channel does."""
