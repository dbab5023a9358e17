"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against Django's live server.

Without Chromium these tests are skipped, unless TAHUB_REQUIRE_BROWSER=true (as in CI), where a missing
browser is a failure.
"""

import os
import shutil

import pytest

from tahub.env import env_bool

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if env_bool("TAHUB_REQUIRE_BROWSER", False):
            pytest.fail(f"Chromium not found at {CHROMIUM}; CI installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    _settle_reads()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Reads that don't wait for anything (page.content(), page.evaluate(), a locator's is_visible(), count(), ...)
# wait for the page's load first. A click that submits a form returns once the next page is committed, not
# loaded; read at that moment the new document is empty or half-parsed (seen in CI: '' right after a Submit,
# .error-summary not yet visible). Tests read the page they were sent to.
_IMMEDIATE_READS = {
    "Page": (lambda page: page, ("content", "evaluate")),
    "Locator": (
        lambda locator: locator.page,
        ("is_visible", "is_hidden", "count", "all", "all_inner_texts", "all_text_contents"),
    ),
}


def _settle_reads():
    import playwright.sync_api

    for class_name, (page_of, names) in _IMMEDIATE_READS.items():
        cls = getattr(playwright.sync_api, class_name)
        if getattr(cls, "tahub_settled", False):
            continue
        cls.tahub_settled = True
        for name in names:
            read = getattr(cls, name)

            def settled_read(self, *args, _read=read, _page_of=page_of, **kwargs):
                _page_of(self).wait_for_load_state()
                return _read(self, *args, **kwargs)

            setattr(cls, name, settled_read)


@pytest.fixture
def page(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.tahub_without_js = True  # assert_accessible checks its document in a page with JavaScript
    yield page
    context.close()


def assert_accessible(page):
    """axe-core finds no violation on the page as it is now.

    axe is JavaScript: on a page opened without JavaScript (page_without_js) it would wait forever, so the page's
    document, as served, is copied into a page with JavaScript (same address for its styles) and checked there.
    """
    from axe_playwright_python.sync_playwright import Axe

    if getattr(page, "tahub_without_js", False):
        context = page.context.browser.new_context(locale="en-GB")
        try:
            checked = context.new_page()
            html = page.content().replace("<head>", f'<head><base href="{page.url}">', 1)
            checked.set_content(html)
            results = Axe().run(checked)
        finally:
            context.close()
    else:
        results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
