"""make bench: serve TA Hub with gunicorn and production settings on PostgreSQL, load it, write docs/performance.md.

Steps: recreate the database tahub_bench; migrate, load the reference data and generate the benchmark data set
(development settings: generated data is refused in production); analyse it; make a staff session with its
second factor and an API token for the signed-in pages (bench/credentials.py); capture each page's SQL;
collectstatic and start gunicorn (production settings); load /healthz, each page and each page's SQL at a fixed
concurrency; stop gunicorn; write the report. Everything runs against 127.0.0.1 only, bounded in time.

Knobs (environment): BENCH_PG (PostgreSQL server URL), BENCH_CONCURRENCY (8), BENCH_DURATION (10 s per URL),
BENCH_WARMUP (2 s), BENCH_WORKERS (2 × cores + 1).

Profile mode (`make bench-profile`, or `python bench/run.py --profile [--repeat N] [URL ...]`): no server and
no load. Each URL (default: PROFILE_PAGES) is rendered in-process through Django's test client, with the
production settings, on the database tahub_profile (BENCH_PROFILE_DB names another; made once at
BENCH_PROFILE_SCALE, 10 by default; `--fresh` makes it again), N times under cProfile (bench/profiling.py); the
top functions, the Python calls, the CPU time and the queries of each request are written into the "Profiles"
section of docs/performance.md, which `make bench` keeps. Function-call counts do not depend on how busy the
machine is: choose changes by them.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import load, report  # noqa: E402
from tahub.demo.keys import request_reference  # noqa: E402 (no Django import: safe outside Django)

ROOT = Path(__file__).resolve().parents[1]


def findings(name):
    """The paragraphs of bench/findings/<name>.md (blank lines between them, each one line in the report)."""
    text = (ROOT / "bench" / "findings" / f"{name}.md").read_text(encoding="utf-8")
    return [" ".join(paragraph.split("\n")) for paragraph in text.strip().split("\n\n")]


BIN = Path(sys.executable).parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DB = "tahub_bench"
DSN = f"{PG}/{DB}"
SCALE, SEED = 100, 1  # tahub.demo.generators.BENCH_SCALE: 5,000 organisations, 50,000 requests
# A closed request of the demo Party, with its tags, assignment and feedback (tahub.demo.ta_requests.DEMO_STATES).
REQUEST = request_reference(SEED, 7)
# Each URL, and who asks: the public, a Secretariat session signed in with a second factor, or an API token.
PAGES = {
    "/parties/": "public",
    "/parties/KEN/": "public",
    "/api/v1/parties": "public",
    "/requests/queue/?region=AFR&state=submitted": "staff",
    f"/requests/{REQUEST}/": "staff",
    "/requests/statistics/": "public",
    "/api/v1/requests": "api",
    "/directory/": "public",
    "/directory/?theme=inventories": "public",
    "/centres/scrc-kenya/": "public",
    "/proposals/contributions/": "public",
    "/events/": "public",
    "/events/gen1-event-00000/": "public",
    "/staff/events/gen1-event-00000/": "staff",
    "/events/calendar.ics": "public",
    "/plan/mandates/": "public",
    "/plan/programme/?biennium=2030": "public",
    "/needs/across-cycles/": "public",
    "/needs/gen1-needs-18/": "public",  # the gap analysis of the latest published cycle (tahub/demo/needs.py)
    "/needs/gen1-needs-18/matrix/KEN/": "staff",
}
# What profiling each page once at 50,000 requests (EXPLAIN, query counts, cProfile) found; written into the
# report. Times are of one request with nobody else asking, on the development server.
FINDINGS = findings("load")
# Profile mode: the pages of issue 13's table and both floors, on a smaller data set than the load's (scale 10:
# 500 organisations, 5,000 requests; every list on these pages still fills its page of 50, and the Parties are
# the real 185 at any scale), so that a profile of N renders each takes seconds, not minutes.
PROFILE_DB = os.environ.get("BENCH_PROFILE_DB", "tahub_profile")  # another name: one per worktree, say
PROFILE_SCALE = int(os.environ.get("BENCH_PROFILE_SCALE", "10"))
PROFILE_PAGES = {
    "/healthz": "public",
    "/staff/healthz": "staff",
    "/parties/": "public",
    "/directory/": "public",
    "/requests/queue/?region=AFR&state=submitted": "staff",
    f"/requests/{REQUEST}/": "staff",
    "/staff/events/gen1-event-00000/": "staff",
    "/api/v1/requests": "api",
    "/needs/gen1-needs-00/": "staff",  # the Secretariat's live gap analysis (at scale 10; the public one is cached)
}
# What the profiles chose and what each change did, measured by bench/profiling.py on the profile data set (calls
# and CPU time per request, one process); written into the report's "Profiles" section.
PROFILE_FINDINGS = findings("profiles")
# The floor of each kind of visitor: the public and API tokens (authenticated by the API, not the session)
# against /healthz, a Secretariat session against the signed-in /staff/healthz (session, user, second factor).
FLOORS = {"public": "/healthz", "api": "/healthz", "staff": "/staff/healthz"}
SETTINGS = {
    "concurrency": int(os.environ.get("BENCH_CONCURRENCY", "8")),
    "duration": float(os.environ.get("BENCH_DURATION", "10")),
    "warmup": float(os.environ.get("BENCH_WARMUP", "2")),
}
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# Our settings only; nothing else from the caller's environment (a DATABASE_URL, a DEBUG) leaks in.
OURS = ("TAHUB_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DB_", "SECURE_", "EMAIL_", "SITE_URL")
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
# One SECRET_KEY for both: the staff session is made with development settings and used by the server.
DEV_ENV = {
    **BASE_ENV,
    "DATABASE_URL": DSN,
    "TAHUB_VAR_DIR": str(ROOT / "var" / "bench"),
    "SECRET_KEY": secrets.token_urlsafe(60),
}
PROD_ENV = {
    **DEV_ENV,
    "TAHUB_PRODUCTION": "true",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
}


def step(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(*args, env, capture=False):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, check=True, text=True, capture_output=capture
    ).stdout


def recreate_database():
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DB}")


def bench_script(name, *args):
    """Run bench/<name>.py inside Django (development settings) and return its JSON output."""
    return json.loads(
        subprocess.run(  # noqa: S603
            [sys.executable, f"bench/{name}.py", *args],
            env=DEV_ENV,
            cwd=ROOT,
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    )


def prepare():
    """Returns ({path: statements}, {path: request headers}, the staff session's headers)."""
    step(f"recreating database {DB}")
    recreate_database()
    step("migrate, load_reference_data")
    manage("migrate", "--noinput", "-v0", env=DEV_ENV)
    manage("load_reference_data", env=DEV_ENV, capture=True)
    step(f"generate_data --scale {SCALE} --seed {SEED}")
    print(manage("generate_data", "--scale", str(SCALE), "--seed", str(SEED), env=DEV_ENV, capture=True), end="")
    step("VACUUM ANALYZE")
    # A live database's tables are analysed by autovacuum as they grow; right after a bulk load they may not
    # be yet, and the planner would work from the statistics of empty tables.
    with psycopg.connect(DSN, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    step("a staff session (with its second factor) and an API token")
    credentials = {"public": {}, **bench_script("credentials")}
    headers = {path: credentials[who] for path, who in PAGES.items()}
    step("capturing each page's SQL")
    statements = bench_script("capture_sql", json.dumps(headers))
    for path, page_statements in statements.items():
        operation, close = load.sql_page(DSN, page_statements)()
        try:
            operation()  # a statement that cannot be replayed stops the run here, with its error
        finally:
            close()
        step(f"{path}: {len(page_statements)} statements")
    step("collectstatic (production settings)")
    manage("collectstatic", "--noinput", "-v0", env=PROD_ENV)
    return statements, headers, credentials["staff"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before it was ready")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn not ready on port {port} after {timeout} s")


def start_gunicorn(port):
    step(f"starting gunicorn: {WORKERS} workers on 127.0.0.1:{port}")
    server = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"),
            "tahub.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=PROD_ENV,
        cwd=ROOT,
        start_new_session=True,
    )
    wait_ready(port, server)
    return server


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def measure(port, statements, headers, staff_headers):
    floor = load.measure_http("bare", port, "/healthz", **SETTINGS)
    step(f"/healthz: {floor.rate:.0f}/s")
    signed_in = load.measure_http("signed-in", port, "/staff/healthz", staff_headers, **SETTINGS)
    step(f"/staff/healthz (signed in): {signed_in.rate:.0f}/s")
    results = {}
    for path in PAGES:
        page = load.measure_http(path, port, path, headers[path], **SETTINGS)
        sql = load.measure_sql(path, DSN, statements[path], **SETTINGS)
        step(f"{path}: {page.rate:.0f}/s over HTTP, {sql.rate:.0f}/s of its raw SQL ({sql.note})")
        results[path] = (page, sql)
    return {"/healthz": floor, "/staff/healthz": signed_in}, results


def machine_facts():
    with psycopg.connect(DSN) as connection:
        pg_version = connection.execute("SHOW server_version").fetchone()[0]
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo") if line.startswith("model name")), "")
    memory = next((line.split(":", 1)[1].strip() for line in _read("/proc/meminfo") if line.startswith("MemTotal")), "")
    versions = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django, gunicorn; print(django.__version__, gunicorn.__version__)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": f"{os.cpu_count()} ({cpu})" if cpu else str(os.cpu_count()),
        "memory": memory,
        "operating system": platform.platform(),
        "Python": platform.python_version(),
        "Django": versions[0],
        "gunicorn": f"{versions[1]}, {WORKERS} sync workers",
        "PostgreSQL": f"{pg_version} (same machine, default configuration)",
    }


