"""LSP framing over stdin/stdout for the small scripted servers: the tests' stand-ins and the
benchmark's do-nothing server. They run as scripts, with this module's folder on sys.path."""

import json
import sys

stdin, stdout = sys.stdin.buffer, sys.stdout.buffer


def send(message):
    send_body(json.dumps(message).encode())


def send_body(body: bytes):
    stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stdout.flush()


def receive():
    length = None
    while True:
        line = stdin.readline()
        if not line:
            sys.exit(0)
        if line in (b"\r\n", b"\n"):
            break
        key, _, value = line.partition(b":")
        if key.lower() == b"content-length":
            length = int(value)
    return json.loads(stdin.read(length))
