"""Search flood: do cached articles stay fast while search is flooded? Writes flood_results.md.

Standalone (`python -m bench.search_flood`): a fresh PostgreSQL database samizdat_flood with
the demo newsroom, Redis database 6 as the shared cache, gunicorn with 2 workers on loopback.
It measures cached article throughput with wrk alone, then again while 64 wrk connections
search for random words: once from one client (the per-client limit answers), once from
thousands of forwarded addresses (the cache, single flight, the site-wide bound and the
statement deadline answer). Every run is short and bounded in time; only 127.0.0.1 is used.
"""

import os
import re
import secrets
import shutil
import subprocess  # noqa: S404
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PORT = int(os.environ.get("FLOOD_PORT", "8766"))
SECONDS = int(os.environ.get("FLOOD_SECONDS", "8"))
ARTICLE_CONNECTIONS = 8
FLOOD_CONNECTIONS = 64
DATABASE = os.environ.get("FLOOD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samizdat_flood")
REDIS = os.environ.get("FLOOD_REDIS_URL", "redis://127.0.0.1:6379/6")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": DATABASE,
    "REDIS_URL": REDIS,
    # The "many addresses" flood names its clients in X-Forwarded-For.
    "TRUST_X_FORWARDED_FOR": "true",
    # One search at a time on this one server of two workers: the other stays for readers.
    "SEARCH_CONCURRENCY": os.environ.get("SEARCH_CONCURRENCY", "1"),
    "MEDIA_ROOT": str(ROOT / "bench" / "work" / "media"),
}
RESULTS = ROOT / "bench" / "flood_results.md"


