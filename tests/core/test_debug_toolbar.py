"""django-debug-toolbar: only in development, when asked for (TAHUB_DEBUG_TOOLBAR=1), never in tests or production."""

from django.conf import settings

from tests.core.test_settings import manage, production

SHOW = (
    "from django.conf import settings; from django.urls import NoReverseMatch, reverse\n"
    "try:\n    url = reverse('djdt:render_panel')\nexcept NoReverseMatch:\n    url = '-'\n"
    "print('debug_toolbar' in settings.INSTALLED_APPS, "
    "'debug_toolbar.middleware.DebugToolbarMiddleware' in settings.MIDDLEWARE, url)"
)


def _toolbar(tmp_path, **env):
    result = manage("shell", "--no-imports", "-c", SHOW, tmp_path=tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_development_with_the_variable_has_the_toolbar_and_its_urls(tmp_path):
    assert _toolbar(tmp_path, TAHUB_DEBUG_TOOLBAR="1") == ["True", "True", "/__debug__/render_panel/"]


def test_without_the_variable_or_without_debug_there_is_no_toolbar(tmp_path):
    assert _toolbar(tmp_path) == ["False", "False", "-"]
    assert _toolbar(tmp_path, TAHUB_DEBUG_TOOLBAR="1", DEBUG="false") == ["False", "False", "-"]


def test_production_never_has_the_toolbar(tmp_path):
    assert _toolbar(tmp_path, TAHUB_DEBUG_TOOLBAR="1", DEBUG="true", **production()) == ["False", "False", "-"]


def test_the_test_run_has_no_toolbar():
    assert settings.DEBUG_TOOLBAR is False
    assert "debug_toolbar" not in settings.INSTALLED_APPS
