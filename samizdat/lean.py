"""Keep development tooling out of the app servers' memory.

requirements.lock installs the development tools beside the site, so `make test` and the
servers share one environment. Some libraries import optional helpers merely because they
are installed: Beautiful Soup registers the html5lib and lxml parsers when it is first
imported, and Django REST framework (which Wagtail loads at start-up) imports Pygments and
PyYAML. Nothing the site runs uses them (Wagtail parses HTML with "html.parser" and serves
no YAML or highlighted API pages), yet they added about 8 MB to every worker. Marking them
absent makes those optional imports fail exactly as they do where the development tools
are not installed.
"""

import sys

# Installed only for the tests (extruct, schemathesis, pytest), never needed by the site.
DEVELOPMENT_ONLY = ("html5lib", "lxml", "pygments", "yaml")


def leave_out_development_tools():
    """Make `import` of the development-only packages fail in this process."""
    for name in DEVELOPMENT_ONLY:
        # A package some code in this process already imported stays usable.
        sys.modules.setdefault(name, None)
