"""`bot resources guide`: a static, printable HTML page of all contacts, by situation and by area."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape
from pathlib import Path

from bot.catalogue import Catalogue, Resource
from bot.editors_data import EditorsData
from bot.places import default_gazetteer
from bot.routing import LOCAL_PREFIX, RoutingTable
from bot.situations import BY_ID as SITUATIONS

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #00557f;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.1rem;margin-bottom:.3rem}.contact{margin:.4rem 0 .8rem}.meta{color:#444;font-size:.85rem}
.emergency{border-left:.3rem solid #a00000;padding-left:.6rem}a{color:#00557f}
.route{break-inside:avoid}.notice{background:#fff4e5;border:1px solid #b35c00;padding:.6rem}
@media print{a{color:#000;text-decoration:none}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8rem}}
"""


def _contact(resource: Resource, detailed: bool) -> str:
    phones = ", ".join(
        f'<a href="tel:{escape(p.tel)}">{escape(p.number)}</a> ({escape(p.label)}{", " + escape(p.hours) if p.hours else ""})'
        for p in resource.phones
    )
    parts = [f"<strong>{escape(resource.name)}</strong>"]
    if phones:
        parts.append(phones)
    if resource.url:
        parts.append(f'<a href="{escape(resource.url)}">{escape(resource.url)}</a>')
    if resource.email:
        parts.append(f'<a href="mailto:{escape(resource.email)}">{escape(resource.email)}</a>')
    css = ' class="contact emergency"' if resource.kind == "emergency" else ' class="contact"'
    html = f"<li{css}>{' · '.join(parts)}<br>{escape(resource.description)}"
    if resource.anonymity:
        html += f"<br><em>Anonymitet enligt källan:</em> {escape(resource.anonymity)}"
    if detailed:
        html += f'<br><span class="meta">Källa: {escape(resource.source)} · kontrollerad {resource.verified.isoformat()}</span>'
    return html + "</li>"


def _route_contacts(route, catalogue: Catalogue) -> list[str]:
    items = []
    for item in route.contacts:
        if item.startswith(LOCAL_PREFIX):
            items.append(f"<li>Lokala kontakter av sorten <em>{escape(item[len(LOCAL_PREFIX):])}</em> där du bor (se efter område nedan)</li>")
        elif item in catalogue:
            items.append(_contact(catalogue.get(item), detailed=False))
    return items


def render_guide(catalogue: Catalogue, routing: RoutingTable, today: date | None = None) -> str:
    today = today or date.today()
    gazetteer = default_gazetteer()
    sections = []
    for route in routing.routes:
        title = SITUATIONS[route.situations[0]].title
        conditions = []
        if route.areas:
            conditions.append(", ".join(getattr(gazetteer.area_by_id(a), "name", a) for a in route.areas))
        if route.roles:
            conditions.append({"staff": "för personal", "relative": "för anhöriga", "young": "för unga",
                               "victim": "för den som är utsatt"}.get(route.roles[0], route.roles[0]))
        heading = escape(title) + (f" – {escape(', '.join(conditions))}" if conditions else "")
        sections.append(
            f'<section class="route"><h3>{heading}</h3><p>{escape(route.text)}</p><ul>{"".join(_route_contacts(route, catalogue))}</ul></section>'
        )
    by_area: dict[str, list[Resource]] = defaultdict(list)
    for resource in catalogue.resources.values():
        by_area[resource.area].append(resource)

    def area_name(area_id: str) -> str:
        if area_id == "national":
            return "Hela Sverige"
        area = gazetteer.area_by_id(area_id)
        return f"{area.municipality_name} – {area.district_name}" if area and area.district else (area.name if area else area_id)

    emergency = next((r for r in catalogue.resources.values() if r.kind == "emergency" and r.phones), None)
    urgent = f"<strong>Akut fara? Ring {escape(emergency.phones[0].number)}.</strong> " if emergency else ""
    areas = sorted(by_area, key=lambda a: (a != "national", a))
    area_sections = "".join(
        f"<h3>{escape(area_name(a))}</h3><ul>{''.join(_contact(r, detailed=True) for r in by_area[a])}</ul>" for a in areas
    )
    return f"""<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vägvisaren – kontakter vid oro för extremism, gängkriminalitet och grovt våld</title><style>{STYLE}</style></head>
<body><main>
<h1>Vägvisaren – vart du vänder dig</h1>
<p class="notice">{urgent}Utskriven {today.isoformat()}. Kontrollera uppgifterna på
kontakternas webbplatser; öppettider kan ändras.</p>
<h2>Efter situation</h2>{''.join(sections)}
<h2>Alla kontakter efter område</h2>{area_sections}
</main></body></html>
"""


def write_guide(target: Path) -> Path:
    data = EditorsData()
    snapshot = data.current()
    target.write_text(render_guide(snapshot.catalogue, snapshot.routing), encoding="utf-8")
    return target
