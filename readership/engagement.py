"""Analytics counting: what one view and one leaving beacon add, with no reader in it.

A view adds 1 to its (hour, article, host, referrer domain) bucket; leaving the page adds
the engaged seconds (capped, in steps) and the deepest scroll mark reached. No hash, no
address, no agent, no full URL: nothing here can tell whether two views came from one
reader. The readership hashes (Most read, likes, rate limits) are never joined to these.

A beacon counts only with the page's beacon token: the same short keyed value for every
reader of an article on a day, rendered into the cached page, so it identifies no one and
costs no query; a sender that never loaded the page does not have it.
"""

import functools
import ipaddress
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from samizdat import caching
from samizdat.guard import exact_host_names, host_of

from . import clock

ENGAGED_STEP = 5
ENGAGED_CAP = 600  # ten minutes: past that a tab left open is not reading
SCROLL_DEPTHS = (25, 50, 75, 100)
# A page stays open (and cached) for a while: yesterday's and the day before's tokens count.
TOKEN_DAYS = 3
TOKEN_LENGTH = 16
MAX_REFERRER = 255

# What a referrer is stored as when it names no outside domain.
DIRECT = ""  # typed, bookmarked, or the browser sent none
OWN = "own"  # one of our own hosts: main domain, mirror, CDN name, onion
ADDRESS = "ip"  # an IP address: stored as such it could name a reader's own network

# Second-level labels under which registrations are made (example.co.uk, example.com.ua).
SECOND_LEVELS = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv", "in"}
# Prefixes that name a device or a redirect hop of one site, not another site.
HOP_LABELS = {"www", "m", "mobile", "l", "lm", "amp", "touch", "mbasic"}
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
APP = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$")

LITE_PATH = re.compile(r"^/[a-z]{2}/lite/")
BARE_HOST = re.compile(r"^[a-z0-9.-]{1,253}$")  # what our pages send: a host name alone


def beacon_token(article_id, day=None):
    """The token of an article's pages today: the same for every reader."""
    day = day or clock.now().date()
    return _token(article_id, day, settings.SECRET_KEY)


@functools.lru_cache(maxsize=caching.BEACON_TOKENS.limit)
def _token(article_id, day, secret):
    # Every beacon of an article checks the same few tokens: kept, not keyed again each time
    # (an HMAC is a tenth of a beacon's own work). The secret is part of the key, so a
    # rotated one takes effect at once.
    value = f"{article_id}:{day.isoformat()}"
    return salted_hmac("readership.beacon", value, secret=secret).hexdigest()[:TOKEN_LENGTH]


def token_is_valid(article_id, token):
    if not isinstance(token, str) or len(token) != TOKEN_LENGTH:
        return False
    today = clock.now().date()
    return any(
        constant_time_compare(token, beacon_token(article_id, today - timedelta(days=back)))
        for back in range(TOKEN_DAYS)
    )


def engaged_step(seconds):
    """Seconds capped and rounded down to a step: 0, 5, 10, ... ENGAGED_CAP."""
    seconds = max(0, min(int(seconds), ENGAGED_CAP))
    return seconds - seconds % ENGAGED_STEP


def main_domain():
    host = urlsplit(settings.CANONICAL_BASE_URL).hostname or ""
    return host.removeprefix("www.")


def is_own_host(host, request):
    host = host.removeprefix("www.")
    return (
        host.endswith(".onion")
        or host == main_domain()
        or host == host_of(request).split(":")[0].lower().removeprefix("www.")
        or host in exact_host_names()
    )


def serving_host(request):
    """Which of our hosts served the page: "main", "onion", "lite", or a mirror's name.

    The page's own address (Origin, which the guard checked is ours) names the host the
    reader used, also behind a rewriting proxy that reaches us under the main name.
    """
    page = request.META.get("HTTP_REFERER") or ""
    try:
        path = urlsplit(page).path
    except ValueError:
        path = ""
    if LITE_PATH.match(path):
        return "lite"
    origin = request.META.get("HTTP_ORIGIN") or page
    try:
        host = (urlsplit(origin).hostname or "").lower()
    except ValueError:
        host = ""
    host = host or host_of(request).split(":")[0].lower()
    if host.endswith(".onion"):
        return "onion"
    if not host or host.removeprefix("www.") == main_domain():
        return "main"
    # Only names we answer to exactly: a pattern (".example.org") would let any sender
    # make up new rows.
    return host if host in exact_host_names() else "main"