def manage(*args, **kwargs):
    command = [str(BIN / "python"), "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=ENV, check=True, **kwargs)  # noqa: S603


def prepare():
    """A fresh database with the demo newsroom and an empty cache; returns an article path."""
    name = DATABASE.rsplit("/", 1)[1]
    for tool in ("dropdb", "createdb"):
        flags = ["--if-exists"] if tool == "dropdb" else []
        subprocess.run([tool, "-h", "127.0.0.1", "-U", "postgres", *flags, name], check=True)  # noqa: S603
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo")
    flush_cache()
    script = (
        "from newsroom.models import ArticlePage;"
        "print(ArticlePage.objects.published().filter(locale__language_code='be')"
        ".order_by('-first_published_at').first().url)"
    )
    return manage("shell", "-c", script, capture_output=True, text=True).stdout.split()[-1]


def flush_cache():
    """Empty our own Redis database (never another's)."""
    host, port, db = re.match(r"redis://([^:/]+):(\d+)/(\d+)", REDIS).groups()
    subprocess.run(["redis-cli", "-h", host, "-p", port, "-n", db, "flushdb"], check=True)  # noqa: S603, S607


def start_server():
    """gunicorn, 2 sync workers on loopback; returns once it answers."""
    server = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"),
            "samizdat.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--graceful-timeout",
            "5",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/be/", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)  # waiting for the server to listen
    server.kill()
    raise SystemExit("the app server did not start")


def wrk(path, connections, seconds, script=None, extra_env=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    if script:
        command += ["-s", str(ROOT / "bench" / script)]
    command.append(f"http://127.0.0.1:{PORT}{path}")
    return subprocess.Popen(  # noqa: S603
        command, env={**ENV, **(extra_env or {})}, stdout=subprocess.PIPE, text=True
    )


def parsed(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failures = re.search(r"Socket errors: (.*)", output)
    statuses = {int(code): int(count) for code, count in re.findall(r"status (\d+) (\d+)", output)}
    return {
        "rps": rps,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": failures.group(1).strip() if failures else "none",
        "statuses": statuses,
    }


def articles_alone(article):
    return parsed(wrk(article, ARTICLE_CONNECTIONS, SECONDS).communicate()[0])


def articles_under_flood(article, addresses):
    """Articles measured while the flood runs; the flood starts first and ends last."""
    flood = wrk(
        "/be/search/",
        FLOOD_CONNECTIONS,
        SECONDS + 2,
        script="search_flood.lua",
        extra_env={"FLOOD_ADDRESSES": addresses},
    )
    time.sleep(1)  # let the flood reach full strength before measuring
    reading = articles_alone(article)
    return reading, parsed(flood.communicate()[0])


def site_is_up(article, timeout=5):
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{article}", timeout=timeout) as answer:  # noqa: S310
        return answer.status == 200


def seconds_to_answer(article):
    """How long a reader waits for the article right after a flood (what was queued drains)."""
    started = time.monotonic()
    try:
        site_is_up(article, timeout=60)
    except OSError:
        return None
    return time.monotonic() - started


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    article = prepare()
    server = start_server()
    try:
        for _ in range(20):
            site_is_up(article)  # the page cache holds the article from here on
        alone = articles_alone(article)
        print("articles alone", alone, flush=True)
        floods = {}
        for addresses in ("one", "many"):
            flush_cache()  # each flood starts with no search cached and no client counted
            site_is_up(article)
            reading, flood = articles_under_flood(article, addresses)
            floods[addresses] = reading, flood, seconds_to_answer(article)
            print(f"flood from {addresses}", floods[addresses], flush=True)
        up = site_is_up(article, timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=20)
    write_results(alone, floods, up)


def after(wait):
    return "no answer within 60 s" if wait is None else f"{wait:.1f} s"


def write_results(alone, floods, up):
    lines = [
        "# Search flood",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `python -m bench.search_flood`: "
        f"gunicorn (2 sync workers, SEARCH_CONCURRENCY={ENV['SEARCH_CONCURRENCY']}) on "
        f"loopback, PostgreSQL, Redis; {os.cpu_count()} CPU cores shared with wrk and the "
        "database. Articles: wrk, "
        f"{ARTICLE_CONNECTIONS} connections, {SECONDS} s, one cached article page. Flood: wrk, "
        f"{FLOOD_CONNECTIONS} connections searching random made-up words, running from 1 s "
        "before to 1 s after the article measurement.",
        "",
        "| scenario | cached articles req/s | share of unflooded | flood req/s | "
        "search responses by status |",
        "|---|---|---|---|---|",
        f"| no flood | {alone['rps']:.0f} | 100% | – | – |",
    ]
    names = {"one": "flood from one client", "many": "flood from many addresses"}
    for addresses, (reading, flood, _) in floods.items():
        share = reading["rps"] / alone["rps"] * 100
        statuses = ", ".join(
            f"{code}: {count}" for code, count in sorted(flood["statuses"].items())
        )
        lines.append(
            f"| {names[addresses]} | {reading['rps']:.0f} | {share:.0f}% | "
            f"{flood['rps']:.0f} | {statuses} |"
        )
    lines += [
        "",
        "Target: cached articles keep at least 80% of their unflooded throughput.",
        "Articles answered non-2xx under flood: "
        + ", ".join(f"{names[a]} {r['non_2xx']}" for a, (r, _, _) in floods.items())
        + ". Socket errors of the flood: "
        + ", ".join(f"{names[a]} {f['socket_errors']}" for a, (_, f, _) in floods.items())
        + ". A reader's article request right after the flood ended was answered in: "
        + ", ".join(f"{names[a]} {after(w)}" for a, (_, _, w) in floods.items())
        + ".",
        f"Site up after the floods: {'yes' if up else 'no'}.",
        "",
        "Reading the figures: with sync workers every connection waits its turn in one accept "
        f"queue, so {ARTICLE_CONNECTIONS} article connections among "
        f"{ARTICLE_CONNECTIONS + FLOOD_CONNECTIONS} get about "
        f"{ARTICLE_CONNECTIONS / (ARTICLE_CONNECTIONS + FLOOD_CONNECTIONS):.0%} of the answers "
        "even if a refusal cost no more than a cached page; each refused or bounded search "
        "costs more than that, and each search that runs holds a worker for its query and its "
        "page. What the app can promise is that the flood is answered (429/503 with "
        "Retry-After), never queued behind the database or turned into errors; keeping readers "
        "at 80% needs the flood stopped before the app servers (per-address limits at the proxy "
        "or CDN) or searches served by app servers of their own.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
