"""Shield tests borrow readership's throwaway Redis server (a free loopback port)."""

from readership.tests.conftest import redis_server  # noqa: F401