BUSY = (
    "\n**Caveat: the machine was busy before this run started** (see the load average below): other processes "
    "competed for the same cores, so these numbers understate what the app does on a quiet machine. Run "
    "`make bench` again on a quiet machine before quoting them.\n"
)


def _load(averages):
    return " / ".join(f"{value:.2f}" for value in averages)


def _read(path):
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def data_set():
    with psycopg.connect(DSN) as connection:
        parties = connection.execute(
            "SELECT count(*) FROM parties_party p JOIN parties_convention c ON c.id = p.convention_id "
            "WHERE c.code = 'SC'"
        ).fetchone()[0]
        organisations = connection.execute("SELECT count(*) FROM directory_organisation").fetchone()[0]
        requests, parties_requesting, first, last = connection.execute(
            "SELECT count(*), count(DISTINCT party_id), min(submitted_at)::date, max(submitted_at)::date "
            "FROM assistance_tarequest"
        ).fetchone()
        states = connection.execute(
            "SELECT state, count(*) FROM assistance_tarequest GROUP BY state ORDER BY count(*) DESC"
        ).fetchall()
        assignments = connection.execute("SELECT count(*) FROM assistance_assignment").fetchone()[0]
        offerings = connection.execute("SELECT count(*) FROM directory_organisation_themes").fetchone()[0]
    return [
        (
            "Parties (Stockholm Convention)",
            parties,
            "the real Parties from the reference data; the issue's 200 do not exist, none are invented",
        ),
        (
            "organisations",
            organisations,
            f"{SCALE * 50:,} generated (seed {SEED}) + the reference partners; {offerings:,} themes offered "
            "(with types of assistance, regions served and languages)",
        ),
        (
            "TA requests",
            requests,
            f"generated, of the {parties_requesting} eligible Parties (developing and EIT), submitted {first} to "
            f"{last}: " + ", ".join(f"{state} {n:,}" for state, n in states),
        ),
        ("assignments", assignments, "providers assigned to requests from the assigned state on"),
    ]


