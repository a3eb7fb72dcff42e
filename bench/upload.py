"""Memory while uploading a big video: a 1 GB file to the practice YouTube through the real
engine (journal, resumable session, 8 MiB chunks streamed from disk), with the connection reset
at 40% so the resume path is measured too.

The file is sparse (a marker every MiB, so offsets matter) in a temporary folder. The practice
server runs in this process as well (it streams and hashes chunks), so the figure covers both
sides. Peak RSS (ru_maxrss) is read after a warm-up upload of 16 MB (the baseline), after a
64 MB upload and after the 1 GB one, all in the same run: flat memory means the 1 GB upload
grows the peak by a few MB, like the 64 MB one, never by anything near the file's size.

    .venv/bin/python bench/upload.py [--size-mb 1024]

Last line: ``mem_growth_mb=<peak RSS during the big upload minus the baseline>`` (target <= 50).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # not bench/: bench/typing.py shadows


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def sparse_video(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
        for mib in range(size >> 20):
            fh.seek(mib << 20)
            fh.write(mib.to_bytes(8, "big") * 4)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="siaran-bench-upload-"))
    os.environ["SIARAN_HOME"] = str(home / "home")
    from composer.core.journal import State
    from composer.core.post import MediaRef, Post
    from composer.core.publish import Engine, Target
    from composer.core.registry import Registry
    from composer.core.store import Store
    from platforms import youtube
    from platforms.practice.youtube import FakeYouTube

    fake = FakeYouTube().start()
    store = Store()
    engine = Engine(store, Registry(platforms={"youtube": youtube.PLATFORM}),
                    sleep=lambda seconds, cancel: None)
    settings, secrets = fake.practice_account()
    target = Target("yt", "youtube", settings, secrets, adhoc=True)

    def upload(size_mb: int, reset: bool) -> float:
        path = sparse_video(home / f"video-{size_mb}.mp4", size_mb << 20)
        fake.reset_at = 0.4 if reset else None
        post = Post(text=f"Bench {size_mb} MB", title=f"Bench {size_mb} MB",
                    media=[MediaRef(str(path), kind="video")])
        t0 = time.perf_counter()
        (outcome,) = engine.publish(post, [target])
        elapsed = time.perf_counter() - t0
        assert outcome.state == State.POSTED, outcome.reason
        assert fake.videos[outcome.remote_id]["size"] == size_mb << 20
        path.unlink()
        return elapsed

    try:
        upload(16, reset=False)  # imports, TLS context, SQLite, first chunks: the baseline
        baseline = peak_mb()
        upload(64, reset=True)
        small = peak_mb() - baseline
        seconds = upload(args.size_mb, reset=True)
        growth = peak_mb() - baseline
    finally:
        store.close()
        fake.stop()
        shutil.rmtree(home, ignore_errors=True)
    print(f"baseline peak RSS      {baseline:8.1f} MB")
    print(f"growth, 64 MB upload   {small:8.1f} MB")
    print(f"growth, {args.size_mb} MB upload {growth:8.1f} MB "
          f"({args.size_mb / seconds:.0f} MB/s, reset at 40% and resumed)")
    print(f"growth / file size     {growth / args.size_mb:8.4f} (a whole-file read: 1.0)")
    print(f"mem_growth_mb={growth:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
