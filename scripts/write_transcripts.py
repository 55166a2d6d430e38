"""Run five realistic conversations through the real servers and write them to docs/samtal.md."""
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
    "Akut fara": [
        "hej",
        "min son ringde och sa att killarna han hänger med ska skjuta nån i centrum ikväll, vad ska jag göra",
        "tack",
    ],
    "Förälder i Botkyrka, oro för radikalisering": [
        "hej jag är orolig för min dotter, hon är 16 och har börjat prata om att demokratin är fel och sitter på telegram hela nätterna",
        "vi bor i botkyrka",
        "sparas det här jag skriver?",
        "tack för hjälpen",
    ],
    "Lärare i Stockholm": [
        "jag är lärare på en högstadieskola i skärholmen och en elev har visat nazistiska symboler och hotat andra elever",
        "måste jag göra en orosanmälan?",
        "vad är sig?",
    ],
    "Ung person som vill lämna ett gäng": [
        "asså jag e 17 o vill ut ur gänget men dom säger att jag är skyldig dom para",
        "jag bor i husby",
        "är det anonymt",
    ],
    "Utanför bottens område": [
        "hej! hur ansöker jag om plats i förskolan?",
        "okej men när töms soptunnorna",
        "hej då",
    ],
}


def render(messages: list[dict]) -> list[str]:
    lines = []
    for message in messages:
        if message.get("text"):
            lines.append("> **Vägvisaren:** " + message["text"].replace("\n", "  \n> "))
        if message.get("buttons"):
            lines.append("> *Knappar:* " + " · ".join(f"[{b['title']}]" for b in message["buttons"]))
        if message.get("custom"):
            cards = [f"{r['name']} ({r['kind']})" for r in message["custom"]["resources"]]
            lines.append(f"> *Kontaktkort (route `{message['custom']['route']}`):* " + "; ".join(cards))
        lines.append(">")
    return lines


def main() -> None:
    servers = Servers(rasa_port=5135, action_port=5185, web_port=None, log_dir=ROOT / ".cache" / "transcripts")
    output = [
        "# Fem samtal med Vägvisaren",
        "",
        f"Körda genom den riktiga Rasa-servern och actionservern {datetime.now():%Y-%m-%d %H:%M} med "
        "`scripts/write_transcripts.py`. Kontaktkorten visas här som namn och sort; i webbchatten är de kort "
        "med telefonlänkar och öppettider.",
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
