"""The benchmark's load (bot/load.py) against a small local server: a turn
answered with a rate limit's notice stops the load instead of being timed."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot import load
from bot.channels import limits


def _server(answer_for_turn):
    turns = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            turns.append(body["message"])
            data = json.dumps(answer_for_turn(len(turns), body["sender"])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, turns


@pytest.fixture
def server_with(request):
    servers = []

    def start(answer_for_turn):
        server, turns = _server(answer_for_turn)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}", turns

    yield start
    for server in servers:
        server.shutdown()


def test_a_load_times_every_turn_of_every_conversation(server_with):
    url, turns = server_with(lambda n, sender: [{"recipient_id": sender, "text": "Hallo!"}])
    result = load.run(url, 3, 4)
    assert len(result.latencies) == 12 and len(turns) == 12
    assert sorted(turns) == sorted(load.CONVERSATION[:4] * 3)


def test_a_turn_answered_by_the_rate_limit_stops_the_load_with_a_clear_error(server_with):
    url, turns = server_with(lambda n, sender: [{"recipient_id": sender,
                                                 "text": limits.TE_SNEL if n > 2 else "Hallo!"}])
    with pytest.raises(load.RateLimited, match="turn 3 of bench got a rate limit's notice.*RATE_LIMIT_PER_MINUTE=0"):
        load.conversation(url, "bench", 5)
    assert len(turns) == 3
