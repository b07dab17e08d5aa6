"""``govtui desk --html``: the desk as one self-contained page, charts first.

Drawn from the desk's JSON (:func:`govtui.desk.data.board_json`), like the workbook, so the
page never says something the command does not. Everything is inside the file — the
stylesheet (``dashboard.css`` beside this module) inlined, charts as inline SVG drawn here, no
script, font or image fetched — so it can be mailed, opened from a USB stick or put on an
intranet. The charts are plain horizontal bars: unit names are long Chinese text, which reads
best on the left of a bar, and bars need no library (a charting library would bring a script).

Charts: units per status; 本年新收 by unit; the outcome mix （一）…（六） by unit, as shares of
its handled applications; and 实质公开率 this year against last. Then the status table and the
problem list.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from govtui.desk.indicators import INDICATORS, OUTCOMES, show
from govtui.desk.status import LATE_LABEL, REVIEW_LABEL, STATUS_LABEL
from govtui.rules.finding import SEVERITY_LABEL

# One colour a status, the same in every chart and table of the page.
STATUS_COLOUR = {
    "missing": "#9e9e9e",
    "overdue": "#6d4c41",
    "unreadable": "#8e24aa",
    "errors": "#d32f2f",
    "warnings": "#f9a825",
    "clean": "#43a047",
    "returned": "#ef6c00",
    "approved": "#1e88e5",
}
OUTCOME_COLOUR = ("#2e7d32", "#81c784", "#e53935", "#fb8c00", "#8d6e63", "#90a4ae")
_THIS_YEAR, _LAST_YEAR = "#1e88e5", "#b0bec5"

_LABEL_WIDTH = 260  # px for the unit names on the left of a bar chart
_BAR_WIDTH = 420
_ROW = 22


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(data: Mapping[str, Any]) -> str:
    """The dashboard page of the desk ``data`` (``govtui desk --json``)."""
    collection = data.get("collection", {})
    year = collection.get("year")
    title = f"{collection.get('agency') or ''}{f'{year}年度' if year else ''}政府信息公开工作年度报告收报情况"
    units = list(data.get("units", ()))
    read = [u for u in units if u.get("indicators")]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{resources.files(__package__).joinpath('dashboard.css').read_text('utf-8')}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="as-of">截至 {_e(data.get("as_of", ""))}；{_sum_line(data)}</p>',
        '<section class="charts">',
        _figure("报送状态", _status_chart(units)),
        _figure("本年新收申请（件）", _count_chart(read, "received")),
        _figure("办理结果构成", _outcome_chart(read)),
        _figure("实质公开率：本年与上年", _rate_chart(read, "disclosure_rate")),
        "</section>",
        "<h2>各单位报送情况</h2>",
        _status_table(units),
        "<h2>问题清单</h2>",
        _findings_table(units),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _sum_line(data: Mapping[str, Any]) -> str:
    summary = data.get("sum", {})
    counted = summary.get("units") or []
    line = f"汇总计入 {len(counted)} 个单位"
    if summary.get("provisional"):
        line += (
            "，暂定：汇总含有未解决问题的报告（"
            + "、".join(summary.get("provisional_units") or [])
            + "）"
        )
    return _e(line)


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{_e(caption)}</figcaption>\n{svg}\n</figure>"


# --------------------------------------------------------------------------- charts


def _svg(height: int, body: Sequence[str], label: str) -> str:
    width = _LABEL_WIDTH + _BAR_WIDTH + 80
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_e(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        + "".join(body)
        + "</svg>"
    )


def _name(y: int, text: str) -> str:
    return (
        f'<text class="name" x="{_LABEL_WIDTH - 8}" y="{y + _ROW * 0.68:.0f}" '
        f'text-anchor="end">{_e(text)}</text>'
    )


def _bar(x: float, y: int, width: float, colour: str, title: str, height: int = _ROW - 6) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y + 3}" width="{max(width, 0):.1f}" height="{height}" '
        f'fill="{colour}"><title>{_e(title)}</title></rect>'
    )


def _value(x: float, y: int, text: str) -> str:
    return f'<text class="value" x="{x + 4:.1f}" y="{y + _ROW * 0.68:.0f}">{_e(text)}</text>'


def _empty(label: str) -> str:
    return _svg(_ROW + 8, [_value(_LABEL_WIDTH, 4, "没有可显示的数据")], label)


def _status_chart(units: Sequence[Mapping[str, Any]]) -> str:
    counts = {key: 0 for key in STATUS_LABEL}
    for unit in units:
        counts[unit["status"]] += 1
    shown = [(key, n) for key, n in counts.items() if n]
    if not shown:
        return _empty("报送状态")
    most = max(n for _, n in shown)
    body = []
    for i, (key, n) in enumerate(shown):
        y = 4 + i * _ROW
        width = _BAR_WIDTH * n / most
        label = STATUS_LABEL[key]
        body += [_name(y, label), _bar(_LABEL_WIDTH, y, width, STATUS_COLOUR[key], f"{label} {n}")]
        body.append(_value(_LABEL_WIDTH + width, y, f"{n} 个"))
    return _svg(8 + len(shown) * _ROW, body, "报送状态")


def _count_chart(units: Sequence[Mapping[str, Any]], key: str) -> str:
    values = [(u["name"], u["indicators"].get(key) or 0) for u in units]
    if not values:
        return _empty("本年新收")
    most = max(v for _, v in values) or 1
    body = []
    for i, (name, value) in enumerate(values):
        y = 4 + i * _ROW
        width = _BAR_WIDTH * value / most
        body += [_name(y, name), _bar(_LABEL_WIDTH, y, width, _THIS_YEAR, f"{name} {value}")]
        body.append(_value(_LABEL_WIDTH + width, y, str(value)))
    return _svg(8 + len(values) * _ROW, body, "本年新收")


def _outcome_chart(units: Sequence[Mapping[str, Any]]) -> str:
    rows = [(u["name"], u.get("outcomes") or {}) for u in units]
    rows = [(name, mix) for name, mix in rows if sum(mix.values())]
    if not rows:
        return _empty("办理结果构成")
    body = []
    for i, (name, mix) in enumerate(rows):
        y = 4 + i * _ROW
        total = sum(mix.values())
        x = float(_LABEL_WIDTH)
        body.append(_name(y, name))
        for (key, label), colour in zip(OUTCOMES, OUTCOME_COLOUR, strict=True):
            n = mix.get(key, 0)
            width = _BAR_WIDTH * n / total
            body.append(_bar(x, y, width, colour, f"{name} {label} {n} 件（{n / total:.1%}）"))
            x += width
        body.append(_value(x, y, f"{total} 件"))
    legend_y = 8 + len(rows) * _ROW
    for i, ((_, label), colour) in enumerate(zip(OUTCOMES, OUTCOME_COLOUR, strict=True)):
        x, y = _LABEL_WIDTH + (i % 3) * 140, legend_y + (i // 3) * 18
        body.append(f'<rect x="{x}" y="{y + 4}" width="12" height="12" fill="{colour}"/>')
        body.append(f'<text class="legend" x="{x + 16}" y="{y + 15}">{_e(label)}</text>')
    legend_y += 18
    return _svg(legend_y + 24, body, "办理结果构成")


def _rate_chart(units: Sequence[Mapping[str, Any]], key: str) -> str:
    rows = [
        (u["name"], u["indicators"].get(key), (u.get("previous_indicators") or {}).get(key))
        for u in units
    ]
    rows = [r for r in rows if r[1] is not None or r[2] is not None]
    if not rows:
        return _empty("实质公开率")
    body = []
    row = _ROW + 6
    for i, (name, now, before) in enumerate(rows):
        y = 4 + i * row
        body.append(_name(y + 3, name))
        for offset, value, colour, year in (
            (0, now, _THIS_YEAR, "本年"),
            (11, before, _LAST_YEAR, "上年"),
        ):
            if value is None:
                continue
            width = _BAR_WIDTH * value
            body.append(
                _bar(
                    _LABEL_WIDTH, y + offset, width, colour, f"{name} {year} {show(key, value)}", 10
                )
            )
            body.append(
                f'<text class="value small" x="{_LABEL_WIDTH + width + 4:.1f}" '
                f'y="{y + offset + 12}">{_e(year)} {_e(show(key, value))}</text>'
            )
    return _svg(8 + len(rows) * row, body, "实质公开率")


# --------------------------------------------------------------------------- tables


def _status_table(units: Sequence[Mapping[str, Any]]) -> str:
    counts = [i for i in INDICATORS if i.key in ("received", "disclosure_rate", "appeals")]
    heads = ["单位", "状态", LATE_LABEL, "收到日期", "错误", "警告", *(i.label for i in counts)]
    out = ['<table class="units"><thead><tr>']
    out += [f"<th>{_e(h)}</th>" for h in heads]
    out.append("</tr></thead><tbody>")
    for unit in units:
        status = unit["status"]
        values = unit.get("indicators") or {}
        cells = [
            f"<td>{_e(unit['name'])}</td>",
            f'<td><span class="status" style="background:{STATUS_COLOUR[status]}">'
            f"{_e(STATUS_LABEL[status])}</span></td>",
            f"<td>{'是' if unit.get('late') else ''}</td>",
            f"<td>{_e(unit.get('received') or '')}</td>",
            f'<td class="n">{unit["errors"]}</td>',
            f'<td class="n">{unit["warnings"]}</td>',
            *(f'<td class="n">{_e(show(i.key, values.get(i.key)))}</td>' for i in counts),
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _findings_table(units: Sequence[Mapping[str, Any]]) -> str:
    heads = ["单位", "部分", "位置", "严重程度", "说明", "处理状态", "意见"]
    rows = []
    for unit in units:
        for finding in unit.get("findings") or ():
            review = finding.get("review") or {}
            place = " / ".join(p for p in (finding["row"], finding["column"]) if p)
            rows.append(
                "<tr>"
                + "".join(
                    f"<td>{_e(v)}</td>"
                    for v in (
                        unit["name"],
                        finding["section"],
                        place,
                        SEVERITY_LABEL[finding["severity"]],
                        finding["message"],
                        REVIEW_LABEL.get(review.get("state") or "open", ""),
                        review.get("comment") or "",
                    )
                )
                + "</tr>"
            )
    if not rows:
        return "<p>没有发现问题。</p>"
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    return (
        f'<table class="findings"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )
