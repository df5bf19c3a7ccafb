"""Production installs only what the site runs; tests, lint and bench tools stay apart.

requirements.lock is what a production machine installs and requirements-dev.lock adds the
development tools on top. These tests walk the installed packages' own metadata from the
direct dependencies in pyproject.toml, so a tool that slips into the runtime lock, or a
runtime package that is missing from it, fails here.
"""

import json
import os
import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]

# A worker's start-up: the WSGI application, every URLconf, every template tag library.
LOAD_WORKER = """
import json, sys
from samizdat.wsgi import application
from django.template import engines
from django.urls import get_resolver
get_resolver().url_patterns
engines["django"].engine.template_libraries
print(json.dumps(sorted({name.split(".")[0] for name, m in sys.modules.items() if m})))
"""


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock):
    """Package names pinned in a lock file (comments and `-r` lines left out)."""
    lines = (ROOT / lock).read_text().splitlines()
    return {canonical(line.split("==")[0]) for line in lines if "==" in line}


def closure(requirements):
    """Every distribution the given requirement strings pull in, by installed metadata."""
    wanted = [Requirement(text) for text in requirements]
    found = set()
    while wanted:
        requirement = wanted.pop()
        name = canonical(requirement.name)
        if name in found:
            continue
        found.add(name)
        extras = requirement.extras or {""}
        for text in metadata.requires(requirement.name) or ():
            needed = Requirement(text)
            if needed.marker is None or any(
                needed.marker.evaluate({"extra": extra}) for extra in extras
            ):
                wanted.append(needed)
    return found


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_runtime_lock_holds_exactly_what_the_site_needs():
    runtime = closure(project()["dependencies"])
    assert pins("requirements.lock") == runtime


def test_no_test_or_lint_tool_is_installed_in_production():
    extras = project()["optional-dependencies"]
    tools = {canonical(Requirement(text).name) for group in extras.values() for text in group}
    assert tools, "pyproject.toml names the development tools"
    assert not tools & pins("requirements.lock")


def test_the_development_lock_adds_the_tools_on_top_of_the_runtime_lock():
    extras = project()["optional-dependencies"]
    everything = closure([text for group in extras.values() for text in group])
    lines = (ROOT / "requirements-dev.lock").read_text().splitlines()
    assert "-r requirements.lock" in lines
    dev = pins("requirements-dev.lock")
    assert not dev & pins("requirements.lock"), "each package is pinned in one lock only"
    assert everything - pins("requirements.lock") <= dev


RUNTIME_PYTHON = ROOT / ".runtime-venv" / "bin" / "python"


def worker_modules():
    """The top-level modules a production worker holds once started, from the production install."""
    if not RUNTIME_PYTHON.exists():
        pytest.fail("No production install: `make test` makes .runtime-venv (requirements.lock)")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
        "SECRET_KEY": "k" * 20 + "-production-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "news.example.org",
        "NEWSLETTER_KEY": "n" * 48,
    }
    done = subprocess.run(
        [str(RUNTIME_PYTHON), "-c", LOAD_WORKER],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_worker_imports_no_development_only_package():
    owners = metadata.packages_distributions()
    runtime = closure(project()["dependencies"])
    development = {
        module: distributions
        for module in worker_modules()
        if (distributions := {canonical(d) for d in owners.get(module, [])})
        and not distributions & runtime
    }
    # setuptools' start-up hook comes with every virtual environment, not from the site.
    development.pop("_distutils_hack", None)
    assert development == {}


def test_the_development_tools_are_installed_where_the_tests_run():
    # Otherwise the test above would pass for want of anything to leave out.
    for module in ("lxml", "html5lib", "yaml", "pygments", "schemathesis", "hypothesis"):
        assert module in metadata.packages_distributions()
