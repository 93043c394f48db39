"""Which URLs the fetcher may visit: http(s) only, and no private, loopback or link-local hosts.

A host is resolved and *every* address it resolves to is checked, so a name that points one of
its addresses at the local network is refused. The caller then connects to an address that was
checked (see :class:`Target`), so a second lookup cannot swap in another one.

    >>> AddressPolicy().refusal(ipaddress.ip_address("10.0.0.7"))
    'a private address'
    >>> AddressPolicy(allow_private=True).refusal(ipaddress.ip_address("10.0.0.7")) is None
    True
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
#: host, port -> the addresses the host resolves to (``socket.getaddrinfo`` by default).
Resolver = Callable[[str, int], Sequence[str]]

SCHEMES = ("http", "https")


class URLRefused(ValueError):
    """The URL may not be fetched; the message says why (the fetcher wraps it in a FetchError)."""


class HostNotFound(OSError):
    """The host name does not resolve (the fetcher reports a failed connection)."""


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the operating system resolves ``host`` to, in its order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostNotFound(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in addresses:
            addresses.append(address)
    return addresses


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be contacted.

    ``allow_private`` opens everything (tests against 127.0.0.1, an intranet feed); ``allow``
    names networks that are allowed although not public, e.g. ``("10.1.2.0/24",)``.
    """

    allow_private: bool = False
    allow: tuple[str, ...] = ()

    def networks(self) -> tuple[IPNetwork, ...]:
        return tuple(ipaddress.ip_network(n, strict=False) for n in self.allow)

    def refusal(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be contacted, or None when it may."""
        if self.allow_private:
            return None
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in network for network in self.networks()):
            return None
        return _kind_of_non_public(address)


def _kind_of_non_public(address: IPAddress) -> str | None:
    # The order matters: 127.0.0.1 is also "private" and "not global"; name the most telling.
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
    )
    for attribute, description in checks:
        if getattr(address, attribute):
            return description
    if not address.is_global:
        return "an address that is not publicly routable"
    return None


@dataclass(frozen=True)
class Target:
    """A checked URL: where to send the request, and the address to connect to (None: any)."""

    url: httpx.URL
    addresses: tuple[str, ...] = ()

    def pinned(self, attempt: int) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
        """(URL to request, extra headers, request extensions) that connect to a checked address.

        The Host header and the TLS server name stay those of the original host, so virtual
        hosting and certificate checks work as if the name had been looked up again.
        """
        if not self.addresses:
            return self.url, {}, {}
        address = self.addresses[attempt % len(self.addresses)]
        host_header = self.url.netloc.decode("ascii").rsplit("@", 1)[-1]
        extensions = {"sni_hostname": self.url.host} if self.url.scheme == "https" else {}
        return self.url.copy_with(host=address), {"Host": host_header}, extensions


def check_url(url: str | httpx.URL, policy: AddressPolicy, resolver: Resolver) -> Target:
    """Refuse (``URLRefused``) what the fetcher must not visit; return where to connect."""
    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise URLRefused(f"not a valid URL: {exc}") from exc
    if parsed.scheme not in SCHEMES:
        shown = parsed.scheme or "no scheme"
        raise URLRefused(f"only http and https URLs are fetched, not {shown}")
    host = parsed.host
    if not host:
        raise URLRefused("the URL has no host")
    if policy.allow_private:
        return Target(parsed)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    raw = [host] if literal is not None else list(resolver(host, port))
    if not raw:
        raise URLRefused(f"host {host!r} resolves to no address")
    checked: list[str] = []
    for text in raw:
        try:
            address = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError as exc:
            raise URLRefused(f"host {host!r} resolved to {text!r}, not an IP address") from exc
        reason = policy.refusal(address)
        if reason is not None:
            via = "" if literal is not None else f" (host {host!r} resolves to it)"
            raise URLRefused(
                f"{address} is {reason}{via}; private, loopback and link-local addresses are "
                "refused unless allowed (allow_private / --allow-private)"
            )
        checked.append(str(address))
    return Target(parsed, tuple(checked))
