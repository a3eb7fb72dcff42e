"""Video shaping (issue 16): every channel's output of a 60 s 1080p phone clip, against one plain
transcode of the same clip in the same run (target: ratio <= 1.5), and the memory a 1 GB source
costs while it is shaped (target: RSS growth <= 150 MB).

* all channels: ``shape_all`` with every channel's published rules (composer.core.video): one
  read of the source, one decode, one encode per distinct picture, the rest untouched or
  remuxed. The clip is what a phone writes: 1080p30 H.264 + AAC at 12 Mbit/s (90 MB), so
  Telegram's 50 MB bot limit needs a smaller encode and Reels a 9:16 crop.
* plain transcode (baseline): the same clip decoded and encoded once, 1080p, same encoder and
  settings, AAC copied: the least any conversion of it costs.
* memory: a 1 GB source (a high-bitrate clip repeated by stream copy), shaped for Telegram (an
  encode: it must fit 50 MB) and Bluesky (a remux: the location goes); the process's RSS is
  sampled every 20 ms and its growth over the value before is reported.

The ratio is of CPU time (all threads of this process: decode, x264's threads, muxing), the
work each side does, so other programs on a shared machine do not skew it; wall times are
printed too.

Run: .venv/bin/python bench/video.py [--no-memory]   (10-30 minutes on two shared cores; the
ratio prints last; --no-memory leaves out the 1 GB part)
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import threading
import time
from fractions import Fraction
from pathlib import Path

sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]  # bench/typing.py
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from composer.core.video import plan, probe, problems  # noqa: E402
from composer.core.video.shape import X264_PRESET, shape_all  # noqa: E402
from composer.testing.video_corpus import make_video  # noqa: E402

CHANNELS = ("x", "mastodon", "bluesky", "threads", "facebook", "instagram", "linkedin",
            "telegram", "wordpress", "youtube", "folder")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def plain_transcode(source: Path, out: Path) -> None:
    """Decode and encode once at 1080p with the shaper's encoder settings; AAC copied."""
    import av

    info = probe(source)
    bitrate = int(0.1 * info.width * info.height * info.fps)
    with av.open(str(source)) as src, av.open(str(out), "w", format="mp4",
                                             options={"movflags": "+faststart"}) as dst:
        vin, ain = src.streams.video[0], src.streams.audio[0]
        vin.thread_type = "AUTO"
        rate = Fraction(info.fps).limit_denominator(1001)
        venc = dst.add_stream("libx264", rate=rate)
        venc.width, venc.height, venc.pix_fmt = info.width, info.height, "yuv420p"
        venc.bit_rate = bitrate
        venc.codec_context.time_base = 1 / rate
        venc.codec_context.options = {"preset": X264_PRESET, "profile": "high",
                                      "maxrate": str(bitrate), "bufsize": str(bitrate * 2),
                                      "g": str(round(info.fps * 2))}
        aout = dst.add_stream_from_template(ain)
        dst.start_encoding()
        count = 0
        for packet in src.demux(vin, ain):
            if packet.dts is None:
                continue
            if packet.stream is ain:
                packet.stream = aout
                dst.mux(packet)
                continue
            for frame in packet.decode():
                frame.pts, frame.time_base = count, 1 / rate
                # x264 would otherwise copy the source's frame types (libx264 follows a
                # frame's pict_type): the encoder decides, as in the shaper
                frame.pict_type = av.video.frame.PictureType.NONE
                count += 1
                for p in venc.encode(frame):
                    dst.mux(p)
        for p in venc.encode(None):
            dst.mux(p)


def all_channels(source: Path, out: Path) -> dict[str, Path]:
    info = probe(source)
    targets = {}
    for channel in CHANNELS:
        rules = importlib.import_module(f"platforms.{channel}").VIDEO
        if not any(not p.fixable for p in problems(info, rules, channel)):
            targets[channel] = plan(info, rules)
    return shape_all(info, targets, out)


