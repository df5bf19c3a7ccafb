import pytest

from newsroom.models import HomePage


@pytest.fixture
def homes(db):
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