def referrer_domain(value, request):
    """A referrer reduced to the domain it was registered under; never a path or query.

    Accepts what the page sends (a host name) or a whole URL (what an old browser or a
    forged beacon may send): either way only the registrable domain is kept.
    """
    value = (value or "").strip().lower()[:2048]
    if not value:
        return DIRECT
    # Host names repeat (t.me, google.com) and are reduced once per process. A whole URL
    # may hold a reader's secret and is never kept, not even in this process's memory.
    reduce = _reduced_host if BARE_HOST.match(value) else _reduced
    kind, found = reduce(value)
    if kind == "host" and is_own_host(found, request):
        return OWN
    if kind == "host":
        return registrable(found.split("."))[:MAX_REFERRER] if "." in found else DIRECT
    return found


def _reduced(value):
    """("answer", what to store) or ("host", a valid host name to check against ours)."""
    if value.startswith("android-app://"):
        # Telegram's and other apps' in-app browsers name the app, not a web page.
        package = value.removeprefix("android-app://").split("/", 1)[0]
        return "answer", f"app:{package}"[:MAX_REFERRER] if APP.match(package) else DIRECT
    try:
        host = urlsplit(value if "://" in value else f"//{value}").hostname or ""
    except ValueError:
        return "answer", DIRECT
    host = host.rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return "answer", ADDRESS
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "answer", DIRECT
    if not all(LABEL.match(label) for label in host.split(".")):
        return "answer", DIRECT
    return "host", host


_reduced_host = functools.lru_cache(maxsize=caching.REFERRER_HOSTS.limit)(_reduced)


def registrable(labels):
    """news.google.com -> google.com; www.bbc.co.uk -> bbc.co.uk; t.me -> t.me.

    Subdomains can be personal (a reader's own blog, a mail account's host), so only the
    registered domain is kept. A short list of second levels stands in for the public
    suffix list, which would be a dependency to add.
    """
    while len(labels) > 2 and labels[0] in HOP_LABELS:
        labels = labels[1:]
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def view_counts(article_id, host, referrer):
    """The counters one view adds: {(article, host, referrer, figure): n}."""
    return {(article_id, host, referrer, "views"): 1}


def leave_counts(article_id, host, referrer, seconds, scroll):
    """The counters one leaving beacon adds: two at most, so the buffer does little work.

    "leave:<step>" is one leave with that many engaged seconds (its leaves, seconds and
    step of the distribution); "deepest:<depth>" the deepest scroll mark it reached (every
    mark up to it). The flush spreads them into the figures (add_figure).
    """
    counts = {(article_id, host, referrer, f"leave:{engaged_step(seconds)}"): 1}
    if scroll >= SCROLL_DEPTHS[0]:
        deepest = max(depth for depth in SCROLL_DEPTHS if scroll >= depth)
        counts[(article_id, host, referrer, f"deepest:{deepest}")] = 1
    return counts


def as_rows(counts):
    """Buffer counters {(article, host, referrer, figure): n} as EngagementHour fields."""
    rows = {}
    for (article, host, referrer, figure), count in counts.items():
        row = rows.setdefault((article, host, referrer), empty_figures())
        add_figure(row, figure, count)
    return rows


def empty_figures():
    return {
        "views": 0,
        "leaves": 0,
        "engaged_seconds": 0,
        "engaged": {},
        **{f"scroll_{depth}": 0 for depth in SCROLL_DEPTHS},
    }


def add_figure(row, figure, count):
    """Add one buffer counter to a row. Besides the two a leave adds, the single figures
    of earlier buffers ("leaves", "seconds", "step:<n>", "scroll:<depth>") still read."""
    kind, _, value = figure.partition(":")
    if kind == "views":
        row["views"] += count
    elif kind == "leave":
        row["leaves"] += count
        row["engaged_seconds"] += int(value) * count
        row["engaged"][value] = row["engaged"].get(value, 0) + count
    elif kind == "deepest":
        for depth in SCROLL_DEPTHS:
            if depth <= int(value):
                row[f"scroll_{depth}"] += count
    elif kind == "leaves":
        row["leaves"] += count
    elif kind == "seconds":
        row["engaged_seconds"] += count
    elif kind == "step":
        row["engaged"][value] = row["engaged"].get(value, 0) + count
    elif kind == "scroll":
        row[f"scroll_{value}"] += count


def merge(row, other):
    """Add one row's figures (a dict of EngagementHour fields) into another."""
    for field in ("views", "leaves", "engaged_seconds", *(f"scroll_{d}" for d in SCROLL_DEPTHS)):
        row[field] += other[field]
    for step, count in other["engaged"].items():
        row["engaged"][step] = row["engaged"].get(step, 0) + count
    return row
