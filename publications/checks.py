"""Start-up checks (``manage.py check``, runserver, migrate): what the PDF renderer needs."""

from __future__ import annotations

import shutil
import subprocess

from django.core.checks import Error, Warning, register

FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")


def harfbuzz_subset_loaded() -> bool:
    """Whether WeasyPrint found libharfbuzz-subset (it falls back to fontTools, ~10× slower)."""
    from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None


def missing_fonts() -> list[str]:
    """The CJK faces the PDF stylesheet names that fontconfig does not resolve to themselves."""
    if shutil.which("fc-match") is None:
        return list(FONTS)
    missing = []
    for family in FONTS:
        found = subprocess.run(
            ["fc-match", "--format=%{family}", family], capture_output=True, text=True, check=False
        ).stdout
        if family not in found.split(","):
            missing.append(family)
    return missing


@register("publications")
def check_renderer(app_configs=None, **kwargs):
    problems = []
    if not harfbuzz_subset_loaded():
        problems.append(
            Warning(
                "未找到 libharfbuzz-subset：WeasyPrint 将改用 fontTools 子集化字体，"
                "生成 PDF 约慢 10 倍。",
                hint="安装 Debian 软件包 libharfbuzz-subset0（make demo / make test 会自动安装）。",
                id="publications.W001",
            )
        )
    for family in missing_fonts():
        problems.append(
            Error(
                f"未找到字体“{family}”：PDF 中的汉字将无法正确显示。",
                hint="安装 Debian 软件包 fonts-noto-cjk（make demo / make test 会自动安装）。",
                id="publications.E001",
            )
        )
    return problems
