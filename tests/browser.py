"""Loopback helpers for the tests and benchmarks: a server for a built site, a free
port, `mkdocs serve` on it, a page fetch, how to start Debian's Chromium through
Playwright (no browser download), the Nu Html Checker, and a PNG's size."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import struct
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NPM_MODULES = Path(__file__).resolve().parent.parent / ".venv" / "npm" / "node_modules"
AXE = NPM_MODULES / "axe-core" / "axe.min.js"
VNU = NPM_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_send: ClassVar[dict[str, str]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


def site_headers(site: Path) -> dict[str, str]:
    """The headers the site's `_headers` file asks for on every page (its `/*` block)."""
    headers, block = {}, None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            block = line.strip()
        elif block == "/*" and ":" in line and line.startswith(" "):
            name, value = line.strip().split(":", 1)
            headers[name] = value.strip()
    return headers


@contextmanager
def serve_directory(root: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `root` on a free loopback port, sending `headers` with every response;
    yields the base URL."""
    handler_class = type("_Handler", (_QuietHandler,), {"headers_to_send": headers or {}})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def mkdocs_serve(mkdocs: list[str], folder: Path) -> Iterator[str]:
    """`mkdocs serve` (the command that starts MkDocs, e.g. `[python, "-m", "mkdocs"]`)
    of the project in `folder`, on a free loopback port; yields the base URL."""
    port = free_port()
    process = subprocess.Popen(
        [*mkdocs, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def nu_errors(paths: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors for the HTML files `paths` (empty when they are valid).

    Runs `java -jar vnu.jar --errors-only --format json`; its JSON report on stderr must
    parse and hold a "messages" list, and its exit code must agree with it (vnu exits
    non-zero when it reports an error). Any disagreement is an AssertionError, so a
    checker that did not run, crashed or checked nothing never passes for "no error"."""
    java = shutil.which("java")
    assert java, "a Java runtime is needed for the Nu Html Checker: run tests/setup.sh"
    assert VNU.is_file(), f"vnu-jar is needed ({VNU}): run tests/setup.sh"
    assert paths, "no HTML file to check"
    missing = [str(p) for p in paths if not Path(p).is_file()]
    assert not missing, f"vnu skips files that do not exist: {missing[:5]}"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError as error:
        raise AssertionError(
            f"vnu wrote no JSON report (exit {result.returncode}, {error}):\n"
            f"{result.stderr[-2000:]}{result.stdout[-2000:]}"
        ) from None
    assert isinstance(report, dict) and isinstance(report.get("messages"), list), (
        f"vnu's report holds no messages list: {result.stderr[-2000:]}"
    )
    errors = [m for m in report["messages"] if m.get("type") != "info"]
    assert (result.returncode != 0) == bool(errors), (
        f"vnu exited {result.returncode} but reported {len(errors)} error(s): "
        f"{json.dumps(report)[:2000]}"
    )
    return errors


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its IHDR chunk."""
    head = Path(path).read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; its absence fails, never skips."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: run the README's test set-up"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def run_axe(page: object) -> list[dict]:
    """axe-core's violations on the page as loaded, in short form."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def axe_violations(browser: object, base: str, paths: list[str]) -> dict[str, list[dict]]:
    """axe-core's violations on each page in the light and the dark scheme, by page."""
    found = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            violations = run_axe(page)
            if violations:
                found[f"{scheme} {path}"] = violations
        context.close()
    return found
