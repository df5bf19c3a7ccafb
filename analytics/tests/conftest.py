"""Analytics tests run some cases once per buffer, as readership's do."""

from readership.tests.conftest import buffer_kind  # noqa: F401 (a fixture)
