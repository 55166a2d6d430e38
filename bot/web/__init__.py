"""The web chat: a small static server for the demo page, vagvisaren.js and vagvisaren.css.

Standard library only. It serves exactly three paths and nothing else:

* ``/``               a demo page in Swedish that embeds the widget with one script tag;
* ``/vagvisaren.js``  the widget, with a generated first line that carries the emergency numbers
                      from the editors' catalogue (data/resources/*.yml);
* ``/vagvisaren.css`` the widget's styles.

Every response has a strict Content-Security-Policy, no cookies and no caching, and the server logs
nothing about its visitors (no IP addresses, no paths).
"""
from __future__ import annotations

import html
import json
import re
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.editors_data import emergency_contacts

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_COLOR = "#00557f"
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_MUNICIPALITY = re.compile(r"^[a-z0-9_:-]{0,64}$")


def widget_script() -> bytes:
    """vagvisaren.js with the emergency numbers as its first line."""
    data = json.dumps([c.to_json() for c in emergency_contacts()], ensure_ascii=False)
    # Safe inside a script file: JSON cannot end the file early, but keep "</" out for copy-paste into a page.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    head = f"window.VAGVISAREN_EMERGENCY = {data};\n"
    return head.encode("utf-8") + (STATIC_DIR / "vagvisaren.js").read_bytes()


# --- The demo page --------------------------------------------------------------------------------

def bot_origin(bot_url: str) -> str:
    """scheme://host[:port] of the bot URL, for connect-src; ValueError if it is not http(s)."""
    parts = urlsplit(bot_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in bot_url for c in " ;,'\"<>"):
        raise ValueError(f"ogiltig bot-adress: {bot_url!r} (skriv t.ex. http://localhost:5005)")
    return f"{parts.scheme}://{parts.netloc}"


def danger_section(contacts: list[dict[str, Any]]) -> str:
    """The demo page's "in danger?" paragraph, with the numbers from the catalogue (nothing if none)."""
    links = {}
    for contact in contacts:
        phone = next(iter(contact.get("phones") or []), None)
        if phone and phone.get("tel"):
            number = html.escape(phone["number"])
            links[contact["id"]] = f'<a href="tel:{html.escape(phone["tel"], quote=True)}">{number}</a>'
    if "police_emergency" not in links:
        return ""
    text = f"Ring {links['police_emergency']}."
    if "police_non_emergency" in links:
        text += f" Vill du anmäla eller tipsa när det inte är akut, ring polisen på {links['police_non_emergency']}."
    return f"<h2>Är någon i fara just nu?</h2>\n<p>{text}</p>\n"


def demo_page(bot_url: str, municipality: str = "", color: str = DEFAULT_COLOR) -> bytes:
    attrs = {
        "src": "/vagvisaren.js",
        "data-bot-url": bot_url,
        "data-municipality": municipality,
        "data-color": color,
        "data-lang": "sv",
    }
    tag = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())
    danger = danger_section([c.to_json() for c in emergency_contacts()])
    page = f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trygghet och stöd – Botkyrka kommun</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/vagvisaren.css">
</head>
<body class="vv-demo">
<a class="vv-demo-skip" href="#innehall">Till innehållet</a>
<header class="vv-demo-header">
<p class="vv-demo-logo">Botkyrka kommun</p>
<nav aria-label="Huvudmeny">
<ul>
<li><a href="#innehall">Omsorg och stöd</a></li>
<li><a href="#innehall">Trygghet och stöd</a></li>
</ul>
</nav>
</header>
<main id="innehall">
<h1>Trygghet och stöd</h1>
<p class="vv-demo-lead">Är du orolig för att någon i din närhet dras in i gängkriminalitet eller våldsbejakande extremism? Vill någon lämna en sådan miljö, eller har du eller någon du känner drabbats av grovt våld? Du är inte ensam, och det finns hjälp att få.</p>
<h2>Fråga Vägvisaren</h2>
<p>Vägvisaren är en chatt som hjälper dig att hitta rätt kontakt: kommunen, polisen, stödlinjer och organisationer som kan hjälpa dig vidare. Vägvisaren är ingen människa och kan inte ta emot anmälningar eller tips.</p>
<p>Det du skriver i chatten sparas inte. Skriv inte namn, personnummer eller adresser. Öppna chatten med knappen <strong>Chatta med Vägvisaren</strong> längst ned på sidan.</p>
{danger}</main>
<footer class="vv-demo-footer">
<p>Det här är en demosida för webbchatten Vägvisaren.</p>
</footer>
<script {tag} defer></script>
</body>
</html>
"""
    return page.encode("utf-8")


# --- The server -----------------------------------------------------------------------------------

class WebChatHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the three paths; 404 for everything else. Logs nothing."""

    server_version = "Vagvisaren"
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: Any, bot_url: str, municipality: str = "", color: str = DEFAULT_COLOR, **kwargs: Any):
        self.bot_url = bot_url
        self.municipality = municipality
        self.color = color
        super().__init__(*args, **kwargs)

    def version_string(self) -> str:
        return self.server_version

    # No access log and no error log: both would carry the visitor's address.
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        return

    def content_security_policy(self) -> str:
        return (
            "default-src 'self'; "
            f"connect-src 'self' {bot_origin(self.bot_url)}; "
            "style-src 'self'; script-src 'self'; img-src 'self' data:; "
            "base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors *"
        )

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.content_security_policy())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def route(self) -> tuple[bytes, str] | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("/", "/index.html"):
            return demo_page(self.bot_url, self.municipality, self.color), "text/html; charset=utf-8"
        if path == "/vagvisaren.js":
            return widget_script(), "text/javascript; charset=utf-8"
        if path == "/vagvisaren.css":
            return (STATIC_DIR / "vagvisaren.css").read_bytes(), "text/css; charset=utf-8"
        return None

    def answer(self, with_body: bool) -> None:
        try:
            found = self.route()
        except Exception:  # noqa: BLE001 - never show a traceback to a visitor
            self.plain(HTTPStatus.INTERNAL_SERVER_ERROR, "Något gick fel.", with_body)
            return
        if found is None:
            self.plain(HTTPStatus.NOT_FOUND, "Sidan finns inte.", with_body)
            return
        body, content_type = found
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def plain(self, status: HTTPStatus, text: str, with_body: bool = True) -> None:
        body = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, HEAD")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer(with_body=False)

    def not_allowed(self) -> None:
        self.plain(HTTPStatus.METHOD_NOT_ALLOWED, "Metoden är inte tillåten.")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = not_allowed  # noqa: N815

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests: a short plain answer with the same headers, no HTML error page."""
        try:
            status = HTTPStatus(code)
        except ValueError:
            status = HTTPStatus.BAD_REQUEST
        self.close_connection = True
        self.plain(status, status.phrase, with_body=getattr(self, "command", None) != "HEAD" and code >= 200 and code not in (204, 304))


def make_server(host: str, port: int, bot_url: str, municipality: str = "", color: str = DEFAULT_COLOR) -> ThreadingHTTPServer:
    bot_origin(bot_url)  # fail early on a bad address
    if not _HEX_COLOR.match(color):
        raise ValueError(f"ogiltig färg: {color!r} (skriv t.ex. #00557f)")
    if not _MUNICIPALITY.match(municipality):
        raise ValueError(f"ogiltig kommun: {municipality!r} (skriv t.ex. botkyrka)")
    handler = partial(WebChatHandler, bot_url=bot_url, municipality=municipality, color=color)
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
