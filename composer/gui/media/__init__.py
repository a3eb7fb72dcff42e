"""The media strip: attach, describe (alt text), reorder and remove images."""
