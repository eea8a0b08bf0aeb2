"""LSP framing over stdin/stdout for the scripted servers the tests start (they run as scripts,
so this sits beside them on sys.path)."""

import json
import sys

stdin, stdout = sys.stdin.buffer, sys.stdout.buffer


def send(message):
    body = json.dumps(message).encode()
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
