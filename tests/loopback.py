"""A real HTTP server on a free loopback port: the stand-in for a service our code calls
(a search cluster, a CDN, a partner's site or webhook), in a thread of the test process."""

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """Base of the stand-ins' handlers: pytest's output stays the tests' own."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(handler):
    """The server answering with `handler` (a request handler class), its address as
    `server.url`; shut down and closed on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
