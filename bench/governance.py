"""The rule book per keystroke with and without the governance rules: a 280-character
Indonesian post (a phone number, a link, a hashtag) typed one character at a time; for each
keystroke ``checks.check`` runs for 10 channels, as the previews do. p50/p99 per keystroke with
governance are compared with the same loop with ``governance=False``, measured in the same run;
then the first scan of a new word (spelling suggestions) is timed.

Run: .venv/bin/python bench/governance.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)
os.environ.setdefault("SIARAN_HOME", tempfile.mkdtemp(prefix="siaran-bench-"))

from composer.core.checks import check_resolved  # noqa: E402
from composer.core.checks.gov import current_context, scan_text  # noqa: E402
from composer.core.post import Post  # noqa: E402
from composer.core.registry import default_registry  # noqa: E402

CHANNELS = ["x", "mastodon", "bluesky", "threads", "facebook", "instagram", "linkedin", "telegram",
            "whatsapp", "youtube"]
TEXT = ("Pelayanan perekaman KTP elektronik dibuka Senin pukul 08.00 WIB di kantor kecamatan. "
        "Warga yang berhalangan dapat menghubungi 0812-3456-7890 atau membuka "
        "https://www.slemankab.go.id/layanan untuk jadwal lengkap. #LayananPublik Terima kasih "
        "atas perhatian dan kerja sama seluruh warga masyarakat.")[:280]


def per_keystroke(specs, governance: bool, rounds: int = 3) -> list[float]:
    times = []
    for _ in range(rounds):
        for k in range(1, len(TEXT) + 1):
            resolved = Post(text=TEXT[:k]).resolve("x")
            start = time.perf_counter()
            for spec in specs:
                check_resolved(resolved, spec.id, spec, governance=governance)
            times.append((time.perf_counter() - start) * 1e6)
    return times


def pct(values, q):
    return statistics.quantiles(values, n=100)[q - 1]


def main() -> None:
    registry = default_registry()
    specs = [registry.get(c).spec for c in CHANNELS]
    scan_text("warm up: pelayanan", current_context())  # load the dictionary once
    base = per_keystroke(specs, governance=False)
    gov = per_keystroke(specs, governance=True)
    for name, values in (("rule book without gov.*", base), ("rule book with gov.*", gov)):
        print(f"{name:26} p50 {pct(values, 50):8.0f} µs  p99 {pct(values, 99):8.0f} µs")
    print(f"ratio with/without: p50 {pct(gov, 50) / pct(base, 50):.2f}x, "
          f"p99 {pct(gov, 99) / pct(base, 99):.2f}x")
    start = time.perf_counter()
    scan_text(TEXT + " aktifitas resiko kedepannya", current_context())
    print(f"first scan with three new misspelt words (suggestions): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms (runs in the Checks tab's worker)")


if __name__ == "__main__":
    main()
