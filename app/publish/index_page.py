"""``index.html``: a plain, printable Ukrainian page linking every file of the pack."""

from __future__ import annotations

import html
from datetime import datetime

from app import __version__
from app.domain.formats import format_datetime
from app.publish.files import PackFile
from app.services import registry as areas
from app.services.core.council import CouncilProfileView

STYLE = (
    "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;"
    "color:#1a1a1a;line-height:1.45}h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;"
    "border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;"
    "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eee}a{color:#0b4f9c}"
    ".muted{color:#555;font-size:.9em}@media print{a{color:#000;text-decoration:none}"
    "a[href]:after{content:' (' attr(href) ')';font-size:.8em}}</style>"
)


def index_html(profile: CouncilProfileView, files: list[PackFile], skipped: list[str], generated: datetime) -> str:
    """The page: reports by area and kind, the datasets table, the open formats, what was left out."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Відкриті дані — {e(profile.council_name)}</title>",
        STYLE,
        "</head>", "<body>",
        f"<h1>{e(profile.council_name)}</h1>",
        f"<p>{e(profile.hromada_name)}. Відкриті дані ради: звіти та набори даних.</p>",
        f'<p class="muted">Сформовано {e(format_datetime(generated))} програмою Hromada Desk {e(__version__)}. '
        'Опис усіх файлів із контрольними сумами — у <a href="manifest.json">manifest.json</a>.</p>',
    ]
    reports = [f for f in files if f.kind == "pdf"]
    if reports:
        parts.append("<h2>Звіти (PDF)</h2>")
        for area, area_title in areas.area_titles().items():
            in_area = [f for f in reports if f.area == area]
            if not in_area:
                continue
            parts.append(f"<h3>{e(area_title)}</h3>")
            groups: dict[str, list[PackFile]] = {}
            for f in in_area:
                groups.setdefault(f.group or f.title, []).append(f)
            parts.append("<ul>")
            for group, items in groups.items():
                if len(items) == 1 and not items[0].label:
                    parts.append(f'<li><a href="{e(items[0].path)}">{e(group)}</a></li>')
                    continue
                links = "".join(f'<li><a href="{e(f.path)}">{e(f.label or f.title)}</a></li>' for f in items)
                parts.append(f"<li>{e(group)}<ul>{links}</ul></li>")
            parts.append("</ul>")
    data = [f for f in files if f.kind in ("csv", "xlsx")]
    if data:
        parts += ["<h2>Набори даних</h2>", "<table>", "<tr><th>Набір</th><th>Розділ</th><th>Записів</th>"
                  "<th>Файл</th></tr>"]
        for f in data:
            parts.append(f"<tr><td>{e(f.title)}</td><td>{e(areas.area_titles().get(f.area, f.area))}</td>"
                         f"<td>{'' if f.rows is None else f.rows}</td>"
                         f'<td><a href="{e(f.path)}">{e(f.path.rsplit("/", 1)[-1])}</a></td></tr>')
        parts.append("</table>")
        parts.append('<p class="muted">CSV — UTF-8, кома як роздільник; ідентифікатори записів — UUID, '
                     "посилання між наборами — стовпці *_uuid. Суми громадського бюджету — у копійках.</p>")
    other = [f for f in files if f.kind in ("json", "pb")]
    if other:
        parts += ["<h2>Відкриті формати</h2>", "<ul>"]
        for f in other:
            fmt = "Popolo JSON" if f.kind == "json" else "Pabulib .pb"
            parts.append(f'<li><a href="{e(f.path)}">{e(f.title)}</a> <span class="muted">({fmt})</span></li>')
        parts.append("</ul>")
    if skipped:
        parts += ["<h2>Не включено</h2>", "<ul>"] + [f"<li>{e(s)}</li>" for s in skipped] + ["</ul>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
