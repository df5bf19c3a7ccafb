import pytest

from mirrors import hosts
from mirrors.models import Kind, MirrorHost, MirrorSettings
from samizdat.allowed_hosts import ConfiguredHosts

MAIN = "samizdat.example"
MIRROR = "mirror.example"
CDN = "d1abcdefgh.cdn.example"
ONION = "samizdat" + "a" * 48 + ".onion"


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    """Each test reads the configured names anew; none leaks into another test."""
    hosts.forget()
    yield
    hosts.forget()


@pytest.fixture
def configured_hosts(settings):
    """ALLOWED_HOSTS as production has it: the test environment replaced it with a list."""
    settings.ALLOWED_HOSTS = ConfiguredHosts(["testserver", MAIN])
    settings.CANONICAL_BASE_URL = f"https://{MAIN}"
    return settings


def configure(*rows, capture):
    """Save the setting with these (host, kind[, listed]) rows, as the admin does."""
    setting = MirrorSettings.load()
    setting.hosts = [
        MirrorHost(host=row[0], kind=row[1], listed=row[2] if len(row) > 2 else True)
        for row in rows
    ]
    with capture(execute=True):
        setting.save()
    return setting


@pytest.fixture
def mirrored(db, configured_hosts, django_capture_on_commit_callbacks):
    """A mirror domain, a CDN host name and an onion address, saved in the setting."""
    return configure(
        (MIRROR, Kind.MIRROR), (CDN, Kind.CDN), (ONION, Kind.ONION),
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
