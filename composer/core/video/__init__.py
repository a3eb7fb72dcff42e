"""Video: probe a file once, check it against each channel's rules, shape it once per distinct
output, stream it (never the whole file in memory).

The public API: ``VideoError``, ``VideoInfo``, ``probe`` (cached by path, size and mtime),
``problems`` (what a channel's rules say about a probed file), ``plan`` (send as it is, or the
encode it needs) and ``shape_all`` (every channel's file, one encode per distinct target).
PyAV is imported on first use, so the engine and the rule book start without FFmpeg.
"""

from composer.core.video.probe import VideoError, VideoInfo, probe
from composer.core.video.rules import Problem, Target, plan, problems

__all__ = ["Problem", "Target", "VideoError", "VideoInfo", "plan", "probe", "problems"]