def main():
    started, load_before = time.monotonic(), os.getloadavg()
    statements, headers, staff_headers = prepare()
    step("IATI export of every programme activity (time, peak memory)")
    exports = {"IATI 2.03 export of every programme activity (`/iati/activities.xml`)": bench_script("iati")}
    step("needs summary report of one cycle, XLSX and PDF (time, peak memory)")
    exports["Needs summary report for the COP (`needs_summary_report`)"] = bench_script("needs_report")
    step("needs: XLSX import of one response (download, fill, import; time, peak memory)")
    exports["Needs: XLSX import of one response (`seconds`, `peak_mib`: the import)"] = bench_script("needs_import")
    port = free_port()
    server = start_gunicorn(port)
    try:
        floors, results = measure(port, statements, headers, staff_headers)
    finally:
        stop(server)
    facts, data = machine_facts(), data_set()
    facts["load average (1, 5, 15 min)"] = f"{_load(load_before)} before, {_load(os.getloadavg())} after"
    minutes = max(1, round((time.monotonic() - started) / 60))
    settings = {**SETTINGS, "workers": WORKERS, "scale": SCALE, "seed": SEED, "minutes": minutes}
    settings["date"] = facts["date"]
    settings["signed_in"] = ", ".join(f"`{path}`" for path, who in PAGES.items() if who == "staff")
    settings["with_token"] = ", ".join(f"`{path}`" for path, who in PAGES.items() if who == "api")
    settings["caveat"] = BUSY if load_before[0] > 0.5 * (os.cpu_count() or 1) else ""
    report.write(
        ROOT / "docs" / "performance.md",
        facts=facts,
        data=data,
        floors=floors,
        floor_of={path: FLOORS[who] for path, who in PAGES.items()},
        results=results,
        settings=settings,
        findings=FINDINGS,
        exports=exports,
    )
    step(f"wrote docs/performance.md in {time.monotonic() - started:.0f} s")


