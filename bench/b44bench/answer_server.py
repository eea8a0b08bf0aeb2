"""A server that does nothing but answer: every request gets, at once, a result of the size given on
the command line (made once, up front). The benchmark times it through the same client as the real
servers, to show what a response of that size costs with no server work at all."""

import json
import sys

from stdio_framing import receive, send_body  # noqa: E402  (run as a script, beside this module)

size = int(sys.argv[1])
filler = json.dumps("x" * max(0, size - 40)).encode()
while True:
    message = receive()
    method = message.get("method")
    if method == "exit":
        sys.exit(0)
    if "id" not in message or method is None:
        continue
    result = b"null" if method == "shutdown" else filler
    send_body(b'{"jsonrpc":"2.0","id":' + json.dumps(message["id"]).encode() + b',"result":' + result + b"}")
