"""Whose address the per-client limit counts: X-Forwarded-For is believed only from trusted proxies."""
from __future__ import annotations

import uuid
from types import SimpleNamespace

from aiohttp import ClientSession, TCPConnector
from sanic import Sanic

from bot.front_door import FrontDoor
from bot.rasa_adapters.channel import ScrubbingRestInput
from tests.ports import free_ports


def door(*trusted: str) -> FrontDoor:
    return FrontDoor.configured(trusted_proxies=trusted)


def test_untrusted_peer_is_the_client_whatever_the_header_says():
    assert door().client_address("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert door("10.0.0.0/8").client_address("203.0.113.7", "198.51.100.1, 10.0.0.5") == "203.0.113.7"


def test_trusted_peer_gives_the_last_hop_it_did_not_add():
    assert door("127.0.0.1/32").client_address("127.0.0.1", "198.51.100.1") == "198.51.100.1"
    # The user wrote a header of their own: only the hop the proxy added counts.
    assert door("127.0.0.1/32").client_address("127.0.0.1", "6.6.6.6, 198.51.100.1") == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_back_to_the_first_untrusted_hop():
    chain = door("127.0.0.1/32", "10.0.0.0/8")
    assert chain.client_address("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.7") == "198.51.100.1"
    assert chain.client_address("127.0.0.1", " 198.51.100.1 ,10.1.2.3,  10.0.0.7 ") == "198.51.100.1"


def test_trusted_peer_without_a_header_or_with_only_trusted_hops():
    proxy = door("127.0.0.1/32", "10.0.0.0/8")
    assert proxy.client_address("127.0.0.1", None) == "127.0.0.1"
    assert proxy.client_address("127.0.0.1", "") == "127.0.0.1"
    assert proxy.client_address("127.0.0.1", "10.0.0.7") == "10.0.0.7"


def test_ipv6_and_garbage():
    proxy = door("::1/128")
    assert proxy.client_address("::1", "2001:db8::5") == "2001:db8::5"
    assert proxy.client_address("::1", "unknown") == "unknown"  # a key of its own, not the proxy's
    assert door("127.0.0.1/32").client_address("not-an-ip", "198.51.100.1") == "not-an-ip"


class _Agent:
    """Stands in for Rasa's agent: answers every message with a routed reply."""

    domain = SimpleNamespace(responses={"utter_emergency": [{"text": "Ring 112."}]})

    async def handle_message(self, message):
        await message.output_channel.send_custom_json(message.sender_id, {"route": "test"})


async def test_through_the_real_channel_behind_a_trusted_proxy_and_with_a_forged_header():
    """The channel in a real Sanic server; 127.0.0.2 plays the proxy, 127.0.0.1 a user who forges the header.

    One server for all three cases: Sanic rewrites its own code at the first start, once per process."""
    from rasa.core.channels.channel import register

    # 1 message a minute per sender; the per-client limit is ten times that: a burst of 10.
    channel = ScrubbingRestInput(rate_limit_per_minute=1, rate_limit_burst=1, trusted_proxies=("127.0.0.2/32",))
    app = Sanic(f"channel_{uuid.uuid4().hex}")
    register([channel], app, "/webhooks/")
    app.ctx.agent = _Agent()
    [port] = free_ports(1)
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    await server.startup()

    async def statuses(peer: str, forwarded_for: list[str]) -> list[int]:
        """One message per header value, each from a new sender."""
        result = []
        async with ClientSession(connector=TCPConnector(local_addr=(peer, 0))) as session:
            for address in forwarded_for:
                async with session.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                                        json={"sender": uuid.uuid4().hex, "message": "hej"},
                                        headers={"X-Forwarded-For": address}) as answer:
                    result.append(answer.status)
        return result

    try:
        many_users = [f"198.51.100.{n}" for n in range(12)]
        assert await statuses("127.0.0.2", many_users) == [200] * 12, "each user behind the proxy has a limit of their own"
        assert await statuses("127.0.0.2", ["198.51.100.200"] * 12) == [200] * 10 + [429] * 2, "one user is still limited"
        forged = [f"203.0.113.{n}" for n in range(12)]
        assert await statuses("127.0.0.1", forged) == [200] * 10 + [429] * 2, "a forged header does not escape the limit"
    finally:
        await server.close()
