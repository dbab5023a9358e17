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
FINDINGS = [
    "`/requests/statistics/` took 1.26 s: the two medians fetched every decided and delivered request into "
    "Python, and the counts by year sorted every (request, theme) row on disk, because the planner guessed one "
    "group per request. Now the medians are PostgreSQL's `percentile_cont` (the Python path stays for SQLite), "
    "the counts are plain `COUNT` (no row can repeat), and statistics on the year of submission (migration "
    "`assistance.0002`) let PostgreSQL hash about ten groups in memory: 0.21 s, almost all of it the database "
    "reading 50,000 requests and 90,000 theme tags five times. Under load it is CPU-bound; the next step, if "
    "it matters, is caching the page for a few minutes (the data are anonymised aggregates).",
    "`/api/v1/requests` spent 150 ms sorting all 50,000 requests to return one page newest first; an index in "
    "that order (`request_newest_first`, same migration) makes it a 0.1 ms index scan (page: 228 → 114 ms). "
    "The queue uses the same order.",
    "`/directory/` rendered all 5,000 organisations in one page (1.8 MB of HTML; 2.4 s, of which the SQL was "
    "0.1 s; at a concurrency of 8, a p50 of 12.6 s). The directory and the queue are now paginated, 50 rows a "
    "page (`tahub/core/pagination.py`): 42 ms for the directory's first page, measured above.",
    "`/proposals/contributions/` took 5.9 s (p50, under load): its trust-fund filter was filled by "
    "`trust_funds_with_money()`, which sums every pledge's commitments and receipts (10,000 pledges, four "
    "correlated subqueries each: 1.1 s of SQL alone). The filter now reads the trust funds' codes only "
    "(`trust_fund_list()`); the page of 50 activities with their money is a 10 ms query. Then the money itself: "
    "`with_money` summed each row's commitments and receipts in nested correlated subqueries (2.0 s of SQL for "
    "the trust funds at 10,000 pledges); it is now flat grouped sums, and funding (per pledge the larger of "
    "committed and received) one statement grouping the entries by pledge (`selectors.totals.FundingOf`): 0.18 s.",
    "`/plan/mandates/` counted each paragraph's citing records in a subquery and fetched the first ten per "
    "paragraph with a window function over all 75,000 citations (1.0 s a request, 0.8 s of it SQL, 195 KiB). "
    "Counts are now one GROUP BY per kind (the link table alone where everything is visible), records are "
    "listed only up to five per paragraph and kind (above that a link to the filtered programme of work), "
    "and labels are translated once per page: about 0.12 s, at most 15 queries whatever the data.",
    "`/events/calendar.ics` spent ~0.5 s (2.3 s cold) in the icalendar library building 463 events. The text is "
    "now written directly (the library only for each VTIMEZONE, once per zone and process), the feed holds the "
    "last 90 days and later, and it is cached under a key that changes with any event edit, the key also being "
    "the ETag (a polling client's conditional GET gets 304): ~51 ms uncached, ~5 ms cached (one process).",
    "The request page, the queue (116 submitted requests from Africa, in pages of 50) and the centre page cost "
    "a fixed number of queries with the database's share under 10 %: the rest is Python (templates, the ORM).",
    "The public needs pages aggregated live on every request: `/needs/gen1-needs-18/` ran five statements, the "
    "costliest being what was delivered since the previous cycle (a UNION over 50,000 requests' theme tags and "
    "the events' attendance: most of the page's SQL, 0.13 s of 0.16 s in one request), and "
    "`/needs/across-cycles/` one aggregate over every answer of 19 cycles (0.08 s). Public pages show only "
    "published cycles, so the aggregates are now computed when staff publish (`needs.PublishedResults`, one row "
    "per cycle written in `services.publish_results`; publishing again refreshes it, withdrawing deletes it) and "
    "the public pages and API read them: two small queries, 161 → 19 ms and 91 → 12 ms (single requests, p50, "
    "the old and new code timed alike on the development machine). The Secretariat's views stay live. An index on "
    "responses (cycle, kind, state) was tried and not kept: at 200 responses a cycle the planner keeps the "
    "cycle's foreign-key index. `/needs/gen1-needs-18/matrix/KEN/` loaded every event Kenya's nominees "
    "attended, with organisers and themes, to count events per theme in Python; it is one aggregate now "
    "(72 → 24 ms single-request p50; 13 → 11 statements). Saving a workbook's 70 answers wrote each answer "
    "and amount with its own INSERT and history INSERT (343 statements); answers, amounts and their history "
    "rows are now bulk-written: 31 statements. Against a local PostgreSQL the import still takes about 0.6 s "
    "(reading the XLSX dominates); the saving grows with the network round trip to the database.",
]
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
}
# What the profiles chose and what each change did, measured by bench/profiling.py on the profile data set (calls
# and CPU time per request, one process); written into the report's "Profiles" section.
PROFILE_FINDINGS = [
    "`/parties/` (185 rows): 150,750 → 29,798 calls a request. Each row cost ~800 calls: four model instances "
    "(Party, country, region, convention, with their timestamps parsed), a URL reversed, a date formatted, a "
    "lazy label translated, five template variables. The rows are now `values()` (`selectors.party_rows`), "
    "written out once a page (`views.party_rows_html`: ~25 calls a row), the counts by class taken from them in "
    "Python (one query fewer). The same HTML.",
    "`/directory/` (50 rows): 128,683 → 44,085 calls a request. `get_kind_display` alone cost ~650 calls a row "
    "(the choices rebuilt each time); with the URL, the themes as model instances and the template, ~1,700. Rows "
    "are now `values()` (`selectors.organisation_rows`), the page's themes one `values_list` "
    "(`selectors.theme_names`), written out once a page (~46 calls a row).",
    "Filter forms, on every list page: Django's select renders each option through two included templates "
    "(~290 calls an option). `core.forms.Select` writes the same HTML in Python (~16 calls an option, compared "
    "byte for byte with Django's by tests/core/test_select_widget.py) and every filter form's select uses it: "
    "the directory's form 24,392 → 11,106 calls, the queue's 34,329 → 16,266, the Parties' 10,046 → 6,353; "
    "pages: `/directory/` 44,087 → 30,805, `/parties/` 29,799 → 26,107, the queue ≈165,400 → 147,346. What "
    "is left in a form is Django's field templates (label, errors, `div.html`) and the model instances of its "
    "choices.",
    "`/requests/queue/?region=AFR&state=submitted`: the page of 50 prefetched every request's themes, types, "
    "chemicals, conventions and assignments with their reports, which only the export shows: 147,346 → 123,380 "
    "calls, five queries fewer (`requests.prefetch_related(None)` for the page; the export keeps them).",
    "`/staff/events/gen1-event-00000/` (100 of 500 nominations a page): each nominated person's row included "
    "four decision forms (a template, a URL reversed and a CSRF token each): ~2,300 calls a row, 344,769 a "
    "page. The rows are now written once a page (`views.registrations.registration_rows_html`, the same HTML, compared "
    "with the template's by tests/events/test_staff_rows.py): 111,283.",
    "`/api/v1/requests` (50 a page): whole tags, organisations and delivery reports were built for a schema that "
    "sends the tags' codes and the organisations' slugs; `selectors.api_request_list` fetches only those "
    "(`only()`), no report: 104,729 → 97,100. The rest is spread thin (ninja's `DjangoGetter` over each "
    "instance, pydantic, the ORM). Now the rows are `values()`, with each page's tags and assignments in one "
    "`values_list` each (`selectors.api_request_rows` through `core.api_pagination.Rows`; the detail answers "
    "read the same rows): 98,044 → 34,765 calls, 25.8 → 8.8 ms of CPU, 9 queries. The request page reads the "
    "person's contact points once and asks the predicates that need no query first: 17 → 15 queries, "
    "48,813 → 47,013 calls (not selecting the filer's user row included); the queue 66,905 → 65,570.",
    "Signed-in pages: the navigation's counts of what waits (`reports.dashboard.work_counts`) cost "
    "~48,500 calls on every signed-in page (half of `/requests/GEN1-00007/`, a third of the queue), "
    "~34,000 of them Django compiling its one query of twelve scalar subqueries built from the apps' "
    "selectors. Its SQL depends only on whether the user is Secretariat staff, so it is now compiled once "
    "per process for each (`_compiled_counts`, with stand-ins for the user's id and the day, replaced in "
    "the parameters when it runs): ~230 calls, the same numbers as the ORM query for every demo role "
    "(tests/reports/test_counts_cost.py). The language form's options are written by a tag "
    "(`core.templatetags.language_options`, the same HTML as the template loop, compared in every "
    "language by tests/core/test_language_options.py): ~1,060 calls fewer on every page. Measured on a "
    "profile database of the same scale and seed made again (`BENCH_PROFILE_DB=tahub_profile_navcost`; "
    "the shared one had another branch's migrations): `/requests/GEN1-00007/` 112,508 → 111,447 (language "
    "form) → 56,354 calls (counts), the queue 133,111 → 132,049 → 76,957; the rows of the table above for "
    "these two pages are from that run. The public navigation (`groups`) is ~1,400 calls: left as it is. "
    "Django's `ModelBackend` asked two queries (the user's permissions and groups') after any rule that "
    "said no; it is replaced by `accounts.backends.PasswordBackend` (a password, no model permissions: "
    "Django's groups and permissions are assigned nowhere), tested by "
    "tests/accounts/test_password_backend.py. The profiled administrator's pages ask no rule that says "
    "no, so their query counts do not show it (a reader's `/plan/plans/` does).",
    "Every signed-in HTML page ran ~200 ms of SQL at this scale (the 2026-12-04 run: `/requests/GEN1-00007/` "
    "33 requests/s of its raw SQL, the queue 38, the staff event page 37, the needs matrix 35), all in the "
    "navigation's counts: each was `COUNT(id) WHERE id IN (SELECT id ...)`, and for the nominations awaiting "
    "a decision PostgreSQL hashed all 250,000 registrations (EXPLAIN ANALYZE: 99 ms of the query's 109). A "
    "count of one table now runs as `COUNT(*)` on it (joins and DISTINCT are still counted by primary key) "
    "and the registrations have an index on their state: the counts' execution 109 → 9 ms; planning the "
    "twelve subqueries took 14 ms in that EXPLAIN ANALYZE, a first plan on cold caches. Measured again on a "
    "kept connection (scale 10, a loaded machine, 300 executions each, 2026-12-04): 7.7–8.1 ms an execution as "
    "now, 5.7–6.7 ms as a psycopg prepared statement. Not adopted: psycopg prepares only with server-side "
    "binding, where Django's query log keeps no statement with its values (the debug toolbar, "
    "bench/capture_sql.py), and a transaction-mode pooler would hand a prepared statement to another session.",
    "Every page's navigation (`base.html`): its items were template loops (an `{% if %}`, a `{% with %}` and "
    "three variables a link) and its URLs were reversed on every request (13 for the areas, 5 for the header and "
    "footer, 7 more in two middlewares). The items are now written by a tag "
    "(`reports.templatetags.site_navigation`, the same HTML as the loops, compared for visitors, contact points "
    "and staff in every language by tests/core/test_navigation_html.py) and the URLs without arguments reversed "
    "once per process (`core.links.cached_reverse`, `{% cached_url %}`). `/data-notes/` (a page of text, little "
    "but the base template; SQLite, tests' data): a visitor 12,009 → 8,117 calls, a signed-in contact point "
    "15,622 → 10,778 (`/healthz`: 1,919); the navigation alone 3,621 → 1,597.",
    "Filter forms' field templates: after `core.forms.Select`, each filter form still rendered Django's form "
    "templates (div.html, then field.html, label.html, the error list and input.html for each field, each "
    "template a render of its own). `core.forms.PythonFormRenderer` writes those templates in Python (the same "
    "HTML: tests/core/test_form_renderer.py compares every list page's filter form, bound, unbound and with "
    "errors, and a form with hidden fields, help texts, fieldsets and errors of every kind, in three languages); "
    "every filter form is a `core.forms.FilterForm`, which renders with it (other templates, e.g. radio buttons, "
    "still Django's). The queue's form alone 13,525 → 8,270 calls (what is left is mostly its choices' queries "
    "and model instances). Pages (SQLite, tests' data, the navigation above already cheaper): `/directory/` "
    "25,100 → 20,310, `/parties/` 22,765 → 18,923, `/events/` 27,213 → 20,449, `/centres/` 32,217 → 30,883, "
    "`/plan/programme/` 34,164 → 29,854, `/decisions/` 35,261 → 32,985, the queue (`?state=submitted&region=AFR`,"
    " staff) 41,729 → 35,177.",
    "The request page (`/requests/<reference>/`, an administrator, SQLite, tests' data): the profile shows the "
    "cost spread over the ORM (20 queries: the request with its prefetches ~35 %, the actions' permission checks "
    "~35 %, the template ~25 %). The permission checks asked `rules.is_triager` four times, each reading the "
    "person's staff roles again (a query and ~1,200 calls each); the view now prefetches them once: 51,933 → "
    "48,295 calls, three queries fewer (tests/assistance/test_cost.py). Next: `is_party_contact` is asked three "
    "times (an `exists()` query each).",
]
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
