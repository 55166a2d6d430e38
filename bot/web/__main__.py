"""python -m bot.web --port 8080 --bot-url http://localhost:5005: the demo page and the widget's files."""
from __future__ import annotations

import argparse
import sys

from bot.web import DEFAULT_COLOR, make_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="Webbchatten Vägvisaren: demosida, vagvisaren.js och vagvisaren.css.")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1", help="adressen servern lyssnar på (standard 127.0.0.1)")
    parser.add_argument("--bot-url", default="http://localhost:5005", help="Rasa-serverns adress som webbläsaren når")
    parser.add_argument("--municipality", default="", help="kommunens id för demosidan, t.ex. botkyrka (tomt: fråga)")
    parser.add_argument("--color", default=DEFAULT_COLOR, help="färg för chattens sidhuvud och knapp")
    args = parser.parse_args(argv)
    try:
        server = make_server(args.host, args.port, args.bot_url, args.municipality, args.color)
    except (ValueError, OSError) as error:
        print(f"Webbchatten kunde inte starta: {error}", file=sys.stderr)
        return 2
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
