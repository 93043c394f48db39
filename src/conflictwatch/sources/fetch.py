"""A polite, safe HTTP fetcher: bytes in, bytes out, for the feed and page parsers.

Polite: our user agent, a minimum interval between requests to one host, conditional GET
(ETag / Last-Modified), retries with exponential backoff and jitter on 5xx, timeouts and
connection errors (never on 4xx). Safe: http(s) only, no private/loopback/link-local/reserved/
multicast addresses (checked on every redirect hop, connecting to the checked address), a
redirect limit and loop guard, and a size limit enforced while the body streams in.

    with Fetcher() as fetcher:
        result = fetcher.fetch("https://example.org/feed.xml", etag=previous_etag)
        if not result.not_modified:
            parse_feed(result.body, url=result.final_url)

Errors (all :class:`FetchError`, a ``ConflictWatchError``)::

    FetchError             could not fetch; says which URL and why
    ├── URLNotAllowed      not http(s), or a private/loopback/... address
    ├── ResponseTooLarge   the body is over the size limit
    ├── RedirectError      too many redirects, a loop, or a redirect without Location
    ├── FetchTimeout       connect/read timeout or the whole download took too long
    ├── ConnectionFailed   the connection could not be made or broke
    └── HTTPStatusError    the server answered 4xx, or 5xx after every retry (has .status)
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from .. import __version__
from ..errors import ConflictWatchError
from .addresses import (
    AddressPolicy,
    HostNotFound,
    Resolver,
    Target,
    URLRefused,
    check_url,
    system_resolver,
)

log = logging.getLogger(__name__)

USER_AGENT = f"conflictwatch/{__version__} (+https://github.com/conflictwatch/conflictwatch)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MB = 1_000_000


class FetchError(ConflictWatchError):
    """A URL could not be fetched: names the URL and the reason."""

    status_code = 502

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


class URLNotAllowed(FetchError):
    """The URL is not http(s), or its host is (or resolves to) a non-public address."""

    status_code = 400


class ResponseTooLarge(FetchError):
    """The response is larger than the size limit."""


class RedirectError(FetchError):
    """Too many redirects, a redirect loop, or a redirect without a usable Location."""


class FetchTimeout(FetchError):
    """The server did not answer, or not fast enough."""

    status_code = 504


class ConnectionFailed(FetchError):
    """The connection could not be made or broke off."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (``.status``)."""


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how safely to fetch (seconds and bytes)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0  # the whole download of one response, however it trickles in
    retries: int = 3  # attempts after the first, on 5xx, timeouts and connection errors
    backoff: float = 1.0  # first retry delay; doubles each retry, plus up to half again of jitter
    max_backoff: float = 60.0
    host_interval: float = 1.0  # minimum time between two requests to one host
    max_bytes: int = 5 * MB
    max_redirects: int = 5
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()  # non-public networks allowed anyway, e.g. "10.1.0.0/16"
    user_agent: str = USER_AGENT

    def policy(self, allow_private: bool | None = None) -> AddressPolicy:
        private = self.allow_private if allow_private is None else allow_private
        return AddressPolicy(allow_private=private, allow=self.allow_networks)


@dataclass(frozen=True)
class FetchResult:
    """What a fetch brought back. ``not_modified`` (HTTP 304) comes with an empty body."""

    url: str
    final_url: str
    status: int
    content_type: str  # media type, lowercased, without parameters ("text/html")
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    charset: str | None = None
    fetched_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


class HostThrottle:
    """Keeps at least ``interval`` seconds between the starts of two requests to one host."""

    def __init__(
        self, interval: float, clock: Callable[[], float], sleep: Callable[[float], None]
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}  # host -> earliest start of its next request
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:  # reserve a start time, then sleep outside the lock
            now = self.clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        if start > now:
            self.sleep(start - now)


