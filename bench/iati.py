"""Time and peak memory (tracemalloc) of the IATI export of every programme activity; prints JSON.

Run inside Django: `python bench/iati.py` (bench/run.py calls it through bench_script("iati")).
"""

import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tahub.settings")

import django  # noqa: E402

django.setup()

from tahub.planning.models import ProgrammeActivity  # noqa: E402
from tahub.reports import iati  # noqa: E402


def main():
    activities = ProgrammeActivity.objects.count()
    tracemalloc.start()
    started = time.perf_counter()
    size = 0
    for chunk in iati.activities_xml():
        size += len(chunk.encode())
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"activities": activities, "seconds": round(seconds, 2), "bytes": size,
                      "peak_memory_mb": round(peak / 2**20, 1)}))  # fmt: skip


if __name__ == "__main__":
    main()
