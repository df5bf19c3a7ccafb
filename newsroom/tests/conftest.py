import pytest

from newsroom.models import HomePage


@pytest.fixture
def homes(db):
    """The three language editions with All news and sections, as a new site has them."""
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
