"""The HTML report in a real headless Chromium: the legend is there, a removed block renders struck through.

Debian's ``chromium`` is used. When it is missing, the test installs it with
apt-get, but only as root on a CI-like machine (``CI`` set, or
``CLEANER_INSTALL_CHROMIUM=1``); it skips, saying why, only when it cannot be
installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEEDS, cleaner_exe
from tests.test_report import parse

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _may_install() -> str | None:
    """None when this machine may install chromium; otherwise why not."""
    if os.name != "posix" or os.geteuid() != 0:
        return "not running as root"
    if not (os.environ.get("CI") or os.environ.get("CLEANER_INSTALL_CHROMIUM") == "1"):
        return "not CI-like (set CI=1 or CLEANER_INSTALL_CHROMIUM=1 to let the test install it)"
    if not shutil.which("apt-get"):
        return "no apt-get"
    return None


def _install_chromium() -> str | None:
    """Install Debian's chromium; None on success, else the reason it failed."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{' '.join(cmd)} failed: {exc}"
        if done.returncode != 0:
            return f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()[-300:]}"
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    why_not = _may_install()
    if why_not is None:
        why_not = _install_chromium()
        found = shutil.which("chromium")
        if found:
            return found
    pytest.skip(f"chromium is not installed and cannot be installed here: {why_not or 'not on PATH after install'}")


def run_chromium(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "report.html"
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    subprocess.run(
        [cleaner_exe(), "explain", "--html", str(path), *seeds], check=True, timeout=120, capture_output=True
    )
    return path


def test_screenshot(chromium: str, report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = run_chromium(
        chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000", report.as_uri()
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert len(data) > 10_000 and data.startswith(PNG_MAGIC)


def test_rendered_dom(chromium: str, report: Path, tmp_path: Path) -> None:
    """The report's #selftest script writes each element's computed text decoration into the DOM dump."""
    done = run_chromium(chromium, tmp_path / "profile", "--dump-dom", report.as_uri() + "#selftest")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    elements = parse(done.stdout.decode("utf-8"))
    body = next(e for e in elements if e.tag == "body")
    assert body.attrs.get("data-selftest") == "done", "the self-test script did not run"
    # The legend of the first document (seed 000, a live blog) with its counts.
    legend = [e for e in elements if e.tag == "li" and "data-reason" in e.attrs]
    assert any(e.attrs["data-reason"] == "related-header" for e in legend)
    assert any(e.attrs["data-reason"] == "timestamp" and e.text.split()[-1] == "5" for e in legend)
    # A known removed block, rendered struck through; a kept block is not.
    (lire,) = [e for e in elements if "block" in e.classes and e.text.endswith("Lire aussi")]
    assert "removed" in lire.classes
    assert "line-through" in lire.attrs.get("data-computed", "")
    kept = next(e for e in elements if "kept" in e.classes)
    assert kept.attrs.get("data-computed") == "none"
    spans = [e for e in elements if e.tag == "del" and "removed" in e.classes]
    assert spans and all("line-through" in e.attrs.get("data-computed", "") for e in spans)
