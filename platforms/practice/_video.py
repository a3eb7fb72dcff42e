"""What a practice platform's video processing reads of an uploaded file: its container, video
codec, length, frame rate and size, read with PyAV from the bytes (None: not a video)."""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Uploaded:
    mp4_or_mov: bool
    codec: str
    seconds: float
    fps: float
    width: int
    height: int


def read_video(data: bytes) -> Uploaded | None:
    import av

    try:
        with av.open(io.BytesIO(data), "r") as container:
            stream = container.streams.video[0]
            return Uploaded(mp4_or_mov="mp4" in container.format.name,
                            codec=stream.codec_context.name,
                            seconds=float(container.duration or 0) / 1_000_000,
                            fps=float(stream.average_rate or 0),
                            width=stream.width, height=stream.height)
    except (av.FFmpegError, IndexError):
        return None
