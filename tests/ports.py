"""Free ports for tests that start servers, from a range the fixed-port tests (5105–5400) never use."""
from __future__ import annotations

import random
import socket

RANGE = range(6100, 7000)


def free_ports(count: int) -> list[int]:
    """`count` distinct ports nobody listens on now."""
    candidates = list(RANGE)
    random.shuffle(candidates)  # two test runs side by side rarely pick the same ports
    found = [port for port in candidates[:200] if _free(port)][:count]
    if len(found) < count:
        raise RuntimeError(f"fewer than {count} free ports in {RANGE.start}–{RANGE.stop - 1}")
    return found


def _free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind
        try:
            probe.bind(("", port))
        except OSError:
            return False
    return True
