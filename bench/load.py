"""Closed-loop load at a fixed concurrency: N threads, each doing one operation after another for a fixed time.

Used for both the HTTP pages (one new connection per request: gunicorn's sync workers close it anyway) and
the SQL floors (one psycopg connection per thread, kept open, as Django keeps it with DB_CONN_MAX_AGE).
Only operations that start inside the measured window count; a warm-up before it fills caches and pools.
"""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field

import psycopg


@dataclass
class Result:
    name: str
    kind: str  # "http" or "sql"
    target: str
    seconds: float
    latencies: list = field(default_factory=list)  # seconds, successful operations only
    errors: int = 0
    note: str = ""

    @property
    def count(self):
        return len(self.latencies)

    @property
    def rate(self):
        return self.count / self.seconds

    def percentile_ms(self, q):
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000


def run(make_operation, *, concurrency, duration, warmup):
    """Run make_operation() per thread, then call its operation in a loop; return (latencies, errors).

    make_operation returns (operation, close): operation() returns True on success.
    """
    start = time.perf_counter()
    measure_from, end = start + warmup, start + warmup + duration
    latencies = [[] for _ in range(concurrency)]
    errors = [0] * concurrency

    def loop(i):
        operation, close = make_operation()
        try:
            while (t0 := time.perf_counter()) < end:
                try:
                    ok = operation()
                except (OSError, http.client.HTTPException, psycopg.Error):
                    ok = False
                if t0 >= measure_from:
                    if ok:
                        latencies[i].append(time.perf_counter() - t0)
                    else:
                        errors[i] += 1
        finally:
            close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [x for per_thread in latencies for x in per_thread], sum(errors)


def http_get(port, path, headers=None):
    """An operation factory: GET path on 127.0.0.1:port (with headers: a session cookie, an API token), read
    the whole body, succeed on 200 (a redirect to the sign-in page is a failure)."""

    def make():
        def operation():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path, headers=headers or {})
                response = connection.getresponse()
                response.read()
                return response.status == 200
            finally:
                connection.close()

        return operation, lambda: None

    return make


def sql_page(dsn, statements):
    """An operation factory: run a page's SQL statements in order on a kept-open connection, fetching all rows."""

    def make():
        connection = psycopg.connect(dsn, autocommit=True)

        def operation():
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
                    if cursor.description is not None:
                        cursor.fetchall()
            return True

        return operation, connection.close

    return make


def measure_http(name, port, path, headers=None, **load):
    latencies, errors = run(http_get(port, path, headers), **load)
    return Result(name, "http", path, load["duration"], latencies, errors)


def measure_sql(name, dsn, statements, **load):
    latencies, errors = run(sql_page(dsn, statements), **load)
    note = f"{len(statements)} statement{'s' if len(statements) != 1 else ''}"
    return Result(name, "sql", "", load["duration"], latencies, errors, note)
