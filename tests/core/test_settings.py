"""Production settings, checked the way an operator meets them: `manage.py` in a fresh process."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "operations.md"


def manage(*args, tmp_path, **env):
    """Run manage.py with only the given settings in the environment (none leak in from the test run)."""
    base = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TAHUB_VAR_DIR": str(tmp_path / "var")}
    base.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    base.update(env)
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=base,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,  # only stops a hung process
    )


def production():
    return {
        "TAHUB_PRODUCTION": "true",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "tahub.example.org",
        "TAHUB_REDIS_URL": "redis://cache.example.org:6379/1",  # not reached by `check`
    }


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **production())
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_when_production_has_no_shared_cache(tmp_path):
    env = production()
    del env["TAHUB_REDIS_URL"]
    result = manage("check", "--deploy", tmp_path=tmp_path, **env)
    assert result.returncode == 0, result.stderr  # a warning, not an error: one web process needs no Redis
    assert "(tahub.W001) TAHUB_REDIS_URL is not set: the cache is per process." in result.stderr + result.stdout


def test_production_without_secret_key_fails_clearly(tmp_path):
    env = production()
    del env["SECRET_KEY"]
    result = manage("check", tmp_path=tmp_path, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set in production" in result.stderr


def test_production_without_allowed_hosts_fails_clearly(tmp_path):
    env = production()
    del env["ALLOWED_HOSTS"]
    result = manage("check", tmp_path=tmp_path, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_refuses_demo_mode(tmp_path):
    result = manage("check", tmp_path=tmp_path, TAHUB_DEMO="true", **production())
    assert result.returncode != 0
    assert "TAHUB_DEMO cannot be true in production" in result.stderr


def test_production_refuses_to_load_demo_data(tmp_path):
    result = manage("load_demo_data", tmp_path=tmp_path, **production())
    assert result.returncode == 1
    assert "CommandError: Demo data is refused: these settings are not in demo mode" in result.stderr
    # Refused before the database is opened: SQLite would have made its file (so no migrated database is needed
    # to show nothing is written; migrating one cost a minute of CPU).
    assert not (tmp_path / "db.sqlite3").exists()


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "yes"), ("TAHUB_PRODUCTION", "on"), ("EMAIL_USE_TLS", "Y")])
def test_malformed_boolean_fails_loudly(tmp_path, name, value):
    result = manage("check", tmp_path=tmp_path, **{name: value})
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name} must be true/false/1/0, not '{value}'" in result.stderr


def test_malformed_integer_fails_loudly(tmp_path):
    result = manage("check", tmp_path=tmp_path, DB_CONN_MAX_AGE="a minute")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DB_CONN_MAX_AGE must be an integer, not 'a minute'" in result.stderr


def test_every_environment_variable_is_documented():
    names = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', (ROOT / "tahub" / "settings.py").read_text()))
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", DOCS.read_text(), re.MULTILINE))
    assert names, "no environment variables found in settings.py"
    assert sorted(names - documented) == []


def _redis_or_skip(url):
    import redis

    from tahub.env import env_bool

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if env_bool("TAHUB_REQUIRE_REDIS", False):
            raise
        pytest.skip(f"no Redis at {url} (CI sets TAHUB_REQUIRE_REDIS=true)")


def test_with_a_redis_url_every_process_shares_one_cache(tmp_path):
    """What allauth's rate limits and used second-factor codes need with several web processes."""
    url = "redis://127.0.0.1:6379/15"
    _redis_or_skip(url)
    key = f"shared-{secrets.token_hex(8)}"
    write = (
        "from django.core.cache import cache, caches; "
        f"cache.set('{key}', 'seen', 60); print(type(caches['default']).__name__)"
    )
    first = manage("shell", "--no-imports", "-c", write, tmp_path=tmp_path, TAHUB_REDIS_URL=url)
    assert first.stdout.strip() == "RedisCache", first.stderr
    read = f"from django.core.cache import cache; print(cache.get('{key}')); cache.delete('{key}')"
    second = manage("shell", "--no-imports", "-c", read, tmp_path=tmp_path, TAHUB_REDIS_URL=url)
    assert second.stdout.strip() == "seen", second.stderr


def test_without_a_redis_url_each_process_has_its_own_cache(tmp_path):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.cache import caches; print(type(caches['default']).__name__)",
        tmp_path=tmp_path,
    )
    assert result.stdout.strip() == "LocMemCache", result.stderr


def _site_url(tmp_path, **env):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL)",
        tmp_path=tmp_path,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_email_links_follow_the_address_make_run_serves(tmp_path):
    assert _site_url(tmp_path, TAHUB_ADDR="127.0.0.1:8101") == "http://127.0.0.1:8101"
    assert _site_url(tmp_path, TAHUB_ADDR="0.0.0.0:8102") == "http://127.0.0.1:8102"
    assert _site_url(tmp_path, TAHUB_ADDR="8103") == "http://127.0.0.1:8103"
    assert (
        _site_url(tmp_path, TAHUB_ADDR="127.0.0.1:8101", SITE_URL="https://ta.example.org/") == "https://ta.example.org"
    )
    assert _site_url(tmp_path) == "http://127.0.0.1:8000"


def test_make_run_gives_its_address_to_the_web_process_and_the_worker(tmp_path):
    result = subprocess.run(  # noqa: S603
        ["make", "-n", "run", "ADDR=127.0.0.1:8101"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    commands = result.stdout
    assert "TAHUB_ADDR=127.0.0.1:8101 .venv/bin/python manage.py db_worker" in commands
    assert "TAHUB_ADDR=127.0.0.1:8101 .venv/bin/python manage.py runserver 127.0.0.1:8101" in commands


def test_the_smtp_backend_gives_up_on_a_silent_server(tmp_path):
    code = (
        "from django.conf import settings; from django.core.mail import get_connection; "
        "print(get_connection(settings.EMAIL_DELIVERY_BACKEND).timeout)"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        tmp_path=tmp_path,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "30"
