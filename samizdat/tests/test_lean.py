"""An app server loads the site's own dependencies only, never the development tools."""

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

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


def runtime_distributions():
    """The project's dependencies (pyproject.toml) and everything they require."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(spec) for spec in project["dependencies"]]
    found = set()
    while wanted:
        requirement = wanted.pop()
        name = canonical(requirement.name)
        if name in found:
            continue
        found.add(name)
        extras = requirement.extras or {""}
        for spec in metadata.distribution(name).requires or []:
            needed = Requirement(spec)
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
                wanted.append(needed)
    return found


def worker_modules():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
        "SECRET_KEY": "k" * 20 + "-production-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "news.example.org",
    }
    done = subprocess.run(
        [sys.executable, "-c", LOAD_WORKER],
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
    runtime = runtime_distributions()
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
