import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_ready_when_migrated(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_unapplied_migrations(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("fake", False)])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "1 migrations not applied"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_readyz_reports_an_unreachable_shared_cache(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": settings.REDIS_URL}
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "cache: ConnectionError"
