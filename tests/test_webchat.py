"""The web chat in a real browser against the real bot: conversation, keyboard, errors, injection,
accessibility (axe-core), privacy (no cookies, no storage) and screenshots.

Needs Debian's chromium at /usr/bin/chromium and the trained model in models/.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.e2e

sync_api = pytest.importorskip("playwright.sync_api")
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from bot.catalogue import normalise_phone  # noqa: E402
from bot.paths import PROJECT_ROOT, RESOURCES_DIR  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
RASA_PORT, ACTION_PORT, WEB_PORT = 5305, 5355, 8380
PAGE_URL = f"http://127.0.0.1:{WEB_PORT}/"
WEBHOOK = "**/webhooks/rest/webhook"
ANSWER_TIMEOUT_MS = 60_000

# No skip when the browser is missing: scripts/setup.sh --dev installs it, and a missing browser must fail.
assert CHROMIUM.exists(), "chromium is not installed at /usr/bin/chromium (scripts/setup.sh --dev installs it)"


# ---- The catalogue, read straight from the editors' YAML ----------------------------------------------

def resources_from_yaml() -> dict[str, dict]:
    resources = {}
    for path in sorted(RESOURCES_DIR.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["resources"]:
            resources[item["id"]] = item
    return resources


def catalogue_phones() -> dict[str, set[str]]:
    """tel value -> the numbers as written that give it, for every phone in data/resources."""
    phones: dict[str, set[str]] = {}
    for item in resources_from_yaml().values():
        for phone in item.get("phones") or []:
            tel = normalise_phone(str(phone["number"]))
            assert tel, f"{item['id']}: {phone['number']} is not a phone number"
            phones.setdefault(tel, set()).add(str(phone["number"]))
    return phones


def first_tel(resource_id: str) -> tuple[str, str]:
    """(number as written, tel) of a resource's first phone."""
    number = str(resources_from_yaml()[resource_id]["phones"][0]["number"])
    return number, normalise_phone(number)


# ---- Servers and browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def servers():
    from bot.servers import Servers

    running = Servers(rasa_port=RASA_PORT, action_port=ACTION_PORT, web_port=WEB_PORT,
                      log_dir=ARTIFACTS / "webchat-logs")
    try:
        running.start()
    except BaseException:
        running.stop()
        raise
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it must not: dialogs (alert/confirm/prompt), script errors, CSP violations."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)

    def check(self) -> None:
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.errors, f"script errors: {self.errors}"
        assert not self.csp, f"CSP violations: {self.csp}"


def new_page(browser, width: int = 1280, height: int = 800, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE", **options)
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    return context, page, Watch(page)


@pytest.fixture
def chat(browser, servers):
    """A fresh context and page per test; the watcher is checked at the end."""
    context, page, watch = new_page(browser)
    yield page
    try:
        watch.check()
    finally:
        context.close()


# ---- Helpers ----------------------------------------------------------------------------------------

def launcher(page):
    return page.get_by_role("button", name="Chatta med Vägvisaren")


def panel(page):
    return page.get_by_role("dialog", name="Vägvisaren")


def message_box(page):
    return page.get_by_label("Skriv ditt meddelande")


def wait_idle(page) -> None:
    expect(page.locator(".vv-typing--on")).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)


def open_chat(page, url: str = PAGE_URL) -> None:
    page.goto(url)
    launcher(page).click()
    expect(panel(page)).to_be_visible()
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)


def send(page, text: str) -> None:
    message_box(page).fill(text)
    message_box(page).press("Enter")


def send_and_wait(page, text: str) -> None:
    before = page.locator(".vv-log > .vv-msg--bot").count()
    send(page, text)
    expect(page.locator(".vv-log > .vv-msg--bot")).not_to_have_count(before, timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)


def open_with_cards(page, url: str = PAGE_URL) -> None:
    open_chat(page, url)
    send_and_wait(page, "min son har börjat hänga med ett gäng i tensta")
    expect(page.locator(".vv-card").first).to_be_visible()


FOCUS_STYLE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return {tag: e.tagName, cls: String(e.className), text: (e.textContent || '').trim().slice(0, 40),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUS_STYLE)


def assert_visible_focus(page) -> dict:
    info = focused(page)
    assert info["style"] not in ("none", "hidden"), f"no focus outline on {info}"
    assert info["width"] >= 2, f"focus outline thinner than 2 px on {info}"
    assert not re.search(r"rgba\([^)]*,\s*0\)$|transparent", info["color"]), f"invisible outline colour on {info}"
    return info


