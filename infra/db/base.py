"""Django's PostgreSQL backend, with a cheaper health check of a persistent connection.

With ``CONN_HEALTH_CHECKS`` Django sends ``SELECT 1`` before the first query of every request
that reuses a connection, so that one the server has closed (a restart, a failover, a
terminated backend) is replaced instead of failing the request. That is a round trip to
PostgreSQL on every such request: on the project page, a fifth of the work PostgreSQL does
for it and a tenth of its wait (docs/performance.md).

A server that closes a connection says so on it: PostgreSQL sends its farewell (``FATAL:
terminating connection …``) and then the end of the stream, and a reset connection reports
an error. An idle connection that is well has nothing to read. So the socket is asked first,
without waiting; only if something is there does Django's ``SELECT 1`` run, and replace the
connection if it fails. What neither can see quickly is a network that drops packets without
a word: ``SELECT 1`` would wait for the TCP timeout there too.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and not self.server_has_spoken()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def server_has_spoken(self) -> bool:
        """Whether anything waits to be read on the idle connection (or it cannot be asked)."""
        try:
            poll = select.poll()  # not select(): no limit on the descriptor's number
            poll.register(self.connection.fileno(), select.POLLIN | select.POLLPRI)
            return bool(poll.poll(0))
        except Exception:  # a closed or broken connection: let Django check it
            return True
