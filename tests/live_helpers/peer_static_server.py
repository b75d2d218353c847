"""The participant page's files over plain HTTP on 127.0.0.1, laid out as the room server
lays them out (docs/participant-page.md), for the browser tests:

    GET /static/NAME       a file of cxdesigner/live/static/
    GET /ROOM/role?key=K   {"role": "viewer"} for the key "viewer-key", 403 for
                           "bad-key" (the room server's answer to a wrong key), else 404
                           (the page then takes the participant role, as under the
                           reference Node server)
    GET /ROOM?...          participant.html

    python peer_static_server.py      prints the port it listens on, then serves
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

STATIC = Path(__file__).resolve().parents[2] / "cxdesigner" / "live" / "static"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        if len(parts) == 2 and parts[0] == "static":
            path = STATIC / parts[1]
            if path.parent == STATIC and path.suffix in TYPES and path.is_file():
                return self._send(200, TYPES[path.suffix], path.read_bytes())
        elif len(parts) == 2 and parts[1] == "role":
            key = parse_qs(url.query).get("key")
            if key == ["viewer-key"]:
                return self._send(200, "application/json", json.dumps({"role": "viewer"}).encode())
            if key == ["bad-key"]:
                return self._send(403, "application/json", b'{"error": "no access"}')
        elif len(parts) == 1:
            return self._send(200, TYPES[".html"], (STATIC / "participant.html").read_bytes())
        self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet: the test reads only the port line
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.timeout = 1
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
