"""Server-rendered SVG bar charts: geometry here, markup in `templates/includes/_bar_chart.html`.

No JavaScript and no external service: the chart is part of the page, with a <title> and a
<desc> that says every value, and the page shows the same numbers as a table.
"""

from dataclasses import dataclass

_LABEL_WIDTH = 230
_BAR_AREA = 300
_VALUE_GAP = 8
_ROW_HEIGHT = 30
_BAR_HEIGHT = 20
_PADDING = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int
    value_x: int
    css_class: str


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int = _LABEL_WIDTH
    bar_height: int = _BAR_HEIGHT


def horizontal_bar_chart(
    *, title: str, rows: list[tuple[str, int, str]], describe: str = "%(label)s: %(value)s"
) -> BarChart:
    """A bar per (label, value, css class); bar lengths relative to the largest value."""
    largest = max((value for _label, value, _css in rows), default=0) or 1
    bars = []
    for index, (label, value, css_class) in enumerate(rows):
        top = _PADDING + index * _ROW_HEIGHT
        width = round(_BAR_AREA * value / largest)
        bars.append(
            Bar(
                label=label,
                value=value,
                y=top,
                width=width,
                text_y=top + _BAR_HEIGHT - 5,
                value_x=_LABEL_WIDTH + width + _VALUE_GAP,
                css_class=css_class,
            )
        )
    description = "; ".join(describe % {"label": bar.label, "value": bar.value} for bar in bars)
    return BarChart(
        title=title,
        description=description,
        bars=bars,
        width=_LABEL_WIDTH + _BAR_AREA + 60,
        height=2 * _PADDING + len(rows) * _ROW_HEIGHT,
    )
