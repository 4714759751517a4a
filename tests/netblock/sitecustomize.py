"""No network for the test suite: every connection to a host, and every name lookup, raises.

The test suite imports this module (``tests/conftest.py``) and also puts its directory
on ``PYTHONPATH``, so that Python subprocesses it starts (the ``cleaner`` console script)
import it as ``sitecustomize`` and are blocked too. Local Unix sockets stay usable.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

ENV = "CLEANER_TEST_NO_NETWORK"


class NetworkBlocked(OSError):
    """Raised by any attempt to reach the network during the tests."""


_originals: dict[str, Any] = {}


def _is_loopback(host: Any) -> bool:
    """127.0.0.0/8, ::1 and localhost: the machine itself (a local Dask cluster), never the network."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _is_local(sock: socket.socket, address: Any = None) -> bool:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return True
    return isinstance(address, tuple) and bool(address) and _is_loopback(address[0])


def _connect(self: socket.socket, address: Any) -> None:
    if _is_local(self, address):
        return _originals["connect"](self, address)
    raise NetworkBlocked(f"network access blocked in tests: connect to {address!r}")


def _connect_ex(self: socket.socket, address: Any) -> int:
    if _is_local(self, address):
        return _originals["connect_ex"](self, address)
    raise NetworkBlocked(f"network access blocked in tests: connect_ex to {address!r}")


def _create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    if isinstance(address, tuple) and address and _is_loopback(address[0]):
        return _originals["create_connection"](address, *args, **kwargs)
    raise NetworkBlocked(f"network access blocked in tests: create_connection to {address!r}")


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if _is_loopback(host):
        return _originals["getaddrinfo"](host, *args, **kwargs)
    raise NetworkBlocked(f"network access blocked in tests: name lookup of {host!r}")


def block() -> None:
    """Replace the socket entry points (idempotent)."""
    if _originals:
        return
    _originals.update(
        connect=socket.socket.connect,
        connect_ex=socket.socket.connect_ex,
        create_connection=socket.create_connection,
        getaddrinfo=socket.getaddrinfo,
    )
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.create_connection = _create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _getaddrinfo  # type: ignore[assignment]


def unblock() -> None:
    if not _originals:
        return
    socket.socket.connect = _originals["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _originals["connect_ex"]  # type: ignore[method-assign]
    socket.create_connection = _originals["create_connection"]  # type: ignore[assignment]
    socket.getaddrinfo = _originals["getaddrinfo"]  # type: ignore[assignment]
    _originals.clear()


if os.environ.get(ENV) == "1":
    block()