def profile_database():
    """Make the profile database (migrated, reference data, generated data) unless it is there already."""
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PROFILE_DB]).fetchone()
    if exists:
        step(f"database {PROFILE_DB} is there: kept (--fresh makes it again)")
        return
    step(f"creating database {PROFILE_DB}: migrate, reference data, generate_data --scale {PROFILE_SCALE}")
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {PROFILE_DB}")
    env = {**DEV_ENV, "DATABASE_URL": f"{PG}/{PROFILE_DB}"}
    try:
        manage("migrate", "--noinput", "-v0", env=env)
        manage("load_reference_data", env=env, capture=True)
        manage("generate_data", "--scale", str(PROFILE_SCALE), "--seed", str(SEED), env=env, capture=True)
        with psycopg.connect(f"{PG}/{PROFILE_DB}", autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    except BaseException:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PROFILE_DB} WITH (FORCE)")
        raise


def profile_main(urls, *, repeat, top, fresh):
    pages = {url: PROFILE_PAGES.get(url) or PAGES.get(url) or _visitor(url) for url in urls} or PROFILE_PAGES
    if fresh:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PROFILE_DB} WITH (FORCE)")
    profile_database()
    env = {**PROD_ENV, "DATABASE_URL": f"{PG}/{PROFILE_DB}", "ALLOWED_HOSTS": "testserver"}
    step("collectstatic (production settings)")
    manage("collectstatic", "--noinput", "-v0", env=env)
    step(f"profiling {len(pages)} URLs, {repeat} renders each")
    profiles = json.loads(
        subprocess.run(  # noqa: S603
            [sys.executable, "bench/profiling.py", json.dumps({"pages": pages, "repeat": repeat, "top": top})],
            env=env,
            cwd=ROOT,
            check=True,
            text=True,
            stdout=subprocess.PIPE,
        ).stdout
    )
    settings = {"scale": PROFILE_SCALE, "seed": SEED, "repeat": repeat, "database": PROFILE_DB}
    settings["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    settings["load"] = _load(os.getloadavg())
    report.write_profiles(ROOT / "docs" / "performance.md", profiles, settings=settings, findings=PROFILE_FINDINGS)
    step("wrote the Profiles section of docs/performance.md")


def _visitor(url):
    if url.startswith("/api/"):
        return "api"
    return "staff" if url.startswith("/staff/") else "public"


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--profile", action="store_true", help="profile URLs in-process instead of loading a server")
    parser.add_argument("--repeat", type=int, default=20, help="renders per URL under the profiler (20)")
    parser.add_argument("--top", type=int, default=15, help="functions listed per URL and order (15)")
    parser.add_argument("--fresh", action="store_true", help="make the profile database again")
    parser.add_argument("urls", nargs="*", help="URLs to profile (default: the pages of issue 13 and the floors)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    options = arguments()
    if options.profile:
        profile_main(options.urls, repeat=options.repeat, top=options.top, fresh=options.fresh)
    else:
        main()
