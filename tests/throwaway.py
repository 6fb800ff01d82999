"""Servers the benchmarks and the tests start for themselves, on free loopback ports."""

from __future__ import annotations

import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def redis(directory: Path, port: int | None = None):
    """A throwaway redis-server (nothing saved; ``directory`` its working folder) on ``port``
    or a free one, once it accepts connections; yields its URL. RuntimeError should it end or
    not answer in 10 s."""
    port = port or free_port()
    options = {"port": port, "bind": "127.0.0.1", "save": "", "appendonly": "no", "dir": directory}
    command = ["redis-server"] + [
        part for name, value in options.items() for part in (f"--{name}", str(value))
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError(f"redis-server ended ({process.returncode}) before it answered")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("redis-server did not answer within 10 s")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)
