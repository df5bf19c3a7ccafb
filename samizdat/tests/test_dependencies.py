"""Production installs only what the site runs; tests, lint and bench tools stay apart.

requirements.lock is what a production machine installs and requirements-dev.lock adds the
development tools on top. These tests walk the installed packages' own metadata from the
direct dependencies in pyproject.toml, so a tool that slips into the runtime lock, or a
runtime package that is missing from it, fails here.
"""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


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
