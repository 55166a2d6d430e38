"""Run realistic conversations through the real servers and write them to docs/samtal.md."""
from __future__ import annotations

import sys
import uuid
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.cli import post_message  # noqa: E402
from bot.servers import Servers  # noqa: E402

CONVERSATIONS = {
    "Orolig förälder som berättar lite i taget": [
        "hej",
        "jag är orolig för min son",
        "han hänger med äldre killar som säljer knark",
        "vi bor i botkyrka",
        "han är 14",
        "är det anonymt?",
        "tack",
    ],
    "Tonåring under press": [
        "asså de äldre killarna vill att jag ska gömma grejer åt dem och jag e rädd",
        "jag är 15",
        "kostar det nåt att ringa?",
        "ok",
        "hej då",
    ],
    "Lärare med oro för en elev": [
        "jag är lärare på en högstadieskola och en elev har visat nazistiska symboler och delar propaganda",
        "skolan ligger i skärholmen",
        "ja",
        "vad är sig?",
    ],
    "Person som vill lämna och blir hotad": [
        "jag vill hoppa av gänget men jag vet inte hur",
        "jag bor i husby",
        "nu säger de att de ska döda mig ikväll om jag går",
        "vad var numret till avhopparna?",
    ],
    "Två saker på en gång": [
        "min bror är med i ett gäng och min bästa kompis blev knivhuggen i helgen och mår jättedåligt",
        "vi bor på södermalm",
        "visa alla kontakter",
    ],
    "Våld hemma, frågor om en linje": [
        "min sambo slår mig när han druckit och jag vet inte vart jag ska ta vägen",
        "kostar det något att ringa?",
        "pratar de arabiska?",
        "när har de öppet?",
    ],
    "Osäkert meddelande och en förälder som svarar": [
        "asså det händer grejer i området och jag vet inte vad jag ska göra",
        "Oro för gängkriminalitet",
        "vi bor i tensta",
        "börja om",
        "hur gör jag en orosanmälan",
    ],
    "Utanför bottens område": [
        "hej! hur ansöker jag om plats i förskolan?",
        "okej men när töms soptunnorna",
        "hej då",
    ],
}


def render(messages: list[dict]) -> list[str]:
    """The bot's messages as a quote; the contact lines are shown once, as the cards' names."""
    card_lines = {m["custom"].get("text") for m in messages if isinstance(m.get("custom"), dict)}
    lines = []
    for message in messages:
        custom = message.get("custom")
        if message.get("text") and message["text"] not in card_lines:
            lines.append("> **Vägvisaren:** " + message["text"].replace("\n", "  \n> "))
        if message.get("buttons"):
            lines.append("> *Knappar:* " + " · ".join(f"[{b['title']}]" for b in message["buttons"]))
        if isinstance(custom, dict) and custom.get("resources"):
            cards = [f"{r['name']} ({r['kind']})" for r in custom["resources"]]
            lines.append(f"> *Kontaktkort (`{custom['route']}`):* " + "; ".join(cards))
        if lines and lines[-1] != ">":
            lines.append(">")
    return lines


def main() -> None:
    servers = Servers(rasa_port=5135, action_port=5185, web_port=None, log_dir=ROOT / ".cache" / "transcripts")
    output = [
        f"# {len(CONVERSATIONS)} samtal med Vägvisaren",
        "",
        f"Körda genom den riktiga Rasa-servern och actionservern {datetime.now():%Y-%m-%d %H:%M} med "
        "`scripts/write_transcripts.py`. Kontaktkorten visas här som namn och sort; i webbchatten är de kort "
        "med telefonlänkar och öppettider. Varje svar visar bara kontakter som inte visats tidigare i samtalet.",
    ]
    try:
        servers.start()
        for title, turns in CONVERSATIONS.items():
            sender = uuid.uuid4().hex
            output += ["", f"## {title}", ""]
            for text in turns:
                output.append(f"**Användare:** {text}")
                output.append("")
                output += render(post_message(f"{servers.rasa_url}/webhooks/rest/webhook", sender, text))
                output.append("")
    finally:
        servers.stop()
    (ROOT / "docs" / "samtal.md").write_text("\n".join(output) + "\n", encoding="utf-8")
    print("Wrote docs/samtal.md")


if __name__ == "__main__":
    main()
