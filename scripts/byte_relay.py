# SPDX-License-Identifier: GPL-2.0-or-later
"""A TCP relay on 127.0.0.1 that counts the bytes passing each way: what a PostgreSQL client really
fetched from the server (the PostGIS constraint test and ``bench_constraints``)."""
import socket
import threading


class CountingRelay:
    """A TCP relay on 127.0.0.1 that counts the bytes it passes each way (client → server and back)."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.sent = self.received = 0
        self._lock = threading.Lock()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(16)
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, "sent"), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, "received"), daemon=True).start()

    def _pipe(self, source, target, counter):
        try:
            while True:
                data = source.recv(1 << 16)
                if not data:
                    break
                target.sendall(data)
                with self._lock:
                    setattr(self, counter, getattr(self, counter) + len(data))
        except OSError:
            pass
        finally:
            for end in (source, target):     # the other direction's thread then ends too
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                end.close()

    def reset(self):
        with self._lock:
            self.sent = self.received = 0

    def close(self):
        self._server.close()
