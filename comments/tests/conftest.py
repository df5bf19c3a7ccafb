import pytest
from django.contrib.auth.models import Group, User

from testing.factories import make_article


@pytest.fixture
def article(homes):
    return make_article(title="Навіна для каментароў")


@pytest.fixture
def moderator(db):
    """A member of Moderators, who may use the comments desk."""
    user = User.objects.create_user("moderator", password="pass-for-tests-only")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