def axe_check(page, state: str) -> None:
    results = axe_sync.Axe().run(page)
    violations = results.response["violations"]
    if violations:
        print(f"\naxe-core, state '{state}':\n{results.generate_report()}")
    assert results.violations_count == 0, f"axe-core found {results.violations_count} violations in state '{state}': " + \
        ", ".join(f"{v['id']} ({len(v['nodes'])})" for v in violations)


def no_horizontal_scroll(page, width: int) -> None:
    scroll = page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth]")
    assert max(scroll) <= width, f"horizontal scrolling at {width} px: scrollWidth {scroll}"
    overflow = page.evaluate("""(w) => Array.from(document.querySelectorAll('.vv-root *'))
        .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5); })
        .filter(e => !e.classList.contains('vv-sr'))
        .map(e => e.className + ': ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right))""", width)
    assert not overflow, f"widget content outside the {width} px viewport: {overflow}"


def post_bodies(page) -> list[dict]:
    bodies: list[dict] = []
    page.on("request", lambda request: bodies.append(json.loads(request.post_data))
            if request.method == "POST" and request.url.endswith("/webhooks/rest/webhook") else None)
    return bodies


# ---- 1. A whole conversation ------------------------------------------------------------------------

def test_conversation_shows_contact_cards(chat):
    page = chat
    bodies = post_bodies(page)
    page.goto(PAGE_URL)
    expect(panel(page)).to_be_hidden()
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    launcher(page).click()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")

    # The greeting with its buttons; the "hej" that asked for it is not in the transcript.
    greeting = page.locator(".vv-log > .vv-msg--bot").first
    expect(greeting).to_contain_text("Vägvisaren", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible()
    expect(page.locator(".vv-msg--user")).to_have_count(0)
    assert bodies[0]["message"] == "hej"
    assert re.fullmatch(r"[0-9a-f]{32}", bodies[0]["sender"]), bodies[0]
    assert "area" not in bodies[0]  # data-municipality is empty on the demo page

    send_and_wait(page, "min son har börjat hänga med ett gäng i tensta")
    user = page.locator(".vv-msg--user")
    expect(user).to_have_count(1)
    expect(user.locator(".vv-text")).to_have_text("min son har börjat hänga med ett gäng i tensta")
    expect(user.locator(".vv-sr")).to_have_text(re.compile(r"^Du:\s*$"))
    expect(page.locator(".vv-log > .vv-msg--bot .vv-sr").first).to_have_text(re.compile(r"^Vägvisaren:\s*$"))

    cards = page.locator(".vv-card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 1

    # The first card's first phone is a tel: link to a number in data/resources, shown as written.
    phones = catalogue_phones()
    link = cards.first.locator('a[href^="tel:"]').first
    href = link.get_attribute("href")
    tel = href.removeprefix("tel:")
    assert tel in phones, f"{href} is not a number in data/resources"
    shown = link.inner_text().strip()
    assert any(shown.endswith(number) for number in phones[tel]), f"{shown!r} is not written as in the YAML {phones[tel]}"
    names = {item["name"] for item in resources_from_yaml().values()}
    assert cards.first.locator("h3").inner_text().strip() in names

    # The plain-text copy of the contacts ("• name: number") is replaced by the cards.
    texts = page.locator(".vv-log .vv-msg--bot .vv-text").all_inner_texts()
    assert not any(line.lstrip().startswith("•") for text in texts for line in text.splitlines()), texts
    assert all(b["sender"] == bodies[0]["sender"] for b in bodies), "the sender id changed within one page"


def test_a_conversation_shows_only_new_cards_and_all_on_request(chat):
    """The second turn acknowledges the area and adds only the cards not shown before; the
    "Visa alla kontakter" button shows every card of the conversation again."""
    page = chat
    open_chat(page)
    send_and_wait(page, "jag är orolig för min son, han hänger med ett gäng")
    first_cards = page.locator(".vv-card h3").all_inner_texts()
    assert first_cards, "help first: contact cards in the first answer"
    before = page.locator(".vv-card").count()
    send_and_wait(page, "vi bor i tensta")
    expect(page.locator(".vv-log > .vv-msg--bot").last).to_be_visible()
    second_cards = page.locator(".vv-card h3").all_inner_texts()[before:]
    assert second_cards and not set(second_cards) & set(first_cards), (first_cards, second_cards)
    assert any("Järva" in name for name in second_cards), second_cards
    show_all = page.get_by_role("button", name="Visa alla kontakter").last
    expect(show_all).to_be_visible()
    before = page.locator(".vv-card").count()
    show_all.click()
    expect(page.locator(".vv-card")).not_to_have_count(before, timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    all_cards = page.locator(".vv-card h3").all_inner_texts()[before:]
    assert set(first_cards) | set(second_cards) <= set(all_cards), all_cards


def test_card_details(chat):
    """Status, website and e-mail: the extremism route in Botkyrka has all three kinds of line."""
    page = chat
    open_chat(page)
    send_and_wait(page, "jag är orolig att min dotter radikaliseras")
    page.get_by_role("button", name="Botkyrka").click()
    expect(page.locator(".vv-msg--user").last).to_have_text(re.compile("Botkyrka$"))
    expect(page.get_by_role("button", name="Botkyrka")).to_be_disabled()
    expect(page.get_by_role("button", name="Stockholm")).to_be_disabled()
    expect(page.locator(".vv-card h3", has_text="Botkyrka kommun")).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)

    police_name = resources_from_yaml()["police_non_emergency"]["name"]
    police = page.locator(".vv-card", has=page.locator("h3", has_text=police_name)).last
    expect(police.locator(".vv-card-status")).to_have_text("Öppet dygnet runt")
    website = police.get_by_role("link", name=re.compile(r"^Webbplats: polisen\.se \(öppnas i nytt fönster\)$"))
    expect(website).to_have_attribute("target", "_blank")
    expect(website).to_have_attribute("rel", "noopener noreferrer")
    coordinator = page.locator(".vv-card", has=page.locator("h3", has_text="Botkyrka kommun")).last
    email = resources_from_yaml()["botkyrka_trygghetssamordnare"]["email"]
    expect(coordinator.locator(f'a[href="mailto:{email}"]')).to_have_count(1)


# ---- 2. Danger: the emergency card comes first ------------------------------------------------------

def test_danger_shows_emergency_card_first(chat):
    page = chat
    number, tel = first_tel("police_emergency")
    open_chat(page)
    send_and_wait(page, "de ska skjuta någon ikväll")
    first = page.locator(".vv-card").first
    expect(first).to_be_visible()
    expect(first).to_have_attribute("data-kind", "emergency")
    link = first.locator('a[href^="tel:"]').first
    expect(link).to_have_attribute("href", f"tel:{tel}")
    expect(link).to_contain_text(number)
    expect(first.locator("h3")).to_have_text(resources_from_yaml()["police_emergency"]["name"])
    # The emergency card stands out: red frame and red number.
    styles = first.evaluate("e => [getComputedStyle(e).borderTopColor, getComputedStyle(e.querySelector('.vv-tel')).color]")
    assert styles == ["rgb(160, 0, 0)", "rgb(160, 0, 0)"], styles
    # And the header keeps the same number.
    expect(page.locator(".vv-header .vv-emergency")).to_have_attribute("href", f"tel:{tel}")
    expect(page.locator(".vv-header .vv-emergency")).to_have_text(f"Akut fara? Ring {number}")


# ---- 3. Keyboard only -------------------------------------------------------------------------------

def test_keyboard_only(chat):
    page = chat
    page.goto(PAGE_URL)
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused(page)["cls"].startswith("vv-launcher"):
            break
    else:
        pytest.fail("Tab never reached the launcher")
    assert_visible_focus(page)

    page.keyboard.press("Enter")
    expect(panel(page)).to_be_visible()
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    info = assert_visible_focus(page)
    assert info["tag"] == "TEXTAREA", info

    # Enter on an empty box sends nothing; Shift+Enter makes a new line.
    page.keyboard.press("Enter")
    expect(page.locator(".vv-msg--user")).to_have_count(0)
    page.keyboard.type("rad ett")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("rad två")
    assert message_box(page).input_value() == "rad ett\nrad två"
    expect(page.locator(".vv-msg--user")).to_have_count(0)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")

    page.keyboard.type("jag är orolig att min dotter radikaliseras")
    page.keyboard.press("Enter")
    expect(page.locator(".vv-msg--user")).to_have_count(1)
    expect(page.get_by_role("button", name="Botkyrka")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    assert focused(page)["tag"] == "TEXTAREA"

    # Back from the text box to the quick replies.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if focused(page)["text"] == "Botkyrka":
            break
    else:
        pytest.fail("Shift+Tab never reached the Botkyrka button")
    info = assert_visible_focus(page)
    assert "vv-choice" in info["cls"]
    page.keyboard.press("Space")
    expect(page.locator(".vv-msg--user").last).to_have_text(re.compile("Botkyrka$"))
    expect(page.get_by_role("button", name="Botkyrka")).to_be_disabled()
    expect(page.locator(".vv-card h3", has_text="Botkyrka kommun")).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    assert focused(page)["tag"] == "TEXTAREA"

    # Every control in the header is reachable and shows its focus.
    seen = []
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        info = assert_visible_focus(page)
        seen.append(info["text"])
        if "vv-exit" in info["cls"]:
            break
    for name in ("Börja om", "Akut fara? Ring", "Stäng", "Lämna snabbt"):
        assert any(text.startswith(name) for text in seen), (name, seen)

    page.keyboard.press("Escape")
    expect(panel(page)).to_be_hidden()
    info = assert_visible_focus(page)
    assert info["cls"].startswith("vv-launcher"), info
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")

    # Opening again keeps the conversation.
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_visible()
    expect(page.locator(".vv-msg--user")).to_have_count(2)


# ---- 5. Injection -----------------------------------------------------------------------------------

INJECTIONS = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>")


def test_user_text_is_never_html(browser, servers):
    context, page, watch = new_page(browser)
    try:
        open_chat(page)
        for text in INJECTIONS:
            send_and_wait(page, text)
        bubbles = page.locator(".vv-msg--user .vv-text")
        assert bubbles.all_inner_texts() == list(INJECTIONS)
        assert page.locator(".vv-log img").count() == 0
        assert page.locator(".vv-log script").count() == 0
        page.wait_for_timeout(300)
        watch.check()
    finally:
        context.close()


def test_bot_text_is_never_html(browser, servers):
    """A hostile or broken answer: HTML in texts, titles and cards; javascript: links; odd fields."""
    hostile = [
        {"recipient_id": "x", "text": "<img src=x onerror=alert(1)>\nrad två"},
        {"recipient_id": "x", "text": "Välj", "buttons": [{"title": "<b onmouseover=alert(1)>fet</b>", "payload": "/greet"}]},
        {"recipient_id": "x", "text": "• <script>alert(1)</script>"},
        {"recipient_id": "x", "custom": {"route": "x", "text": "• <script>alert(1)</script>", "resources": [{
            "id": "evil", "kind": "emergency\" onclick=\"alert(1)", "name": "<script>alert(1)</script>",
            "description": "<img src=x onerror=alert(1)>",
            "phones": [{"number": "<i>nummer</i>", "label": "<u>x</u>", "tel": "javascript:alert(1)", "hours": "<b>dag</b>"}],
            "url": "javascript:alert(1)", "email": "a@b.se\"><img src=x onerror=alert(1)>",
            "open_now": False, "opens": "<img src=x onerror=alert(1)>", "always_open": False,
        }]}},
        "not a message",
        {"recipient_id": "x", "image": "https://example.invalid/x.png"},
    ]
    context, page, watch = new_page(browser)
    try:
        page.route(WEBHOOK, lambda route: route.fulfill(status=200, content_type="application/json",
                                                       headers={"Access-Control-Allow-Origin": "*"},
                                                       body=json.dumps(hostile)))
        page.goto(PAGE_URL)
        launcher(page).click()
        card = page.locator(".vv-card")
        expect(card).to_have_count(1)
        texts = page.locator(".vv-log > .vv-msg--bot .vv-text").all_inner_texts()
        assert texts == ["<img src=x onerror=alert(1)>\nrad två", "Välj"], texts  # the "•" copy is dropped
        expect(page.locator(".vv-choice")).to_have_text("<b onmouseover=alert(1)>fet</b>")
        expect(card.locator("h3")).to_have_text("<script>alert(1)</script>")
        expect(card.locator(".vv-card-desc")).to_have_text("<img src=x onerror=alert(1)>")
        expect(card.locator(".vv-card-status")).to_have_text("Stängt just nu, öppnar <img src=x onerror=alert(1)>")
        assert card.locator("a").count() == 0, "a javascript: or broken link was made"
        assert page.locator(".vv-root img, .vv-root script, .vv-root b, .vv-root i, .vv-root u").count() == 0
        assert page.evaluate("() => Array.from(document.querySelectorAll('.vv-root [onclick], .vv-root [onerror], .vv-root [onmouseover]')).length") == 0
        page.locator(".vv-choice").hover()
        page.wait_for_timeout(300)
        watch.check()
    finally:
        context.close()


# ---- 6. Accessibility: axe-core in every state, reflow at 320 px and 200 % zoom --------------------

def test_axe_in_every_state(browser, servers):
    context, page, watch = new_page(browser)
    try:
        page.goto(PAGE_URL)
        expect(launcher(page)).to_be_visible()
        axe_check(page, "closed")

        launcher(page).click()
        expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        wait_idle(page)
        axe_check(page, "open with greeting")

        send_and_wait(page, "min son har börjat hänga med ett gäng i tensta")
        expect(page.locator(".vv-card").first).to_be_visible()
        axe_check(page, "contact cards")

        send_and_wait(page, "de ska skjuta någon ikväll")
        expect(page.locator('.vv-card[data-kind="emergency"]').first).to_be_visible()
        axe_check(page, "emergency card")

        page.route(WEBHOOK, lambda route: route.abort("connectionrefused"))
        send(page, "hallå?")
        expect(page.get_by_role("alert")).to_contain_text("Chatten fungerar inte just nu.")
        axe_check(page, "bot-down alert")
        watch.check()
    finally:
        context.close()


def test_axe_and_reflow_at_320px(browser, servers):
    context, page, watch = new_page(browser, width=320, height=640, is_mobile=True, has_touch=True)
    try:
        page.goto(PAGE_URL)
        expect(launcher(page)).to_be_visible()
        no_horizontal_scroll(page, 320)
        axe_check(page, "closed, 320 px")
        launcher(page).click()
        expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        # The panel fills the screen.
        box = panel(page).bounding_box()
        assert box == {"x": 0, "y": 0, "width": 320, "height": 640}, box
        send_and_wait(page, "min son har börjat hänga med ett gäng i tensta")
        expect(page.locator(".vv-card").first).to_be_visible()
        send_and_wait(page, "x" * 300)  # a long word wraps instead of widening the page
        no_horizontal_scroll(page, 320)
        axe_check(page, "contact cards, 320 px")
        assert_touch_targets(page)
        watch.check()
    finally:
        context.close()


def assert_touch_targets(page) -> None:
    small = page.evaluate("""() => Array.from(document.querySelectorAll('.vv-root button, .vv-root a, .vv-root textarea'))
        .filter(e => e.offsetParent !== null)
        .map(e => [e.textContent.trim().slice(0, 30) || e.className, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")
    assert not small, f"touch targets smaller than 44x44 px: {small}"


def test_reflow_at_200_percent_zoom(browser, servers):
    """1280x720 at 200 %: a 640x360 CSS-pixel viewport at device scale factor 2."""
    context, page, watch = new_page(browser, width=640, height=360, device_scale_factor=2)
    try:
        open_with_cards(page)
        no_horizontal_scroll(page, 640)
        box = panel(page).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640 and box["y"] >= 0, box
        # Everything in the panel can be scrolled to: the header, the log and the text box.
        for selector in (".vv-emergency", ".vv-exit", ".vv-restart", ".vv-input", ".vv-send"):
            page.locator(selector).scroll_into_view_if_needed()
            expect(page.locator(selector)).to_be_in_viewport()
        page.locator(".vv-card").last.scroll_into_view_if_needed()
        expect(page.locator(".vv-card").last).to_be_in_viewport()
        assert_touch_targets(page)
        axe_check(page, "200 % zoom")
        watch.check()
    finally:
        context.close()


def test_contrast_of_a_light_configured_colour(browser):
    """data-color is darkened until white text on it reaches 4.5:1 (checked with a yellow colour)."""
    def luminance(rgb):
        values = [v / 255 for v in rgb]
        values = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]

    script = (PROJECT_ROOT / "bot" / "web" / "static" / "vagvisaren.js").read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.set_content('<!DOCTYPE html><html lang="sv"><head><title>t</title></head><body><main><p>t</p></main></body></html>')
        page.evaluate("""(code) => { const s = document.createElement('script');
            s.dataset.color = '#ffd700'; s.dataset.botUrl = 'http://127.0.0.1:9';
            s.textContent = code; document.body.appendChild(s); }""", script)
        value = page.evaluate("() => document.querySelector('.vv-root').style.getPropertyValue('--vv-brand')")
    finally:
        page.close()
    rgb = [int(value[i:i + 2], 16) for i in (1, 3, 5)]
    ratio = 1.05 / (luminance(rgb) + 0.05)
    assert ratio >= 4.5, (value, ratio)


# ---- 7. No cookies, no storage ---------------------------------------------------------------------

def test_no_cookies_and_no_storage(chat):
    page = chat
    open_with_cards(page)
    page.get_by_role("button", name="Börja om").click()
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    assert page.context.cookies() == []
    assert page.evaluate("() => localStorage.length === 0 && sessionStorage.length === 0")
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0
    assert page.evaluate("() => document.cookie") == ""


def test_restart_and_new_sender(chat):
    page = chat
    bodies = post_bodies(page)
    open_with_cards(page)
    first_sender = bodies[0]["sender"]
    page.get_by_role("button", name="Börja om").click()
    expect(page.locator(".vv-msg--user")).to_have_count(0)
    expect(page.locator(".vv-card")).to_have_count(0)
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    assert bodies[-1]["message"] == "hej"
    assert bodies[-1]["sender"] != first_sender and re.fullmatch(r"[0-9a-f]{32}", bodies[-1]["sender"])
    # A new page load is a new conversation too.
    page.reload()
    launcher(page).click()
    expect(page.locator(".vv-log .vv-choice").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert bodies[-1]["sender"] not in (first_sender, bodies[-2]["sender"])


def test_quick_exit(chat):
    page = chat
    page.context.route("https://www.google.com/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!DOCTYPE html><title>Väder</title><p>Väder</p>"))
    open_with_cards(page)
    exit_button = page.get_by_role("button", name=re.compile("^Lämna snabbt"))
    assert exit_button.get_attribute("data-exit-url") == "https://www.google.com/search?q=v%C3%A4der"
    expect(page.locator(".vv-privacy")).to_contain_text("rensar inte webbläsarens historik")
    history = page.evaluate("() => history.length")
    exit_button.click()
    page.wait_for_url("https://www.google.com/search?q=v%C3%A4der")
    # replace(): the chat page is not one more step back in the history.
    assert page.evaluate("() => history.length") == history


def test_timeout_shows_alert(browser, servers):
    """An answer that never comes: after 15 s the alert; meanwhile 'Vägvisaren skriver…' without animation."""
    context, page, watch = new_page(browser, reduced_motion="reduce")
    try:
        held = []
        page.route(WEBHOOK, lambda route: held.append(route))  # never answered
        page.goto(PAGE_URL)
        launcher(page).click()
        typing = page.locator(".vv-typing")
        expect(typing).to_have_text("Vägvisaren skriver…")
        expect(typing).to_have_attribute("role", "status")
        assert page.evaluate("() => getComputedStyle(document.querySelector('.vv-dots span')).animationName") == "none"
        expect(page.get_by_role("alert")).to_contain_text("Chatten fungerar inte just nu.", timeout=20_000)
        expect(typing).to_have_text("")
        watch.check()
    finally:
        for route in held:  # let Playwright finish the held request
            try:
                route.abort()
            except Exception:  # noqa: BLE001 - the page gave up on it already
                pass
        context.close()


# ---- 8. Screenshots --------------------------------------------------------------------------------

@pytest.mark.parametrize("width,height", [(360, 780), (1280, 800)])
def test_screenshots(browser, servers, width, height):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page, watch = new_page(browser, width=width, height=height, reduced_motion="reduce")
    try:
        open_with_cards(page)
        page.screenshot(path=str(ARTIFACTS / f"webchat-{width}.png"))
        watch.check()
    finally:
        context.close()


# ---- The server: headers, 404s, the generated first line ------------------------------------------

def fetch(path: str, method: str = "GET"):
    request = urllib.request.Request(PAGE_URL.rstrip("/") + path, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - loopback
            return answer.status, dict(answer.headers), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def test_server_headers_and_paths(servers):
    for path in ("/", "/vagvisaren.js", "/vagvisaren.css", "/nope", "/static/vagvisaren.js"):
        status, headers, _ = fetch(path)
        csp = headers["Content-Security-Policy"]
        for directive in ("default-src 'self'", f"connect-src 'self' http://localhost:{RASA_PORT}",
                          "style-src 'self'", "script-src 'self'", "img-src 'self' data:", "frame-ancestors *"):
            assert directive in csp, (path, csp)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in headers
    for path in ("/nope", "/static/", "/static/vagvisaren.js", "/../bot/web/__init__.py", "/%2e%2e/pyproject.toml",
                 "/vagvisaren.js/..", "/bot/", "//etc/passwd"):
        assert fetch(path)[0] == 404, path
    assert fetch("/", method="POST")[0] == 405

    status, headers, page = fetch("/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="sv">' in page
    assert re.search(r'<script src="/vagvisaren.js" data-bot-url="http://localhost:%d" data-municipality="" '
                     r'data-color="#00557f" data-lang="sv" defer></script>' % RASA_PORT, page)
    assert page.count("<script") == 1

    status, headers, script = fetch("/vagvisaren.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    first, rest = script.split("\n", 1)
    assert first.startswith("window.VAGVISAREN_EMERGENCY = ") and first.endswith(";")
    emergency = json.loads(first.removeprefix("window.VAGVISAREN_EMERGENCY = ").removesuffix(";"))
    expected = [(rid, *first_tel(rid)) for rid in ("police_emergency", "police_non_emergency")]
    assert [(e["id"], e["phones"][0]["number"], e["phones"][0]["tel"]) for e in emergency] == expected
    # No phone number is written into the widget or the server itself: they come from the catalogue.
    digits = {re.sub(r"\D", "", number) for _, number, _ in expected}
    for source in (rest, (PROJECT_ROOT / "bot" / "web" / "__init__.py").read_text(encoding="utf-8"),
                   (PROJECT_ROOT / "bot" / "web" / "__main__.py").read_text(encoding="utf-8")):
        for found in re.findall(r"\d[\d \-]*\d", source):
            assert re.sub(r"\D", "", found) not in digits, f"a phone number is hard-coded: {found!r}"
    # The demo page's own numbers are the catalogue's too.
    for _, number, tel in expected:
        assert f'<a href="tel:{tel}">{number}</a>' in page
    assert "innerHTML" not in rest.replace("Never uses innerHTML", "")
    assert not re.search(r"localStorage\.|sessionStorage\.|indexedDB\.|document\.cookie", rest)


def test_emergency_numbers_without_the_catalogue(tmp_path):
    """If the catalogue does not load, the numbers are read from national.yml with a regex."""
    from bot.editors_data import emergency_contacts, emergency_contacts_from_file

    from_file = emergency_contacts_from_file(RESOURCES_DIR / "national.yml")
    assert from_file == emergency_contacts()
    broken = tmp_path / "national.yml"
    broken.write_text((RESOURCES_DIR / "national.yml").read_text(encoding="utf-8") + "\n  - id: [oops\n", encoding="utf-8")
    assert emergency_contacts_from_file(broken) == from_file


# ---- 4. The bot is down (last: it stops and restarts this module's Rasa server) --------------------

def test_bot_down_then_back(browser, servers):
    number112, tel112 = first_tel("police_emergency")
    number114, tel114 = first_tel("police_non_emergency")
    context, page, watch = new_page(browser)
    try:
        servers.stop("rasa")
        page.goto(PAGE_URL)
        launcher(page).click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("Chatten fungerar inte just nu.", timeout=20_000)
        send(page, "hjälp, vart ska jag vända mig?")
        expect(page.locator(".vv-msg--user")).to_have_count(1)
        expect(alert).to_have_text(re.compile(
            rf"^Chatten fungerar inte just nu\. Är någon i fara: ring {number112}\. Polisen i övrigt: {number114}\."))
        expect(alert.locator(f'a[href="tel:{tel112}"]')).to_have_text(number112)
        expect(alert.locator(f'a[href="tel:{tel114}"]')).to_have_text(number114)
        header = page.locator(".vv-header .vv-emergency")
        expect(header).to_be_visible()
        expect(header).to_have_attribute("href", f"tel:{tel112}")
        axe_check(page, "bot down (real)")

        # The bot comes back: "Försök igen" sends the last message again and the answer arrives.
        servers.start_rasa()
        servers.wait_ready(180)
        page.get_by_role("button", name="Försök igen").click()
        expect(page.locator(".vv-log > .vv-msg--bot").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        expect(alert).to_have_text("")
        wait_idle(page)
        send_and_wait(page, "de ska skjuta någon ikväll")
        expect(page.locator('.vv-card[data-kind="emergency"]').first).to_be_visible()
        watch.check()
    finally:
        context.close()
