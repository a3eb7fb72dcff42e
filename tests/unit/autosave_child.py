"""Child process for the SIGKILL test: autosaves one draft in a tight loop.

Usage: autosave_child.py DRAFT_ID (SIARAN_HOME names the home). It continues from the draft's
stored sequence number, prints ``ready``, then for every autosave ``saving <seq>`` before it
starts and ``<seq> <unix time>`` after it committed. A kill between the two leaves that one save
"in flight": the database may hold it or the one before, nothing else. The post's every field is
derived from the sequence number, so the parent can tell a whole post from a garbled one.
"""

from __future__ import annotations

import sys
import time

from composer.core.post import MediaRef, Post
from composer.core.store import Store


def make_post(seq: int, draft_id: str) -> Post:
    """The post for a sequence number: sizes vary, so pages split and merge as it changes."""
    text = f"Pengumuman #{seq}: " + "Selamat pagi, warga 🇮🇩 Kabupaten! " * (seq % 53) + f"#{seq}"
    post = Post(text=text, title=f"Judul {seq}", tags=[f"tag{seq % 7}"], id=draft_id,
                media=[MediaRef(path=f"/foto/{seq % 5}.jpg", alt=f"alt {seq}", id="m1")])
    post.variant("x").override("text", f"x {seq}")
    return post


def seq_of(post: Post) -> int:
    return int(post.text.split(":", 1)[0].removeprefix("Pengumuman #"))


def main() -> None:
    draft_id = sys.argv[1]
    store = Store()
    current = store.latest_draft()
    seq = seq_of(current) if current is not None else 0
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    while True:
        seq += 1
        out.write(f"saving {seq}\n")
        out.flush()
        store.autosave(make_post(seq, draft_id))
        out.write(f"{seq} {time.time():.6f}\n")  # only after the commit returned
        out.flush()


if __name__ == "__main__":
    main()
