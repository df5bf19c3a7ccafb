"""The settings every environment loads accept the configured host names."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from samizdat.allowed_hosts import ConfiguredHosts

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_load_with_the_configured_hosts():
    """Django insists ALLOWED_HOSTS is a list (samizdat/tests runs the deploy checks)."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="samizdat.settings.production",
        SECRET_KEY="k" * 20 + "-production-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="samizdat.example",
        NEWSLETTER_KEY="n" * 48,
    )
    code = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "print(type(settings.ALLOWED_HOSTS).__name__, list(settings.ALLOWED_HOSTS))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ConfiguredHosts ['samizdat.example']"


def test_csrf_middleware_is_the_one_that_follows_the_configured_hosts():
    assert "mirrors.middleware.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert "django.middleware.csrf.CsrfViewMiddleware" not in settings.MIDDLEWARE


def test_configured_hosts_reads_like_the_list_it_extends(db, configured_hosts):
    from mirrors import hosts

    names = ConfiguredHosts(["one.example"])
    hosts.remember(hosts.Snapshot(hosts=("two.example",)))
    assert list(names) == ["one.example", "two.example"]
    assert len(names) == 2 and names and names[1] == "two.example"
    assert "two.example" in names and "three.example" not in names
    assert [*names, "testserver"] == ["one.example", "two.example", "testserver"]