def one_gb_source(folder: Path) -> Path:
    """About 1 GB: a 6 s high-bitrate 1080p clip with a location, repeated by stream copy."""
    import av

    seed = make_video(folder / "seed.mp4", width=1920, height=1080, seconds=6, noise=True,
                      bitrate=140_000_000, location=True)
    target = folder / "big.mp4"
    with av.open(str(seed)) as src:
        size = seed.stat().st_size
        repeats = max(1, round(1_000_000_000 / size))
        with av.open(str(target), "w", format="mp4") as dst:
            dst.metadata["location"] = "-6.2088+106.8456/"
            vin, ain = src.streams.video[0], src.streams.audio[0]
            vout, aout = dst.add_stream_from_template(vin), dst.add_stream_from_template(ain)
            spans = {vin.index: 0, ain.index: 0}
            for n in range(repeats):
                src.seek(0)
                last = {vin.index: 0, ain.index: 0}
                for packet in src.demux(vin, ain):
                    if packet.dts is None:
                        continue
                    shift = spans[packet.stream.index] * n
                    last[packet.stream.index] = max(last[packet.stream.index],
                                                    packet.pts + (packet.duration or 0))
                    packet.pts += shift
                    packet.dts += shift
                    packet.stream = vout if packet.stream is vin else aout
                    dst.mux(packet)
                if n == 0:
                    spans = last
    return target


def memory_growth(source: Path, out: Path) -> float:
    info = probe(source)
    from platforms import bluesky, telegram

    targets = {"telegram": plan(info, telegram.VIDEO), "bluesky": plan(info, bluesky.VIDEO)}
    before = rss_mb()
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.02)

    watcher = threading.Thread(target=sample)
    watcher.start()
    try:
        shape_all(info, targets, out)
    finally:
        done.set()
        watcher.join()
    return peak[0] - before


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="siaran-bench-video-") as tmp:
        folder = Path(tmp)
        clip = make_video(folder / "phone.mp4", width=1920, height=1080, fps=30, seconds=60,
                          noise=True, bitrate=12_000_000)
        info = probe(clip)
        print(f"clip: {info.width}x{info.height} {info.fps:g} fps {info.duration:.0f} s "
              f"{info.bytes / 1e6:.0f} MB {info.video_codec}/{info.audio_codec}")

        start, cpu = time.perf_counter(), time.process_time()
        plain_transcode(clip, folder / "plain.mp4")
        plain, plain_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"plain transcode: {plain:.1f} s wall, {plain_cpu:.1f} s CPU", flush=True)

        start, cpu = time.perf_counter(), time.process_time()
        outputs = all_channels(clip, folder / "channels")
        every, every_cpu = time.perf_counter() - start, time.process_time() - cpu
        distinct = {p for p in outputs.values() if p != clip}
        print(f"all channels: {every:.1f} s wall, {every_cpu:.1f} s CPU, {len(outputs)} "
              f"channels, {len(distinct)} shaped file(s), the rest untouched", flush=True)
        for channel, path in sorted(outputs.items()):
            o = probe(path)
            how = "untouched" if path == clip else path.name.split("-", 1)[1]
            print(f"  {channel:<10} {o.display_width}x{o.display_height} "
                  f"{o.bytes / 1e6:6.1f} MB  {how}")

        if "--no-memory" not in sys.argv:
            big = one_gb_source(folder)
            print(f"1 GB source: {big.stat().st_size / 1e9:.2f} GB, "
                  f"{probe(big).duration:.0f} s", flush=True)
            growth = memory_growth(big, folder / "big-out")
            print(f"RSS growth while shaping it (Telegram encode + Bluesky remux): "
                  f"{growth:.0f} MB (target <= 150)")
        print(f"ratio all channels / plain transcode, wall: {every / plain:.2f}")
        # CPU time (every thread of the process) is the work done, whatever else the shared
        # machine runs meanwhile; wall time above is for reference.
        print(f"ratio all channels / plain transcode: {every_cpu / plain_cpu:.2f} (CPU time; "
              f"target <= 1.5)")


if __name__ == "__main__":
    main()
