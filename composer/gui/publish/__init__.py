"""The publish dialog: what goes where, the checks' findings, progress, results."""
