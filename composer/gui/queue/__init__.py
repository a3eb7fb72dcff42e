"""Scheduled posts in the window: the schedule field, the queue list and calendar, the app's own
scheduler (run-due every 20 s off the GUI thread) and the tray's notifications."""
