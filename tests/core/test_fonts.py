"""Chinese and Russian pages use fonts that have their glyphs (issue 14): the stylesheet gives a page in Chinese a
Chinese font first and a page in Russian fonts with Cyrillic, and the pages say their language, so `:lang()`
applies. Where fontconfig is installed (Debian: fonts-noto-cjk, fonts-dejavu-core), a family of each stack
is one installed with the script's glyphs."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CSS = Path(settings.BASE_DIR) / "tahub" / "static" / "css" / "tahub.css"
CHINESE_FONTS = {"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC"}
# 技 (U+6280) and ж (U+0436): a character each stack must print.
SAMPLE = {"zh": "6280", "ru": "0436"}


def font_stack(selector):
    rule = re.search(re.escape(selector) + r"\s*\{[^}]*font-family:\s*([^;}]+)", CSS.read_text())
    assert rule, f"no font-family for {selector}"
    return [name.strip().strip('"') for name in rule.group(1).split(",")]


def test_a_chinese_page_takes_a_chinese_font_first():
    stack = font_stack("body:lang(zh)")
    assert stack[0] in CHINESE_FONTS
    assert "Noto Sans CJK SC" in stack  # Debian's fonts-noto-cjk
    assert stack[-1] == "sans-serif"


def test_a_russian_page_takes_fonts_with_cyrillic():
    stack = font_stack("body:lang(ru)")
    assert {"Noto Sans", "DejaVu Sans"} <= set(stack)
    assert not CHINESE_FONTS & set(stack)
    assert stack[-1] == "sans-serif"


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")
@pytest.mark.parametrize("code", ["zh", "ru"])
def test_a_font_of_the_stack_is_installed_with_the_scripts_glyphs(code):
    listed = subprocess.run(["fc-list", f":charset={SAMPLE[code]}", "family"], capture_output=True, text=True)
    installed = {name.strip() for line in listed.stdout.splitlines() for name in line.split(",")}
    assert installed & set(font_stack(f"body:lang({code})"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["zh-hans", "ru"])
def test_the_page_names_its_language_for_the_stylesheet(client, code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    body = client.get("/parties/").content.decode()
    assert re.search(r"<html[^>]*>", body).group(0) == f'<html lang="{code}" dir="ltr">'
    assert re.search(r'<link rel="stylesheet" href="[^"]*css/tahub\.css"', body)
