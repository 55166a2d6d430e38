"""One address in front of several Rasa replicas: a small round-robin HTTP proxy for `bot run --replicas`.

In production a Kubernetes Service or the municipality's load balancer does this (docs/deploy.md).
"""
from __future__ import annotations

import argparse
import itertools

from aiohttp import ClientSession, ClientTimeout, web

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length"}


def build_app(backends: list[str], timeout: float = 30.0) -> web.Application:
    rotation = itertools.cycle(backends)
    app = web.Application(client_max_size=1024 * 1024)

    async def start_session(app: web.Application) -> None:
        app["session"] = ClientSession(timeout=ClientTimeout(total=timeout))

    async def close_session(app: web.Application) -> None:
        await app["session"].close()

    async def forward(request: web.Request) -> web.Response:
        backend = next(rotation)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        body = await request.read()
        try:
            async with app["session"].request(request.method, backend + request.rel_url.raw_path_qs,
                                              headers=headers, data=body) as answer:
                payload = await answer.read()
                reply_headers = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
                return web.Response(status=answer.status, body=payload, headers=reply_headers)
        except Exception:  # noqa: BLE001 - a replica down is a 502, not a crash
            return web.json_response({"error": "Tjänsten svarar inte just nu."}, status=502)

    app.on_startup.append(start_session)
    app.on_cleanup.append(close_session)
    app.router.add_route("*", "/{tail:.*}", forward)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Round-robin proxy in front of Rasa replicas")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("backends", nargs="+", help="e.g. http://127.0.0.1:5006")
    args = parser.parse_args()
    # No access log: it would record client addresses.
    web.run_app(build_app(args.backends), host="0.0.0.0", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
