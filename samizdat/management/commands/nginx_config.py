"""Print the nginx configuration for this site (deploy/nginx/samizdat.conf, filled in)."""

import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEPLOY = settings.BASE_DIR / "deploy" / "nginx"
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def upstream_servers(addresses):
    return "\n    ".join(f"server {address};" for address in addresses.split(",") if address)


def queue(burst):
    """How many requests over a site-wide rate wait their turn ("burst=0" is not nginx's)."""
    return f"burst={burst}" if int(burst) else ""


def fill(template, values):
    """The template with every {{ name }} replaced; a name left without a value is an error."""
    missing = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if missing:
        raise CommandError(f"No value for: {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


class Command(BaseCommand):
    help = (
        "Print the nginx configuration that puts this site behind nginx (see docs/production.md)."
    )

    def add_arguments(self, parser):
        add = parser.add_argument
        add("--listen", default="80", help="What the server listens on, e.g. 443 ssl.")
        add("--server-names", default="", help="Host names (default: ALLOWED_HOSTS).")
        add("--readers", default="127.0.0.1:8000", help="Readers' app servers, comma-separated.")
        add("--writers", default="127.0.0.1:8001", help="Writers' app servers, comma-separated.")
        add("--purge-listen", default="127.0.0.1:8081", help="Where the app servers purge.")
        add("--miss-listen", default="127.0.0.1:8082",
            help="Where nginx bounds what missed its cache (loopback).")  # fmt: skip
        add("--cache-dir", default="/var/cache/nginx/samizdat")
        add("--error-log", default="/var/log/nginx/error.log",
            help="Where critical request errors go (others name the reader).")  # fmt: skip
        add("--refusals", default=str(settings.BASE_DIR / "deploy" / "refusals"),
            help="The folder `manage.py refusal_pages` wrote.")  # fmt: skip
        add("--static-root", default=str(settings.STATIC_ROOT))
        add("--media-root", default=str(settings.MEDIA_ROOT))
        add("--search-rate", default="1r/s")
        add("--search-burst", default="20")
        add("--write-rate", default="5r/s")
        add("--write-burst", default="40")
        add("--connections-per-client", default="64")
        # Site-wide, for floods from many addresses: at ~5 ms of CPU an uncached search or
        # deep list page, about a tenth of two cores (bench/results.md). Raise with cores.
        add("--search-site-rate", default="10r/s")
        add("--search-site-burst", default="50")
        add("--query-site-rate", default="40r/s")
        add("--query-site-burst", default="80")
        add("--miss-site-rate", default="20r/s")
        add("--miss-site-burst", default="100")

    def handle(self, *args, **options):
        names = options["server_names"] or " ".join(list(settings.ALLOWED_HOSTS)) or "_"
        values = {
            "listen": options["listen"],
            "server_names": names,
            "readers": upstream_servers(options["readers"]),
            "writers": upstream_servers(options["writers"]),
            "purge_listen": options["purge_listen"],
            "cache_dir": options["cache_dir"],
            "error_log": options["error_log"],
            "refusals": options["refusals"],
            "static_root": options["static_root"],
            "media_root": options["media_root"],
            "proxy": DEPLOY / "proxy.conf",
            "page_cache": DEPLOY / "page-cache.conf",
            "search_site_queue": queue(options["search_site_burst"]),
            "query_site_queue": queue(options["query_site_burst"]),
            "miss_site_queue": queue(options["miss_site_burst"]),
            **{
                key: options[key]
                for key in (
                    "search_rate",
                    "search_burst",
                    "write_rate",
                    "write_burst",
                    "connections_per_client",
                    "search_site_rate",
                    "query_site_rate",
                    "miss_site_rate",
                    "miss_listen",
                )
            },  # fmt: skip
        }
        self.stdout.write(fill((DEPLOY / "samizdat.conf").read_text(), values))
