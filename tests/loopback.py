"""A real HTTP server on a free loopback port: the stand-in for a service our code calls
(a search cluster, a CDN, a partner's site or webhook), in a thread of the test process."""

import contextlib
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The one loopback address tests let the outbound guard (cms/core/outbound.py) reach, as
# settings.OUTBOUND_ALLOWED_NETWORKS: the stand-ins listen there. Never all of 127.0.0.0/8:
# the guard's tests put the internal service it must not reach on 127.0.0.2.
STAND_IN_NETWORKS = ["127.0.0.1/32"]


class QuietHandler(BaseHTTPRequestHandler):
    """Base of the stand-ins' handlers: pytest's output stays the tests' own."""

    def log_message(self, *args):
        pass


class PurgeRecorder(QuietHandler):
    """A CDN's stand-in: records the (Host, path) of every PURGE it is sent, in `purged`
    (a class attribute, emptied by the test that serves it)."""

    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()


class LoopbackServer(ThreadingHTTPServer):
    # socketserver's backlog of 5 overflows when a load generator reconnects on every
    # request; the kernel then drops the handshake and the client waits a second or more.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A client hanging up mid-connection (wrk does at the end of its run) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(handler, host="127.0.0.1", port=0):
    """The server answering with `handler` (a request handler class), its address as
    `server.url`; shut down and closed on exit."""
    server = LoopbackServer((host, port), handler)
    server.url = f"http://{host}:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
