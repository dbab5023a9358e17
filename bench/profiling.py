"""Print, as JSON, a cProfile of each URL rendered in-process: {path: {...}}. Started by `bench/run.py --profile`.

Takes one argument: JSON {"pages": {path: "public" | "staff" | "api"}, "repeat": N, "top": K}. Runs inside
Django with the settings of the caller's environment (bench/run.py passes the production settings, on the
profile database). Each URL is fetched through Django's test client (the whole middleware stack, no HTTP, no
server) twice to warm up (caches, the template loader, translations), once with its queries counted, then N
times under cProfile. Reported per request: the number of Python function calls (deterministic for a fixed data
set: the measure to choose changes by on a busy machine), the CPU time with and without the profiler, the
queries, the bytes, and the top K functions by own time and by cumulative time.

Signed-in visitors are made here, as bench/credentials.py makes them for the server: a Secretariat
administrator whose session passed a password and a TOTP step ("staff"), and that user's API token ("api").
"""

import cProfile
import json
import os
import pstats
import sys
import sysconfig
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tahub.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.credentials import staff_session, staff_user  # noqa: E402
from tahub.accounts.tokens import create_api_token  # noqa: E402

ROOT = str(Path(__file__).resolve().parents[1]) + os.sep
LIBRARIES = sysconfig.get_paths()["purelib"] + os.sep
STDLIB = sysconfig.get_paths()["stdlib"] + os.sep


def visitors():
    user = staff_user()
    return {
        "public": {},
        "staff": {"Cookie": f"{settings.SESSION_COOKIE_NAME}={staff_session(user)}"},
        "api": {"Authorization": f"Bearer {create_api_token(user=user, name='profile')}"},
    }


def where(function):
    """A short name for a pstats function key: (file, line, name)."""
    filename, line, name = function
    if filename == "~":  # a built-in
        return name
    for prefix, label in ((ROOT, ""), (LIBRARIES, ""), (STDLIB, "")):
        if filename.startswith(prefix):
            filename = label + filename[len(prefix) :]
            break
    return f"{filename}:{line} {name}"


def top(stats, key, repeat, count):
    rows = sorted(stats.stats.items(), key=lambda item: item[1][key], reverse=True)[:count]
    return [
        {
            "function": where(function),
            "calls": round(calls / repeat, 1),
            "own_ms": round(own / repeat * 1000, 2),
            "cumulative_ms": round(cumulative / repeat * 1000, 2),
        }
        for function, (_, calls, own, cumulative, _) in rows
    ]


def profile(client, path, repeat, count):
    for _ in range(2):
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}, not 200")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    # Counted now: captured_queries reads the connection's log, which the next request empties (reset_queries).
    statements = len(queries.captured_queries)
    size = len(response.content)
    started = time.process_time()
    for _ in range(repeat):
        client.get(path)
    plain = (time.process_time() - started) / repeat
    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    profiled = (time.process_time() - started) / repeat
    stats = pstats.Stats(profiler)
    return {
        "queries": statements,
        "bytes": size,
        "calls": round(stats.total_calls / repeat),
        "cpu_ms": round(plain * 1000, 1),
        "profiled_cpu_ms": round(profiled * 1000, 1),
        "own": top(stats, 2, repeat, count),  # tottime
        "cumulative": top(stats, 3, repeat, count),  # cumtime
    }


if __name__ == "__main__":
    job = json.loads(sys.argv[1])
    headers = visitors()
    out = {}
    for path, who in job["pages"].items():
        out[path] = {"who": who, **profile(Client(headers=headers[who]), path, job["repeat"], job["top"])}
        print(f"[profile] {path}: {out[path]['calls']:,} calls, {out[path]['cpu_ms']} ms", file=sys.stderr)
    print(json.dumps(out))
