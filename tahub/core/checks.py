"""Deployment checks of our own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Several web processes with per-process caches weaken sign-in: allauth counts rate limits and remembers used
    second-factor codes in the cache, so each process would keep its own count and its own list."""
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "TAHUB_REDIS_URL is not set: the cache is per process.",
            hint="With more than one web process, set TAHUB_REDIS_URL so that sign-in rate limits and used "
            "second-factor codes are shared (docs/operations.md, Caches). A single web process may ignore this.",
            id="tahub.W001",
        )
    ]
