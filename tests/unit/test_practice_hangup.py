"""A client that hangs up mid-request is one line in the practice server's log, never a
traceback on the terminal (the officer runs practice mode from the app)."""

import logging
import socket
import struct
import time
from urllib.parse import urlsplit

from platforms.practice.echo import EchoServer


def test_a_client_hanging_up_mid_request_is_one_log_line(capfd, caplog):
    caplog.set_level(logging.INFO, logger="siaran.practice")
    with EchoServer() as server:
        parts = urlsplit(server.url)
        for _ in range(3):
            sock = socket.create_connection((parts.hostname, parts.port))
            sock.sendall(b"POST /anything HTTP/1.1\r\nHost: x\r\n")  # headers cut short
            time.sleep(0.2)
            # RST instead of FIN: the server's read fails with ConnectionResetError
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(
                [r for r in caplog.records if "hung up" in r.getMessage()]) < 3:
            time.sleep(0.05)
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out
    hung = [r.getMessage() for r in caplog.records if "hung up" in r.getMessage()]
    assert len(hung) == 3 and all("\n" not in line for line in hung), hung
