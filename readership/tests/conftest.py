"""Fixtures for readership tests: both buffers, a skeleton put back after committed data."""

import pytest

from testing import restore_skeleton


@pytest.fixture
def skeleton_rebuilt_after(django_db_blocker):
    """For a test with committed data (threads need it): the skeleton is put back afterwards.

    Request it before transactional_db, which empties every table when it is torn down; the
    tests after this one expect the skeleton that the session built.
    """
    with django_db_blocker.unblock():
        restore_skeleton()
    yield
    with django_db_blocker.unblock():
        restore_skeleton()
