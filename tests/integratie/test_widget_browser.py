"""The chat widget in a real browser: `make run`'s servers and demo page,
Debian's Chromium driven by playwright-core (tests/widget_browser.mjs). The
screenshots land in results/screenshots/ (desktop and phone sizes)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from actions.kennis.kennisbank import kennisbank
from bot import servers
from gedeeld import settings
from kanalen import model_voor_kanalen, omgeving

SCRIPT = settings.ROOT / "tests" / "widget_browser.mjs"
SCREENSHOTS = settings.ROOT / "results" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_TIMEOUT_S = 600


def _hulplijnnummers():
    return [nummer for lijn in kennisbank().hulplijnen.values() for nummer in lijn["nummers"]]


def test_widget_in_chromium(tmp_path, eigen_poorten):
    node = shutil.which("node")
    assert node, "node is not installed (Node.js 20 or newer; `make install` needs npm)"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
    assert (settings.ROOT / "node_modules" / "playwright-core").is_dir(), "run `make install` (npm ci) first"
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()

    with omgeving(TRACKER_STORE_URL=f"sqlite:///{tmp_path / 'tracker.db'}"):
        with servers.running(model_voor_kanalen(), log_dir=tmp_path), servers.demo_site() as demo_url:
            result = subprocess.run(
                [node, str(SCRIPT)], cwd=settings.ROOT, capture_output=True, text=True,
                timeout=BROWSER_TIMEOUT_S,
                env={**os.environ, "DEMO_URL": demo_url, "RASA_URL": servers.rasa_server_url(),
                     "SCREENSHOT_DIR": str(SCREENSHOTS), "CHROMIUM": CHROMIUM,
                     "HULPLIJN_NUMMERS": json.dumps(_hulplijnnummers())})
    print(result.stdout)
    print(result.stderr)
    if result.returncode != 0:
        logs = "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}"
                         for log in sorted(tmp_path.glob("*.log")))
        pytest.fail(f"the browser test failed:\n{result.stdout}\n{result.stderr}\n{logs}")
    shots = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    assert shots == ["desktop-1-begroeting.png", "desktop-2-gesprek.png", "desktop-3-na-herladen.png",
                     "desktop-4-document.png", "telefoon-1-begroeting.png", "telefoon-2-crisis.png"]
