"""`make bench`: load tests against a real app server on loopback, results to bench/results.md.

Each scenario runs wrk (bounded in time, 127.0.0.1 only) several times; we report medians.
The throwaway database is PostgreSQL (samizdat_bench) with Redis database 9 as the cache.
"""

import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess  # noqa: S404
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
DATABASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samizdat_bench")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": DATABASE,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
    # One wrk process stands in for many readers, each with its own forwarded address.
    "TRUST_X_FORWARDED_FOR": "true",
    "MEDIA_ROOT": str(ROOT / "bench" / "work" / "media"),
}


def manage(*args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True, **kwargs)  # noqa: S603


def prepare():
    """A fresh database with the demo newsroom; returns an article id and a form token."""
    name = DATABASE.rsplit("/", 1)[1]
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)  # noqa: S603, S607
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S603, S607
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo")
    script = (
        "from datetime import timedelta; from django.utils import timezone;"
        "from newsroom.models import ArticlePage; from comments.pipeline import form_token;"
        "a = ArticlePage.objects.published().filter(locale__language_code='be')"
        ".order_by('-first_published_at').first();"
        "print(a.pk, a.url, form_token(a, timezone.now() - timedelta(minutes=5)))"
    )
    out = manage("shell", "-c", script, capture_output=True, text=True).stdout.split()
    return {"article": out[-3], "url": out[-2], "token": out[-1]}


def start_server(env=None, port=PORT, workers="2"):
    """gunicorn on loopback with the given environment; returns once it answers."""
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "samizdat.wsgi", "-w", workers,
         "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env or ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/be/", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the app server did not start")


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}
STATIC = "/static/frontend/favicon.svg"


def wrk(path, connections=16, script=None, extra_env=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{SECONDS}s", "--latency"]
    if script:
        command += ["-s", str(ROOT / "bench" / script)]
    command.append(f"http://127.0.0.1:{PORT}{path}")
    return subprocess.Popen(  # noqa: S603
        command, env={**ENV, **(extra_env or {})}, stdout=subprocess.PIPE, text=True
    )


def parse(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: float(v) * UNIT[u] for p, v, u in LATENCY.findall(output)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": latency["50"],
        "p99": latency["99"],
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def scenario(name, runs_of):
    """Run a scenario RUNS times; each run returns one parsed wrk result."""
    runs = [runs_of() for _ in range(RUNS)]
    row = {"name": name, **{k: median(runs, k) for k in ("rps", "p50", "p99", "errors")}}
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    target = prepare()
    server = start_server()
    warm_up(target["url"])
    try:
        rows = [scenario(name, run) for name, run in scenarios(target)]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    write_results(rows)


def scenarios(target):
    """(name, one run) pairs; the first is the baseline the others are compared with."""
    post_env = {
        "BENCH_ARTICLE": target["article"],
        "BENCH_TOKEN": target["token"],
        "BENCH_PORT": str(PORT),
    }

    def reading(path):
        return lambda: parse(wrk(path).communicate()[0])

    def posting():
        writers = wrk(target["url"], script="post_comment.lua", extra_env=post_env)
        return parse(writers.communicate()[0])

    return [
        ("baseline: static file (16 readers)", reading(STATIC)),
        ("article page, from the page cache (16 readers)", reading(target["url"])),
        ("comment POST (16 clients)", posting),
        ("comment POST while 16 read the article", lambda: posting_while_reading(target, post_env)),
    ]


def warm_up(path):
    """Render once per worker before measuring: image renditions are made on first view."""
    for _ in range(4):
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60).read()  # noqa: S310


def posting_while_reading(target, post_env):
    readers = wrk(target["url"])
    writers = wrk(target["url"], script="post_comment.lua", extra_env=post_env)
    result = parse(writers.communicate()[0])
    readers.communicate()
    return result


def write_results(rows):
    baseline = rows[0]["rps"]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {os.cpu_count()} cores, {sys.platform}; "
        f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        f"App server: gunicorn, 2 sync workers; PostgreSQL + Redis; wrk -t2 -c16, {SECONDS} s",
        f"a run, median of {RUNS} runs. Command: `make bench`. Baseline: a static file served",
        "by the same app server (WhiteNoise), the cheapest response our Python stack gives;",
        "the last column is req/s as a share of it, measured in the same run.",
        "",
        "| scenario | req/s | p50 ms | p99 ms | non-2xx | of baseline |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['name']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']:.0f} "
        f"| {r['rps'] / baseline:.0%} |"
        for r in rows
    ]
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
