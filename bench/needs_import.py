"""Print, as JSON, the time and peak Python memory (tracemalloc) of importing one needs response from its XLSX
workbook: download the workbook of one Party (pre-filled with its previous cycle's answers), fill in every
question, import it. Runs inside Django (development settings, on the benchmark database), like
bench/capture_sql.py, in one transaction rolled back at the end: the database is left as it was.

The Party is the first (by ISO code) invited to the latest cycle that has not submitted there; the argument,
a cycle code, picks another cycle. The import is timed as a respondent's upload is: by one of its contact points.
"""

import io
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

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from tahub.accounts.models import User  # noqa: E402
from tahub.needs import workbook  # noqa: E402
from tahub.needs.models import Cycle, Question, Response  # noqa: E402
from tahub.needs.selectors import respondents  # noqa: E402
from tahub.parties.models import ContactPoint  # noqa: E402

EMAIL = "bench.needs@bench.tahub.localhost"
LEVELS = ("high", "medium", "low", "none")


def pick(slug=None):
    cycles = Cycle.objects.select_related("questionnaire", "offers_questionnaire").order_by("-deadline")
    cycle = cycles.get(slug=slug) if slug else cycles.first()
    done = Response.objects.filter(cycle=cycle, kind="needs", state=Response.State.SUBMITTED).values("party_id")
    party = cycle.invited.select_related("country").exclude(pk__in=done).order_by("country__iso3").first()
    return cycle, party


def download(cycle, party):
    response = respondents.response_for(cycle, "needs", party)
    if response is None or not response.answers.all():
        response = respondents.previous_response(cycle, "needs", party) or response
    return workbook.build(cycle, "needs", party, response)


def _value(question, row_number):
    kind = question.kind
    if kind == Question.Kind.LEVEL:
        return LEVELS[row_number % len(LEVELS)]
    if kind == Question.Kind.RANK:
        return row_number % 100 + 1
    if kind == Question.Kind.OBSTACLES:
        return ";".join(choice["code"] for choice in question.options["choices"][:2])
    if kind == Question.Kind.AMOUNTS:
        return 1000 * row_number
    return f"Answer to {question.code}, filled by the benchmark."


def fill(content, questions):
    """Every answer cell (column E) of every section sheet; returns (bytes, cells filled)."""
    book, filled = load_workbook(io.BytesIO(content)), 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2, max_col=5):
            question = questions.get(row[0].value)
            if question is not None and sheet.title != workbook.META:
                row[4].value, filled = _value(question, row[0].row), filled + 1
    output = io.BytesIO()
    book.save(output)
    return output.getvalue(), filled


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, round(time.perf_counter() - start, 3)


def _import(content, cycle, party, user):
    upload = SimpleUploadedFile("answers.xlsx", content, content_type=workbook.CONTENT_TYPE)
    return workbook.import_workbook(upload, cycle=cycle, kind="needs", respondent=party, by=user)


def _traced_peak(function, *args):
    """The peak Python memory of `function` (a second run: tracemalloc slows Python, so times are untraced)."""
    tracemalloc.start()
    function(*args)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def measure(cycle, party):
    """Each import runs in a savepoint rolled back, so that the second one starts from the same database."""
    user = User.objects.create(email=EMAIL, name="Benchmark contact point")
    ContactPoint.objects.create(user=user, party=party, kind=ContactPoint.Kind.OFFICIAL)
    questions = {q.code: q for q in respondents.questions(cycle.questionnaire)}
    content, download_seconds = timed(download, cycle, party)
    (filled, cells), fill_seconds = timed(fill, content, questions)
    with transaction.atomic():
        saved, import_seconds = timed(_import, filled, cycle, party, user)
        answers = saved.answers.count()
        transaction.set_rollback(True)
    with transaction.atomic():
        peak = _traced_peak(_import, filled, cycle, party, user)
        transaction.set_rollback(True)
    return {
        "cycle": cycle.slug,
        "party": party.country.iso3,
        "cells_filled": cells,
        "answers_saved": answers,
        "bytes": len(filled),
        "download_seconds": download_seconds,
        "fill_seconds": fill_seconds,
        "seconds": import_seconds,
        "peak_mib": peak,
    }


if __name__ == "__main__":
    chosen, respondent = pick(sys.argv[1] if len(sys.argv) > 1 else None)
    with transaction.atomic():
        result = measure(chosen, respondent)
        transaction.set_rollback(True)
    print(json.dumps(result))