class Fetcher:
    """Fetches URLs politely and safely; one per program run, closed when done.

    ``transport`` replaces the network (an ``httpx.MockTransport`` in tests); ``resolver``,
    ``sleep``, ``clock`` (monotonic seconds) and ``random`` make retries and rate limits testable.
    """

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        random: Callable[[], float] = random.random,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.options = options or FetchOptions()
        self.resolver = resolver
        self.sleep = sleep
        self.clock = clock
        self.random = random
        self.now = now
        self.throttle = HostThrottle(self.options.host_interval, clock, sleep)
        o = self.options
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,  # we follow them ourselves, checking every hop
            # No connection reuse: a pooled TLS connection to a checked address must not carry
            # a request for another host name that resolves to the same address.
            limits=httpx.Limits(max_keepalive_connections=0),
            trust_env=False,  # no proxy from the environment: we check the addresses we reach
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_private: bool | None = None,
        accept: str = "*/*",
    ) -> FetchResult:
        """GET ``url`` (following checked redirects); raise a :class:`FetchError` on failure."""
        policy = self.options.policy(allow_private)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._follow(url, headers, policy)
        finally:
            self.client.cookies.clear()  # nothing follows us from one fetch to the next

    def _follow(self, url: str, headers: dict[str, str], policy: AddressPolicy) -> FetchResult:
        current = url
        visited: list[str] = []
        while True:
            try:
                target = check_url(current, policy, self.resolver)
            except URLRefused as exc:
                via = f" (redirected from {url})" if visited else ""
                raise URLNotAllowed(current, f"{exc}{via}") from exc
            except HostNotFound as exc:
                raise ConnectionFailed(current, str(exc)) from exc
            visited.append(str(target.url))
            response, body = self._get_with_retries(target, headers)
            status = response.status_code
            if status in REDIRECT_STATUSES:
                current = self._next_hop(url, target, response, visited)
                continue
            if status != 304 and not 200 <= status < 300:
                raise HTTPStatusError(
                    str(target.url),
                    f"unexpected HTTP {status} {response.reason_phrase}",
                    status=status,
                )
            return self._result(url, target, response, body)

    # -- one hop -----------------------------------------------------------------------------

    def _next_hop(
        self, url: str, target: Target, response: httpx.Response, visited: list[str]
    ) -> str:
        location = response.headers.get("Location")
        here = str(target.url)
        if not location:
            raise RedirectError(here, f"HTTP {response.status_code} redirect without a Location")
        try:
            following = str(target.url.join(location.strip()))
        except (httpx.InvalidURL, ValueError) as exc:
            raise RedirectError(here, f"redirect to an invalid URL {location!r}") from exc
        following = following.split("#", 1)[0]
        if following in visited:
            raise RedirectError(url, f"redirect loop: {' -> '.join([*visited, following])}")
        if len(visited) > self.options.max_redirects:
            raise RedirectError(
                url, f"more than {self.options.max_redirects} redirects (last to {following})"
            )
        return following

    def _get_with_retries(
        self, target: Target, headers: dict[str, str]
    ) -> tuple[httpx.Response, bytes]:
        o = self.options
        here = str(target.url)
        for attempt in range(o.retries + 1):
            last = attempt == o.retries
            self.throttle.wait(target.url.host)
            try:
                response, body = self._get_once(target, headers, attempt)
            except (FetchTimeout, ConnectionFailed) as exc:
                if last:
                    raise
                log.info("%s; retrying (%d of %d)", exc, attempt + 1, o.retries)
                self.sleep(self._delay(attempt, None))
                continue
            status = response.status_code
            if status >= 500 and not last:
                log.info("%s: HTTP %d; retrying (%d of %d)", here, status, attempt + 1, o.retries)
                self.sleep(self._delay(attempt, response.headers.get("Retry-After")))
                continue
            if status >= 400:
                tried = f" after {attempt + 1} attempts" if attempt else ""
                raise HTTPStatusError(
                    here, f"HTTP {status} {response.reason_phrase}{tried}".rstrip(), status=status
                )
            return response, body
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        o = self.options
        base = min(o.max_backoff, o.backoff * 2**attempt)
        delay = base + base * 0.5 * self.random()
        asked = _retry_after_seconds(retry_after, self.now())
        if asked is not None:
            delay = max(delay, asked)
        return min(delay, o.max_backoff)

    def _get_once(
        self, target: Target, headers: dict[str, str], attempt: int
    ) -> tuple[httpx.Response, bytes]:
        here = str(target.url)
        url, extra_headers, extensions = target.pinned(attempt)
        request = self.client.build_request(
            "GET", url, headers={**headers, **extra_headers}, extensions=extensions
        )
        try:
            response = self.client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(here, f"timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise ConnectionFailed(here, f"connection failed: {exc or type(exc).__name__}") from exc
        try:
            if not 200 <= response.status_code < 300:
                return response, b""  # redirects, 304 and errors: the body is not wanted
            return response, self._read_body(here, response)
        finally:
            response.close()

    def _read_body(self, here: str, response: httpx.Response) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ResponseTooLarge(
                here, f"the response is {int(declared):,} bytes; the limit is {limit:,}"
            )
        chunks: list[bytes] = []
        size = 0
        started = self.clock()
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise ResponseTooLarge(
                        here, f"the response is over the limit of {limit:,} bytes; stopped reading"
                    )
                if self.clock() - started > self.options.total_timeout:
                    raise FetchTimeout(
                        here, f"the download took over {self.options.total_timeout:g} s"
                    )
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(here, f"timed out reading the body ({type(exc).__name__})") from exc
        except httpx.DecodingError as exc:
            raise ConnectionFailed(here, f"the body could not be decoded: {exc}") from exc
        except httpx.TransportError as exc:
            raise ConnectionFailed(here, f"the connection broke: {exc}") from exc
        return b"".join(chunks)

    def _result(
        self, url: str, target: Target, response: httpx.Response, body: bytes
    ) -> FetchResult:
        content_type = response.headers.get("Content-Type", "")
        media, _, params = content_type.partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip("\"'").lower()
        return FetchResult(
            url=url,
            final_url=str(target.url),
            status=response.status_code,
            content_type=media.strip().lower(),
            body=body,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            not_modified=response.status_code == 304,
            charset=charset,
            fetched_at=self.now(),
        )


def _retry_after_seconds(value: str | None, now: dt.datetime) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())
