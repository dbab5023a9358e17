"""Probes for the load balancer and the orchestrator: no session, no template, no permission."""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """The process is alive and answering."""
    if settings.REDIS_URL:
        try:
            cache.get("readyz")
        except Exception as exc:  # noqa: BLE001 (redis-py's errors: any of them means not ready)
            return JsonResponse({"status": "unavailable", "reason": f"cache: {exc.__class__.__name__}"}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def signed_in_healthz(request):
    """/healthz for a signed-in visitor: the same constant answer, under the staff second-factor check (its path
    is not exempt) and after loading the session's user, so the benchmark can measure what the signed-in
    middleware stack costs on its own (bench/run.py). Says only whether the request counts as signed in."""
    return JsonResponse({"status": "ok", "signed_in": request.user.is_authenticated})


@never_cache
@require_GET
def readyz(request):
    """The database answers, every migration is applied and a shared cache (Redis) answers; 503 otherwise, with
    the reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return JsonResponse({"status": "unavailable", "reason": f"database: {exc.__class__.__name__}"}, status=503)
    if pending:
        return JsonResponse({"status": "unavailable", "reason": f"{len(pending)} migrations not applied"}, status=503)
    if settings.REDIS_URL:
        try:
            cache.get("readyz")
        except Exception as exc:  # noqa: BLE001 (redis-py's errors: any of them means not ready)
            return JsonResponse({"status": "unavailable", "reason": f"cache: {exc.__class__.__name__}"}, status=503)
    return JsonResponse({"status": "ok"})
