"""The autouse guard in conftest.py: the internet is blocked, loopback still works."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.conftest import NetworkBlockedError, is_loopback


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.1.2.3", "::1", "localhost", "LOCALHOST", "[::1]"]
)
def test_loopback_names(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.0.2.1", "8.8.8.8", "example.org", "2001:db8::1", "", None])
def test_other_names(host: object) -> None:
    assert not is_loopback(host)


def test_connect_to_the_internet_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routable anyway
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.connect_ex(("192.0.2.1", 80))


def test_create_connection_and_name_lookups_are_refused() -> None:
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("example.org", 443), timeout=1)
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.org", 443)


def test_loopback_still_works() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        accepted: list[bytes] = []

        def serve() -> None:
            connection, _ = server.accept()
            with connection:
                accepted.append(connection.recv(5))

        thread = threading.Thread(target=serve)
        thread.start()
        with socket.create_connection(("localhost", port), timeout=5) as client:
            client.sendall(b"hello")
        thread.join(timeout=5)
    assert accepted == [b"hello"]
    assert socket.getaddrinfo("127.0.0.1", 80)
