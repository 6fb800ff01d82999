"""Charts drawn on the server as SVG: readable without JavaScript, reusable in the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from budget.amounts import format_wan

ROW = 30
LABEL_WIDTH = 300
BAR_WIDTH = 300
VALUE_WIDTH = 130
WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"
INK, MUTED, BAR = "#1a1a1a", "#5a5a5a", "#1d4f91"
MAX_LABEL = 18


@dataclass(frozen=True)
class Bar:
    label: str
    amount: Decimal | None  # None: the text states no amount for it


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def money_bars(bars: list[Bar], *, title: str) -> SafeString:
    """A horizontal bar chart of amounts in 万元, one row per bar, widths to scale.

    Rows without an amount are drawn as "未列明金额" so the chart never hides a sub-item.
    """
    largest = max((bar.amount for bar in bars if bar.amount), default=Decimal(0))
    height = ROW * len(bars) + 10
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW + 5
        label = escape(_short(bar.label))
        rows.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 19}" text-anchor="end">{label}</text>')
        if bar.amount:
            width = max(1, int(BAR_WIDTH * bar.amount / largest)) if largest else 0
            rows.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 5}" width="{width}" height="{ROW - 10}" '
                f'class="bar" fill="{BAR}"/>'
            )
            value = escape(format_wan(bar.amount))
            rows.append(f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 19}">{value}</text>')
        else:
            shown = "0万元" if bar.amount == 0 else "未列明金额"
            rows.append(
                f'<text x="{LABEL_WIDTH + 6}" y="{y + 19}" class="muted" fill="{MUTED}">'
                f"{shown}</text>"
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart" '
        # Presentation attributes, not a <style> element: the pages' Content-Security-Policy
        # allows no inline style, and WeasyPrint reads them the same way.
        f'font-family="{FONT}" font-size="14" fill="{INK}">'
        f"<title>{escape(title)}</title>"
        f"{''.join(rows)}</svg>"
    )
    return mark_safe(svg)  # every piece of text in it went through escape()
