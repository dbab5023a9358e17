"""Print, as JSON, the SQL statements each benchmarked URL runs: {path: [statement, ...]}.

Takes one argument: JSON {path: {header: value}}, the request headers of each page (a session cookie, an
API token; {} for the public). Runs inside Django (development settings on the benchmark database): each
page is fetched once to warm up, then again with the queries captured. The statements come back with their
parameters bound, so the benchmark can replay exactly the page's SQL through psycopg: the "raw SQL floor" of
the page.
"""

import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tahub.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# QuerySet.iterator() on PostgreSQL opens a named server-side cursor (its FETCH and CLOSE are not captured);
# replaying it means running its SELECT.
DECLARE = re.compile(r'^DECLARE "[^"]+" NO SCROLL CURSOR WITH(OUT)? HOLD FOR ')


def capture(path, headers):
    client = Client(headers=headers)
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}, not 200")
    return [DECLARE.sub("", query["sql"]) for query in context.captured_queries]


if __name__ == "__main__":
    pages = json.loads(sys.argv[1])
    print(json.dumps({path: capture(path, headers) for path, headers in pages.items()}))
