"""Browser fixtures: a small store ingested from samples/, `eventwire serve` on a free port, Debian's Chromium.

The tests drive /usr/bin/chromium through Playwright for Python; they never download a browser build
and skip with the reason when Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Wikinews samples beside the seed article: between them they have dyads, quotes and located events.
FIXTURE_TITLES = ("Gunman opens fire in El Paso", "missile strike on Iraqi air base", "Nancy Pelosi again elected")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fixture_inputs(folder: Path) -> list[Path]:
    """The seed article and three Wikinews samples, one file each."""
    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    paths = [SAMPLES / "seed-article.txt"]
    for i, title in enumerate(FIXTURE_TITLES):
        found = [line for line in lines if title in json.loads(line).get("title", "")]
        assert found, f"samples/wikinews.jsonl has no article titled {title!r}"
        path = folder / f"wikinews-{i}.jsonl"
        path.write_text(found[0] + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    """A store built by the real pipeline (`eventwire ingest`) from four sample files, once per session."""
    folder = tmp_path_factory.mktemp("dashboard")
    db = folder / "store.db"
    inputs = [str(p) for p in fixture_inputs(folder)]
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", *inputs, "--db", str(db), "--no-progress"],
                   check=True, capture_output=True, text=True, timeout=600)
    return db


def wait_for_server(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"eventwire serve exited ({process.returncode}): {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"eventwire serve did not answer at {url} within {timeout} s")


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    """`eventwire serve` on a free port of 127.0.0.1; the caller stops it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_server(url, process)
    except Exception:
        process.kill()
        raise
    return process, url


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def server(request) -> str:
    """The server's base URL: EVENTWIRE_TEST_SERVER when set (a server you started), else our own."""
    if os.environ.get("EVENTWIRE_TEST_SERVER"):
        yield os.environ["EVENTWIRE_TEST_SERVER"].rstrip("/")
        return
    process, url = start_server(request.getfixturevalue("store_path"))
    yield url
    stop_server(process)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


class PageLog:
    """What a page did: console errors, uncaught exceptions and every URL it requested."""

    def __init__(self, page) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("request", lambda request: self.requests.append(request.url))


@pytest.fixture
def dash(browser, server):
    """A fresh browser page on the test server: ``dash.page``, ``dash.log`` (a PageLog) and ``dash.url``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    yield SimpleNamespace(page=page, log=PageLog(page), url=server)
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
