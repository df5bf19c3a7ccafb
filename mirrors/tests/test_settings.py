"""The settings every environment loads accept the configured host names."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from mirrors.allowed import ConfiguredHosts

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_load_and_pass_the_deploy_checks():
    """Django insists ALLOWED_HOSTS is a list; CI runs the same check."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
        "SECRET_KEY": "k3-Fq9v!x2Lm8#Rt5Wz0Yp7Ns4Hd6Jb1Gc-Ve3Ua9Qo2Ik5Xr8Tl0Cy7Mw4Pf6Zs",
        "ALLOWED_HOSTS": "samizdat.example",
    }
    code = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "from django.core.management import call_command;"
        "print(type(settings.ALLOWED_HOSTS).__name__, list(settings.ALLOWED_HOSTS));"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "ConfiguredHosts ['samizdat.example']" in result.stdout


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
