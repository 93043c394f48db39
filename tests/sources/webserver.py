"""A real threaded HTTP server on 127.0.0.1 whose routes tests define: feeds, pages, errors,
redirects, slow answers and huge streamed bodies. It records every request it gets."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Request:
    path: str
    headers: Mapping[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[Request], Reply]


class WebServer:
    """``with WebServer() as web: web.add("/feed", Reply(body=...)); web.url("/feed")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.sent: Counter[str] = Counter()  # body bytes written per path
        self.release = threading.Event()  # lets slow routes finish when the server stops
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.hits[self.path] += 1
                    server.requests.append(request)
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                reply = route(request) if route else Reply(404, b"not here")
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if isinstance(reply.body, bytes) and "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body
                    for chunk in chunks:
                        self.wfile.write(chunk)
                        with server._lock:
                            server.sent[self.path] += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size limit, timeout): expected

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, reply: Reply | Route) -> str:
        """Serve ``reply`` (the same each time, or a function of the request) at ``path``."""
        if isinstance(reply, Reply):
            fixed = reply

            def route(_request: Request) -> Reply:
                return fixed

            self.routes[path] = route
        else:
            self.routes[path] = reply
        return self.url(path)

    def sequence(self, path: str, replies: list[Reply]) -> str:
        """Answer with each reply in turn, then keep giving the last."""
        count = Counter[str]()

        def route(_request: Request) -> Reply:
            count["n"] += 1
            return replies[min(count["n"], len(replies)) - 1]

        return self.add(path, route)

    def slow(self, path: str, reply: Reply, seconds: float = 5.0) -> str:
        """Answer only after ``seconds`` (or when the server stops): for timeouts."""

        def route(_request: Request) -> Reply:
            self.release.wait(seconds)
            return reply

        return self.add(path, route)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.add(path, Reply(status, b"", {"Location": location}))

    def conditional(self, path: str, body: bytes, etag: str, content_type: str) -> str:
        """A resource with an ETag and a Last-Modified date that answers 304 when unchanged."""
        modified = "Tue, 17 Sep 2024 06:00:00 GMT"

        def route(request: Request) -> Reply:
            if request.headers.get("if-none-match") == etag or (
                "if-none-match" not in request.headers
                and request.headers.get("if-modified-since") == modified
            ):
                return Reply(304, b"", {"ETag": etag})
            headers = {"ETag": etag, "Last-Modified": modified, "Content-Type": content_type}
            return Reply(200, body, headers)

        return self.add(path, route)


def chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """``total`` bytes in chunks of one reused buffer: a huge body without building it."""
    block = b"x" * size
    sent = 0
    while sent < total:
        part = block if total - sent >= size else block[: total - sent]
        sent += len(part)
        yield part
