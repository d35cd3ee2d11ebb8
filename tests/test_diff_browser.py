"""The HTML diff in a real browser: headless Chromium renders the table, logs no error, paints pixels.

Marked ``browser``; skipped where Chromium, its driver or Selenium is missing, unless
``POLICYPARSE_REQUIRE_BROWSER=1`` (as CI sets it after installing Debian's ``chromium`` and
``chromium-driver``, see .ci/run): then a missing browser fails the test.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

import policyparse
from policyparse.compare import diff, diff_to_html
from tests.conftest import CORPUS

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        return "chromium is missing"
    if not (CHROMEDRIVER.exists() or shutil.which("chromedriver")):
        return "chromedriver is missing"
    return None


# CI sets POLICYPARSE_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
_REQUIRED = os.environ.get("POLICYPARSE_REQUIRE_BROWSER") == "1"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_missing() is not None and not _REQUIRED, reason=str(_missing())),
]

OLD = "第一条　为了统一假期，制定本办法。\n第二条　放假3天(农历正月初一、初二、初三)。\n第三条　本办法自公布之日起施行。\n"
NEW = "第一条　为了统一假期，制定本办法。\n第二条　放假4天（农历除夕、正月初一至初三）。\n第三条　假期可以调休。\n第四条　本办法自公布之日起施行。\n"


def _page(tmp_path: Path) -> Path:
    holidays = CORPUS / "reg-public-holidays-2013.md", CORPUS / "reg-public-holidays-2024.md"
    if all(p.is_file() for p in holidays):
        result = diff(policyparse.parse_file(holidays[0]), policyparse.parse_file(holidays[1]))
    else:
        result = diff(policyparse.parse(OLD, name="old.txt"), policyparse.parse(NEW, name="new.txt"))
    page = tmp_path / "diff.html"
    page.write_text(diff_to_html(result), encoding="utf-8")
    return page


def _pixels(png: bytes) -> set[bytes]:
    """The distinct pixels of an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data = 8, b""
    width = height = channels = 0
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        chunk_type = png[position + 4 : position + 8]
        chunk = png[position + 8 : position + 8 + length]
        if chunk_type == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and color in (2, 6)
            channels = 3 if color == 2 else 4
        elif chunk_type == b"IDAT":
            data += chunk
        position += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        seen.update(bytes(line[i : i + 3]) for i in range(0, stride, channels * 7))
        previous = line
    return seen


def test_html_diff_renders_in_headless_chromium(tmp_path: Path) -> None:
    if _missing() is not None:
        pytest.fail(f"POLICYPARSE_REQUIRE_BROWSER=1 but {_missing()}")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = Options()
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1000,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver")))
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.get(_page(tmp_path).as_uri())
        table = driver.find_element(By.CSS_SELECTOR, "table.diff")
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert len(rows) >= 3
        assert table.size["width"] > 600 and table.size["height"] > 100
        assert driver.find_elements(By.CSS_SELECTOR, "table.diff del")
        assert driver.find_elements(By.CSS_SELECTOR, "table.diff ins")
        headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        assert headers == ["旧 old", "新 new", "变化 change"]
        log = driver.get_log("browser")  # type: ignore[no-untyped-call]
        errors = [entry for entry in log if entry["level"] in ("SEVERE", "ERROR")]
        assert errors == []
        png = driver.get_screenshot_as_png()
    finally:
        driver.quit()
    (tmp_path / "diff.png").write_bytes(png)
    assert len(_pixels(png)) > 10  # not a blank page
