"""make bench: serve TA Hub with gunicorn and production settings on PostgreSQL, load it, write docs/performance.md.

Steps: recreate the database tahub_bench; migrate, load the reference data and generate the benchmark data set
(development settings: generated data is refused in production); capture each page's SQL; collectstatic and
start gunicorn (production settings); load /healthz, each page and each page's SQL at a fixed concurrency;
stop gunicorn; write the report. Everything runs against 127.0.0.1 only, bounded in time.

Knobs (environment): BENCH_PG (PostgreSQL server URL), BENCH_CONCURRENCY (8), BENCH_DURATION (10 s per URL),
BENCH_WARMUP (2 s), BENCH_WORKERS (2 × cores + 1).
"""

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

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DB = "tahub_bench"
DSN = f"{PG}/{DB}"
SCALE, SEED = 100, 1  # tahub.demo.generators.BENCH_SCALE: 5,000 organisations
PAGES = ["/parties/", "/parties/KEN/", "/api/v1/parties"]
SETTINGS = {
    "concurrency": int(os.environ.get("BENCH_CONCURRENCY", "8")),
    "duration": float(os.environ.get("BENCH_DURATION", "10")),
    "warmup": float(os.environ.get("BENCH_WARMUP", "2")),
}
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# Our settings only; nothing else from the caller's environment (a DATABASE_URL, a DEBUG) leaks in.
OURS = ("TAHUB_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DB_", "SECURE_", "EMAIL_", "SITE_URL")
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
DEV_ENV = {**BASE_ENV, "DATABASE_URL": DSN, "TAHUB_VAR_DIR": str(ROOT / "var" / "bench")}
PROD_ENV = {
    **DEV_ENV,
    "TAHUB_PRODUCTION": "true",
    "SECRET_KEY": secrets.token_urlsafe(60),
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


def prepare():
    step(f"recreating database {DB}")
    recreate_database()
    step("migrate, load_reference_data")
    manage("migrate", "--noinput", "-v0", env=DEV_ENV)
    manage("load_reference_data", env=DEV_ENV, capture=True)
    step(f"generate_data --scale {SCALE} --seed {SEED}")
    print(manage("generate_data", "--scale", str(SCALE), "--seed", str(SEED), env=DEV_ENV, capture=True), end="")
    step("capturing each page's SQL")
    captured = subprocess.run(  # noqa: S603
        [sys.executable, "bench/capture_sql.py", *PAGES],
        env=DEV_ENV,
        cwd=ROOT,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    statements = json.loads(captured)
    for path, page_statements in statements.items():
        operation, close = load.sql_page(DSN, page_statements)()
        try:
            operation()  # a statement that cannot be replayed stops the run here, with its error
        finally:
            close()
        step(f"{path}: {len(page_statements)} statements")
    step("collectstatic (production settings)")
    manage("collectstatic", "--noinput", "-v0", env=PROD_ENV)
    return statements


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


def measure(port, statements):
    floor = load.measure_http("bare", port, "/healthz", **SETTINGS)
    step(f"/healthz: {floor.rate:.0f}/s")
    results = {}
    for path in PAGES:
        page = load.measure_http(path, port, path, **SETTINGS)
        sql = load.measure_sql(path, DSN, statements[path], **SETTINGS)
        step(f"{path}: {page.rate:.0f}/s over HTTP, {sql.rate:.0f}/s of its raw SQL ({sql.note})")
        results[path] = (page, sql)
    return floor, results


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
    return [
        (
            "Parties (Stockholm Convention)",
            parties,
            "the real Parties from the reference data; the issue's 200 do not exist, none are invented",
        ),
        ("organisations", organisations, f"{SCALE * 50:,} generated (seed {SEED}) + the reference partners"),
    ]


def main():
    started, load_before = time.monotonic(), os.getloadavg()
    statements = prepare()
    port = free_port()
    server = start_gunicorn(port)
    try:
        floor, results = measure(port, statements)
    finally:
        stop(server)
    facts, data = machine_facts(), data_set()
    facts["load average (1, 5, 15 min)"] = f"{_load(load_before)} before, {_load(os.getloadavg())} after"
    minutes = max(1, round((time.monotonic() - started) / 60))
    settings = {**SETTINGS, "workers": WORKERS, "scale": SCALE, "seed": SEED, "minutes": minutes}
    settings["date"] = facts["date"]
    settings["caveat"] = BUSY if load_before[0] > 0.5 * (os.cpu_count() or 1) else ""
    report.write(
        ROOT / "docs" / "performance.md", facts=facts, data=data, floor=floor, results=results, settings=settings
    )
    step(f"wrote docs/performance.md in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
