"""Headless Chromium for tests, driven by Playwright: Debian's /usr/bin/chromium, never a
browser build that Playwright would download. `make setup` installs both.

Outside CI the browser tests are skipped when Chromium or Playwright is missing; in CI
(CI=true) that is a failure, so the report is always tested in a real browser there.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


def _chromium() -> str | None:
    return os.environ.get("FINNEWS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageVisit:
    """What one page did in the browser: console messages, uncaught errors, dialogs
    (alert/confirm/prompt: script that ran), and requests that left the page."""

    console: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"]


class Browser:
    def __init__(self, browser) -> None:
        self._browser = browser

    def visit(self, path: Path, screenshot: Path | None = None, action=None) -> PageVisit:
        visit = PageVisit()
        page = self._browser.new_page()
        page.on("console", lambda m: visit.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
        page.on("request", lambda r: visit.requests.append(r.url))

        def on_dialog(dialog):
            visit.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri(), wait_until="load")
        if action is not None:
            action(page)
        page.wait_for_timeout(200)  # let late handlers (onerror, timers) fire
        if screenshot is not None:
            page.screenshot(path=str(screenshot), full_page=True)
        page.close()
        return visit


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and Playwright are needed for the browser tests in CI: run `make setup`")
        pytest.skip("Chromium or Playwright not installed (`make setup` installs them)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield Browser(chromium)
        finally:
            chromium.close()
