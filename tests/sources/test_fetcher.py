"""The fetcher against a real server on 127.0.0.1: polite (user agent, retries with backoff, per-host
interval, conditional GET) and safe (size limit, redirect limits, http(s) only, no private hosts)."""

from __future__ import annotations

import pytest
from tests.sources.conftest import FakeTime, make_fetcher
from tests.sources.webserver import Reply, WebServer, chunks

from conflictwatch.errors import ConflictWatchError
from conflictwatch.sources.addresses import HostNotFound
from conflictwatch.sources.fetch import (
    USER_AGENT,
    ConnectionFailed,
    Fetcher,
    FetchTimeout,
    HTTPStatusError,
    RedirectError,
    ResponseTooLarge,
    URLNotAllowed,
)

MB = 1_000_000


def test_a_page_comes_back_as_bytes_with_its_type_and_our_user_agent(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = web.add(
        "/a", Reply(200, "Bonjour à tous".encode(), {"Content-Type": "text/HTML; charset=UTF-8"})
    )
    result = fetcher.fetch(url)
    assert (result.status, result.content_type, result.charset) == (200, "text/html", "utf-8")
    assert result.body.decode() == "Bonjour à tous"
    assert result.url == result.final_url == url
    assert not result.not_modified
    assert web.requests[0].headers["user-agent"] == USER_AGENT
    assert (
        USER_AGENT.startswith("conflictwatch/")
        and "(+https://github.com/conflictwatch/conflictwatch)" in USER_AGENT
    )


def test_conditional_get_turns_an_unchanged_resource_into_not_modified(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = web.conditional("/feed", b"<rss/>", etag='"v1"', content_type="application/rss+xml")
    first = fetcher.fetch(url)
    assert (first.etag, first.last_modified) == ('"v1"', "Tue, 17 Sep 2024 06:00:00 GMT")
    again = fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.status == 304 and again.body == b""
    assert web.requests[1].headers["if-none-match"] == '"v1"'
    assert web.requests[1].headers["if-modified-since"] == "Tue, 17 Sep 2024 06:00:00 GMT"
    by_date = fetcher.fetch(url, last_modified=first.last_modified)
    assert by_date.not_modified
    changed = fetcher.fetch(url, etag='"v0"')
    assert not changed.not_modified and changed.body == b"<rss/>"


def test_server_errors_are_retried_with_growing_delays(web: WebServer, fake_time: FakeTime) -> None:
    url = web.sequence("/flaky", [Reply(500, b"oops"), Reply(503, b"busy"), Reply(200, b"ok")])
    with make_fetcher(fake_time, retries=3, backoff=0.5) as fetcher:
        result = fetcher.fetch(url)
    assert result.body == b"ok"
    assert web.hits["/flaky"] == 3
    assert fake_time.sleeps == [0.5, 1.0]  # no jitter with random() == 0


def test_jitter_adds_up_to_half_of_the_delay(web: WebServer, fake_time: FakeTime) -> None:
    url = web.sequence("/flaky", [Reply(500), Reply(200, b"ok")])
    with make_fetcher(fake_time, backoff=2.0) as fetcher:
        fetcher.random = lambda: 1.0
        fetcher.fetch(url)
    assert fake_time.sleeps == [3.0]


def test_a_server_that_keeps_failing_is_an_error_after_every_retry(
    web: WebServer, fake_time: FakeTime
) -> None:
    url = web.add("/down", Reply(502, b"bad gateway"))
    with make_fetcher(fake_time, retries=2) as fetcher, pytest.raises(HTTPStatusError) as failure:
        fetcher.fetch(url)
    assert failure.value.status == 502
    assert "HTTP 502" in str(failure.value) and "after 3 attempts" in str(failure.value)
    assert url in str(failure.value)
    assert web.hits["/down"] == 3


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_client_errors_are_not_retried(web: WebServer, fetcher: Fetcher, status: int) -> None:
    url = web.add("/missing", Reply(status, b"no"))
    with pytest.raises(HTTPStatusError) as failure:
        fetcher.fetch(url)
    assert failure.value.status == status
    assert web.hits["/missing"] == 1


def test_a_slow_server_times_out_and_is_retried(web: WebServer, fake_time: FakeTime) -> None:
    url = web.slow("/slow", Reply(200, b"late"))
    with (
        make_fetcher(fake_time, read_timeout=0.05, retries=1) as fetcher,
        pytest.raises(FetchTimeout),
    ):
        fetcher.fetch(url)
    assert web.hits["/slow"] == 2
    assert fake_time.sleeps == [0.5]


def test_a_connection_refused_is_a_fetch_error_naming_the_url(fake_time: FakeTime) -> None:
    with WebServer() as gone:
        url = gone.url("/x")
    with (
        make_fetcher(fake_time, retries=1) as fetcher,
        pytest.raises(ConflictWatchError) as failure,
    ):
        fetcher.fetch(url)
    assert "connection failed" in str(failure.value) and url in str(failure.value)


def test_redirects_are_followed_and_the_final_url_kept(web: WebServer, fetcher: Fetcher) -> None:
    target = web.add("/story", Reply(200, b"story"))
    web.redirect("/short", "/moved", 301)
    start = web.redirect("/moved", target, 307)
    result = fetcher.fetch(web.url("/short"))
    assert result.body == b"story"
    assert result.final_url == target and result.url == web.url("/short")
    assert start  # the middle hop was visited too
    assert web.hits["/moved"] == 1


def test_a_redirect_loop_is_refused(web: WebServer, fetcher: Fetcher) -> None:
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    with pytest.raises(RedirectError, match="redirect loop"):
        fetcher.fetch(web.url("/a"))
    assert web.hits["/a"] == 1 and web.hits["/b"] == 1


def test_too_many_redirects_are_refused(web: WebServer, fake_time: FakeTime) -> None:
    for i in range(6):
        web.redirect(f"/r{i}", f"/r{i + 1}")
    web.add("/r6", Reply(200, b"end"))
    with (
        make_fetcher(fake_time, max_redirects=3) as fetcher,
        pytest.raises(RedirectError, match="more than 3 redirects"),
    ):
        fetcher.fetch(web.url("/r0"))
    with make_fetcher(fake_time, max_redirects=6) as fetcher:
        assert fetcher.fetch(web.url("/r0")).body == b"end"


def test_a_redirect_without_location_is_an_error(web: WebServer, fetcher: Fetcher) -> None:
    web.add("/nowhere", Reply(302, b""))
    with pytest.raises(RedirectError, match="without a Location"):
        fetcher.fetch(web.url("/nowhere"))


def test_a_50_mb_page_with_its_length_declared_is_refused_before_reading(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = web.add("/huge", lambda _r: Reply(200, chunks(50 * MB), {"Content-Length": str(50 * MB)}))
    with pytest.raises(ResponseTooLarge, match="50,000,000 bytes; the limit is 5,000,000"):
        fetcher.fetch(url)
    assert web.sent["/huge"] < 50 * MB


def test_a_50_mb_page_of_unknown_length_is_cut_off_at_the_limit(
    web: WebServer, fake_time: FakeTime
) -> None:
    url = web.add("/huge", lambda _r: Reply(200, chunks(50 * MB)))
    with (
        make_fetcher(fake_time, max_bytes=5 * MB) as fetcher,
        pytest.raises(ResponseTooLarge, match="over the limit"),
    ):
        fetcher.fetch(url)
    assert web.sent["/huge"] < 50 * MB


def test_a_body_just_under_the_limit_is_read_whole(web: WebServer, fake_time: FakeTime) -> None:
    url = web.add("/big", lambda _r: Reply(200, chunks(300_000)))
    with make_fetcher(fake_time, max_bytes=300_000) as fetcher:
        assert len(fetcher.fetch(url).body) == 300_000


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/feed.xml",
        "file:///etc/passwd",
        "gopher://x/",
        "example.org/rss",
        "http:///nohost",
    ],
)
def test_only_http_and_https_urls_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(URLNotAllowed):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("localhost", "loopback"),
        ("[::1]", "loopback"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("10.0.0.7", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.20", "private"),
        ("169.254.169.254", "link-local"),
        ("[fe80::1]", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not publicly routable"),
    ],
)
def test_private_loopback_and_link_local_hosts_are_refused(
    web: WebServer, fake_time: FakeTime, host: str, kind: str
) -> None:
    web.add("/feed", Reply(200, b"secret"))
    with (
        make_fetcher(fake_time, allow_private=False) as fetcher,
        pytest.raises(URLNotAllowed, match=kind) as refusal,
    ):
        fetcher.fetch(f"http://{host}:{web.port}/feed")
    assert "allow_private" in str(refusal.value)
    assert web.hits["/feed"] == 0


def test_allow_private_per_fetch_overrides_the_default(web: WebServer, fake_time: FakeTime) -> None:
    url = web.add("/feed", Reply(200, b"intranet"))
    with make_fetcher(fake_time, allow_private=False) as fetcher:
        assert fetcher.fetch(url, allow_private=True).body == b"intranet"
        with pytest.raises(URLNotAllowed):
            fetcher.fetch(url)


def test_a_redirect_to_a_loopback_address_is_refused_at_the_hop(
    web: WebServer, fake_time: FakeTime
) -> None:
    """127.0.0.1 is allowed by name here (like an intranet server); the hop to 127.0.0.2 is not."""
    web.add("/secret", Reply(200, b"secret"))
    web.redirect("/out", f"http://127.0.0.2:{web.port}/secret")
    web.redirect("/out6", f"http://[::1]:{web.port}/secret")
    with make_fetcher(fake_time, allow_private=False, allow_networks=("127.0.0.1/32",)) as fetcher:
        for path in ("/out", "/out6"):
            with pytest.raises(URLNotAllowed, match="loopback") as refusal:
                fetcher.fetch(web.url(path))
            assert f"redirected from {web.url(path)}" in str(refusal.value)
    assert web.hits["/out"] == 1 and web.hits["/secret"] == 0


def test_a_redirect_from_a_hostname_to_localhost_is_refused(
    web: WebServer, fake_time: FakeTime
) -> None:
    """news.test resolves (here) to the allowed test server, which redirects to localhost."""
    web.add("/secret", Reply(200, b"secret"))
    web.redirect("/out", f"http://localhost:{web.port}/secret")
    resolver = {"news.test": ["127.0.0.1"], "localhost": ["127.0.0.1", "10.9.8.7"]}
    with make_fetcher(fake_time, allow_private=False, allow_networks=("127.0.0.1/32",)) as fetcher:
        fetcher.resolver = lambda host, port: resolver[host]
        with pytest.raises(
            URLNotAllowed,
            match=r"10\.9\.8\.7 is a private address \(host 'localhost' resolves to it\)",
        ):
            fetcher.fetch(f"http://news.test:{web.port}/out")
    assert web.hits["/out"] == 1 and web.hits["/secret"] == 0


def test_every_address_of_a_host_is_checked_and_the_connection_goes_to_a_checked_one(
    web: WebServer, fake_time: FakeTime
) -> None:
    web.add("/page", Reply(200, b"pinned"))
    with make_fetcher(fake_time, allow_private=False, allow_networks=("127.0.0.1/32",)) as fetcher:
        fetcher.resolver = lambda host, port: ["127.0.0.1"]
        result = fetcher.fetch(f"http://news.test:{web.port}/page")
        assert result.body == b"pinned"
        assert result.final_url == f"http://news.test:{web.port}/page"
        assert web.requests[-1].headers["host"] == f"news.test:{web.port}"
        fetcher.resolver = lambda host, port: ["127.0.0.1", "192.168.0.9"]
        with pytest.raises(URLNotAllowed, match=r"192\.168\.0\.9 is a private address"):
            fetcher.fetch(f"http://news.test:{web.port}/page")
    assert web.hits["/page"] == 1


def test_requests_to_one_host_keep_the_minimum_interval(
    web: WebServer, fake_time: FakeTime
) -> None:
    web.add("/a", Reply(200, b"a"))
    with make_fetcher(fake_time, host_interval=2.0) as fetcher:
        fetcher.fetch(web.url("/a"))
        fetcher.fetch(web.url("/a"))
        fetcher.fetch(f"http://localhost:{web.port}/a")  # another host name: no wait
        fake_time.seconds += 0.5
        fetcher.fetch(web.url("/a"))
    assert fake_time.sleeps == [2.0, 1.5]


def test_a_host_that_does_not_resolve_is_a_connection_failure(fake_time: FakeTime) -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise HostNotFound(f"cannot resolve host {host!r}: no such name")

    with make_fetcher(fake_time, allow_private=False) as fetcher:
        fetcher.resolver = resolver
        with pytest.raises(ConnectionFailed, match=r"cannot resolve host 'news\.invalid'"):
            fetcher.fetch("https://news.invalid/rss")


def test_retry_after_is_honoured_up_to_the_longest_backoff(
    web: WebServer, fake_time: FakeTime
) -> None:
    url = web.sequence(
        "/busy",
        [
            Reply(503, b"", {"Retry-After": "7"}),
            Reply(503, b"", {"Retry-After": "600"}),
            Reply(200, b"ok"),
        ],
    )
    with make_fetcher(fake_time, retries=2, backoff=0.5, max_backoff=30.0) as fetcher:
        assert fetcher.fetch(url).body == b"ok"
    assert fake_time.sleeps == [7.0, 30.0]
