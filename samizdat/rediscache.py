"""Redis that fails fast: a circuit breaker in front of every connection to it.

When Redis stops answering, each request that touched it used to wait for its own
connection attempt (or timeout) several times over, and a cached article fell from
thousands of answers a second to a few. Here the first failure marks that Redis
unreachable for RETRY_SECONDS: every cache call, limit, lock and readership write then
fails at once, without a socket, and callers take their fallback (a miss, a local copy of
the page, the database buffer). After RETRY_SECONDS one caller of each process tries again;
its success closes the breaker for everyone.

Wired in through django-redis (CACHES OPTIONS "CONNECTION_FACTORY"), so Django's cache
and get_redis_connection() both go through it.
"""

import os
import threading
import time

from django_redis.pool import ConnectionFactory
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

RETRY_SECONDS = 2.0
FAILURES = (RedisConnectionError, RedisTimeoutError)


class NotSent(RedisConnectionError):
    """Nothing reached Redis: no connection could be made, or the breaker is open.

    Unlike a timeout after a command went out (Redis may still carry it out), a write that
    failed this way surely did not happen: its caller may safely make it elsewhere.
    """


class Breaker:
    """Open (failing fast) from a failed connection until a later attempt succeeds."""

    def __init__(self, clock=time.monotonic, seconds=RETRY_SECONDS):
        self.clock = clock
        self.seconds = seconds
        self.retry_at = None  # None: closed, Redis answers
        self.lock = threading.Lock()

    @property
    def is_open(self):
        return self.retry_at is not None

    def allows_attempt(self):
        """True when closed, and for one caller once RETRY_SECONDS have passed."""
        if self.retry_at is None:
            return True
        with self.lock:
            if self.retry_at is None:
                return True
            if self.clock() < self.retry_at:
                return False
            # This caller probes; the others keep failing fast until it knows.
            self.retry_at = self.clock() + self.seconds
            return True

    def failed(self):
        with self.lock:
            self.retry_at = self.clock() + self.seconds

    def answered(self):
        if self.retry_at is not None:
            with self.lock:
                self.retry_at = None


_breakers = {}


def breaker_for(address):
    """The breaker of one Redis server (host and port, or socket path), shared per process."""
    return _breakers.setdefault(address, Breaker())


def unreachable():
    """True while any Redis this process uses is marked unreachable."""
    return any(breaker.is_open for breaker in list(_breakers.values()))


def forget_failures():
    """Close every breaker: the next call tries Redis again (tests, between cases)."""
    _breakers.clear()


class Guarded:
    """What every guarded connection adds to redis-py's: consult and feed the breaker."""

    @property
    def breaker(self):
        return breaker_for(getattr(self, "path", None) or (self.host, self.port))

    def connect_check_health(self, *args, **kwargs):
        if self._sock:
            return None
        if not self.breaker.allows_attempt():
            raise NotSent("Redis was unreachable moments ago; not trying yet.")
        try:
            return super().connect_check_health(*args, **kwargs)
        except FAILURES as error:
            self.breaker.failed()
            raise NotSent(str(error)) from error

    def send_packed_command(self, *args, **kwargs):
        try:
            return super().send_packed_command(*args, **kwargs)
        except FAILURES:
            self.breaker.failed()
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except FAILURES:
            self.breaker.failed()
            raise
        self.breaker.answered()
        return response


class GuardedConnection(Guarded, Connection):
    pass


class GuardedSSLConnection(Guarded, SSLConnection):
    pass


class GuardedUnixConnection(Guarded, UnixDomainSocketConnection):
    pass


CONNECTION_CLASSES = {
    "redis": GuardedConnection,
    "rediss": GuardedSSLConnection,
    "unix": GuardedUnixConnection,
}


class GuardedConnectionFactory(ConnectionFactory):
    """django-redis's factory, with connections that go through the breaker."""

    def get_connection_pool(self, params):
        scheme = params["url"].split("://", 1)[0]
        self.pool_cls_kwargs = {
            **self.pool_cls_kwargs,
            "connection_class": CONNECTION_CLASSES.get(scheme, GuardedConnection),
        }
        return super().get_connection_pool(params)


_own = threading.local()


def own_connection(redis):
    """This thread's own connection to the server `redis` talks to, made from its pool's
    settings (so through the breaker) and kept for the thread's life, outside the pool."""
    pool = redis.connection_pool
    connections = getattr(_own, "connections", None)
    if connections is None or _own.pid != os.getpid():  # a forked child makes its own
        connections = _own.connections = {}
        _own.pid = os.getpid()
    # Kept with its pool: an id is unique only while its object lives (settings that change
    # in tests make new pools, to other servers).
    pool_and_connection = connections.get(id(pool))
    if pool_and_connection is None or pool_and_connection[0] is not pool:
        connection = pool.connection_class(**pool.connection_kwargs)
        pool_and_connection = connections[id(pool)] = (pool, connection)
    return pool_and_connection[1]


def command(redis, *args):
    """One command and its raw reply on this thread's own connection.

    For the hottest single command (a leaving beacon's one round trip): redis-py's client
    wraps every command in retries, pool checkout and observability hooks, which cost
    about 60 µs of CPU a command with redis-py 8.1, more than the round trip itself
    (measured: 100 µs a command through the client, 40 µs on a connection). The connection
    still packs, parses and feeds the breaker; it is checked before each command as the
    pool checks one it hands out, so a socket Redis closed (a restart) is made again, and
    what still fails reaches the caller as it would through the client.
    """
    connection = own_connection(redis)
    ready(connection)
    try:
        connection.send_command(*args)
        return connection.read_response()
    except (RedisConnectionError, RedisTimeoutError, OSError):
        connection.disconnect()  # a reply may be half read: the next command starts afresh
        raise


def ready(connection):
    """Connect the connection if needed and make sure nothing is waiting to be read on it.

    A socket the server closed reads as readable (at its end), so it is made again here."""
    connection.connect()  # no-op while connected
    try:
        if connection.can_read():
            raise RedisConnectionError("Connection has data")
    except (RedisConnectionError, RedisTimeoutError, OSError):
        connection.disconnect()
        connection.connect()
