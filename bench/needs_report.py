"""Print, as JSON, the time and peak Python memory (tracemalloc) of the needs summary report: XLSX and PDF of
one cycle (the argument, a cycle code; else the cycle with the most submitted responses). Runs inside Django
(development settings, on the benchmark database), like bench/capture_sql.py."""

import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tahub.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count, Q  # noqa: E402

from tahub.needs import report  # noqa: E402
from tahub.needs.models import Cycle, Response  # noqa: E402
from tahub.needs.selectors import analysis  # noqa: E402


def pick(slug=None):
    cycles = list(Cycle.objects.select_related("questionnaire"))
    if slug:
        return next(c for c in cycles if c.slug == slug), cycles
    counts = dict(
        Cycle.objects.annotate(n=Count("responses", filter=Q(responses__state=Response.State.SUBMITTED))).values_list(
            "pk", "n"
        )
    )
    return max(cycles, key=lambda c: (counts.get(c.pk, 0), c.deadline)), cycles


def measure(cycle, cycles, fmt):
    tracemalloc.start()
    start = time.perf_counter()
    data = report.build(analysis.CycleAnalysis(cycle, cycles), fmt)
    seconds = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"format": fmt, "seconds": round(seconds, 3), "peak_mib": round(peak / 2**20, 1), "bytes": len(data)}


if __name__ == "__main__":
    cycle, cycles = pick(sys.argv[1] if len(sys.argv) > 1 else None)
    responses = Response.objects.filter(cycle=cycle, state=Response.State.SUBMITTED).count()
    print(json.dumps({"cycle": cycle.slug, "responses": responses,
                      "runs": [measure(cycle, cycles, fmt) for fmt in ("xlsx", "pdf")]}))  # fmt: skip
