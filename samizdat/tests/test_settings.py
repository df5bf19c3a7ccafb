"""Production settings refuse unsafe defaults and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-key-with-enough-entropy-0123456789"
LIST_KEY = "n" * 16 + "-newsletter-key-0123456789"


def manage(*args, **env):
    # The settings alone: the run's own database and Redis (whose persistence the deploy
    # check asks about, readership/tests/test_redis_down.py) are not the point here.
    unset = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DATABASE_URL",
        "REDIS_URL",
        "NEWSLETTER_KEY",
        "NEWSLETTER_KEY_FILE",
    }
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="samizdat.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"ALLOWED_HOSTS": "news.example.org", "NEWSLETTER_KEY": LIST_KEY},
        {
            "ALLOWED_HOSTS": "news.example.org",
            "SECRET_KEY": "dev-only-key-not-for-production",
            "NEWSLETTER_KEY": LIST_KEY,
        },
        {"ALLOWED_HOSTS": "news.example.org", "SECRET_KEY": "short", "NEWSLETTER_KEY": LIST_KEY},
        {"SECRET_KEY": GOOD_KEY, "NEWSLETTER_KEY": LIST_KEY},
    ],
)
def test_production_refuses_to_start_without_a_real_key_and_hosts(env):
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize(
    "list_key",
    [None, "", "too-short-for-a-key", "dev-only-newsletter-key-not-for-production"],
)
def test_production_refuses_to_start_without_a_real_newsletter_key(list_key):
    env = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "news.example.org"}
    if list_key is not None:
        env["NEWSLETTER_KEY"] = list_key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set NEWSLETTER_KEY" in result.stderr


def test_production_reads_the_newsletter_key_from_its_file(tmp_path):
    key_file = tmp_path / "newsletter-key"
    key_file.write_text(LIST_KEY + "\n")
    env = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "news.example.org"}
    result = manage("check", NEWSLETTER_KEY_FILE=str(key_file), **env)
    assert result.returncode == 0, result.stderr
    key_file.write_text("short\n")
    result = manage("check", NEWSLETTER_KEY_FILE=str(key_file), **env)
    assert "ImproperlyConfigured: Set NEWSLETTER_KEY" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="news.example.org", NEWSLETTER_KEY=LIST_KEY,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
