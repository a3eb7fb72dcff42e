"""Past posts with each channel's status and link."""
