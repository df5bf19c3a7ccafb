"""What every benchmark shares: databases, app servers, nginx, wrk and memory sampling.

Everything listens on 127.0.0.1 on ports the kernel hands out, so benchmarks never collide
with other servers on the machine; every server is our own child process and is stopped by
its process id.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess  # noqa: S404
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python")
# App servers run from the production install when `make bench` made it (no test tools
# loaded beside the site), else from the development environment.
RUNTIME_BIN = ROOT / ".runtime-venv" / "bin"
SERVER_BIN = RUNTIME_BIN if (RUNTIME_BIN / "granian").exists() else BIN
WORK = ROOT / "bench" / "work"
MEDIA_ROOT = WORK / "media"
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "samizdat_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
SECRET_KEY = secrets.token_urlsafe(64)
NEWSLETTER_KEY = secrets.token_urlsafe(32)


def database_url(name):
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def admin_query(query, params=None):
    """A statement in the maintenance database (CREATE/DROP DATABASE need autocommit)."""
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else None


def drop_database(name):
    admin_query(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def recreate_database(name, template=None):
    """An empty database, or a copy of a template (file copy: seconds, not minutes)."""
    drop_database(name)
    if template:
        admin_query(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
    else:
        admin_query(f'CREATE DATABASE "{name}"')


def app_env(**overrides):
    """The production settings on loopback; overrides win."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "NEWSLETTER_KEY": NEWSLETTER_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(DATABASE),
        "REDIS_URL": REDIS_URL,
        # One wrk process stands in for many readers, each with its own forwarded address.
        "TRUSTED_PROXY_HOPS": "1",
        "MEDIA_ROOT": str(MEDIA_ROOT),
        **overrides,
    }


def manage(env, *args, cwd=ROOT, **kwargs):
    command = [PYTHON, "manage.py", *args]
    return subprocess.run(command, cwd=cwd, env=env, check=True, **kwargs)  # noqa: S603


def django_shell(env, code):
    """Run code in a Django shell; its last printed line is the answer."""
    command = [PYTHON, "manage.py", "shell", "-c", code]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"the Django shell failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1]


def flush_redis(url=REDIS_URL):
    """Empty our own Redis database number (never the whole server)."""
    import redis

    redis.Redis.from_url(url).flushdb()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, timeout=60, headers=None):
    """(status, body) of a GET; errors are answers too."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# App servers: (program, arguments). {app} is the WSGI or ASGI module path, {port} the port.
SERVERS = {
    "gunicorn sync": ("gunicorn", "wsgi", ["-w", "4", "--keep-alive", "5"]),
    "gunicorn gthread": ("gunicorn", "wsgi", ["-w", "2", "-k", "gthread", "--threads", "4"]),
    "granian wsgi": ("granian", "wsgi", ["--workers", "2", "--blocking-threads", "4"]),
    "granian asgi": ("granian", "asgi", ["--workers", "2"]),
    "uvicorn asgi": ("uvicorn", "asgi", ["--workers", "2"]),
}
APPS = {
    "site": {"wsgi": "samizdat.wsgi:application", "asgi": "samizdat.asgi:application"},
    "floor": {"wsgi": "bench.floor:wsgi", "asgi": "bench.floor:asgi"},
}


def server_command(kind, app, port, extra=()):
    """The command line; extra options come after the kind's own (the last value wins)."""
    program, interface, options = SERVERS[kind]
    options = [*options, *extra]
    target = APPS[app][interface]
    if program == "gunicorn":
        return [str(SERVER_BIN / "gunicorn"), target, "-b", f"127.0.0.1:{port}", *options]
    if program == "granian":
        return [str(SERVER_BIN / "granian"), "--interface", interface, "--host", "127.0.0.1",
                "--port", str(port), "--no-access-log", "--log-level", "warning", *options,
                target]  # fmt: skip
    return [str(SERVER_BIN / "uvicorn"), target, "--host", "127.0.0.1", "--port", str(port),
            "--no-access-log", "--log-level", "warning", *options]  # fmt: skip


@dataclass
class Process:
    """A child process we started (app server or nginx) and the memory of its workers."""

    name: str
    popen: subprocess.Popen
    port: int
    log: Path
    peak_rss: dict = field(default_factory=dict)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def workers(self):
        """The processes that serve requests: the children, or the process itself alone."""
        children = descendants(self.popen.pid)
        return children or [self.popen.pid]

    def sample_memory(self):
        for pid in self.workers():
            rss = rss_mb(pid)
            if rss is not None:
                self.peak_rss[pid] = max(rss, self.peak_rss.get(pid, 0.0))

    def worker_peak_mb(self):
        return max(self.peak_rss.values(), default=0.0)

    def cpu_seconds(self):
        """User and system time of the server and every process below it, so far."""
        return sum(cpu_seconds(pid) for pid in [self.popen.pid, *descendants(self.popen.pid)])

    def stop(self):
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def descendants(pid):
    """Every process below pid, read from /proc (no extra package needed)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        for child in parents.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a process from /proc (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else None


def start_server(
    kind="gunicorn sync", app="site", env=None, ready_path="/robots.txt", extra=(), cwd=ROOT
):
    """An app server on a free loopback port; returns once it answers ready_path.

    cwd: the source tree it serves (bench.render_cpu serves an earlier commit beside ours).
    """
    port = free_port()
    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / f"{kind.replace(' ', '-')}-{app}-{port}.log"
    popen = subprocess.Popen(  # noqa: S603
        server_command(kind, app, port, extra),
        cwd=cwd,
        env=env or app_env(),
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = Process(f"{kind} ({app})", popen, port, log)
    wait_until_ready(server, ready_path)
    return server


def wait_until_ready(server, path, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.popen.poll() is not None:
            break
        try:
            urllib.request.urlopen(server.base + path, timeout=5).read()  # noqa: S310
            return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    server.stop()
    tail = server.log.read_text(errors="replace")[-2000:]
    raise SystemExit(f"{server.name} did not start:\n{tail}")


NGINX_CONF = """
daemon off;
master_process on;
worker_processes {workers};
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
user {user};
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/html;
        location / {{
            default_type "text/html; charset=utf-8";
            try_files /article.html =404;
        }}
    }}
}}
"""


def ensure_package(command, package):
    """Install a Debian package when its command is missing (the bench machine is ours)."""
    if shutil.which(command) is None:
        subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True)  # noqa: S603, S607
    return shutil.which(command) or f"/usr/sbin/{command}"


def start_nginx(html, workers=2):
    """nginx in the foreground, as our child, serving the saved page bytes: the ceiling."""
    program = ensure_package("nginx", "nginx")
    directory = Path(tempfile.mkdtemp(prefix="nginx-", dir=WORK))
    (directory / "html").mkdir()
    (directory / "html" / "article.html").write_bytes(html)
    for path in (directory, directory / "html", directory / "html" / "article.html"):
        path.chmod(0o755)  # nginx workers may run as another user
    port = free_port()
    user = "root" if os.geteuid() == 0 else os.environ.get("USER", "nobody")
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=directory, port=port, workers=workers, user=user))
    log = directory / "stdout.log"
    popen = subprocess.Popen(  # noqa: S603
        [program, "-c", str(conf), "-p", str(directory), "-e", str(directory / "error.log")],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = Process("nginx", popen, port, log)
    wait_until_ready(server, "/")
    return server


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class WrkRun:
    rps: float
    p50: float
    p99: float
    requests: int
    non_2xx: int
    socket_errors: int
    # Responses by status, where a wrk script prints "status <code> <count>" lines.
    statuses: dict = field(default_factory=dict)
    # CPU time (user + system) of the serving processes per answered request, in ms.
    cpu_ms: float = 0.0
    # Cores each part kept busy meanwhile, where a benchmark measured it (bench.front).
    busy: dict = field(default_factory=dict)


def wrk_command(url, seconds, connections=16, threads=2, script=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s"]
    if script:
        command += ["-s", str(ROOT / "bench" / script)]
    return [*command, url]


def start_wrk(url, seconds, connections=16, script=None, env=None):
    ensure_package("wrk", "wrk")
    return subprocess.Popen(  # noqa: S603
        wrk_command(url, seconds, connections, script=script),
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish_wrk(popen, seconds):
    output = popen.communicate(timeout=seconds + 60)[0]
    try:
        return parse_wrk(output)
    except (AttributeError, KeyError) as error:
        raise SystemExit(f"wrk gave no result:\n{output}") from error


def parse_wrk(output):
    latency = {p: float(v) * UNIT[u] for p, v, u in LATENCY.findall(output)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkRun(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50=latency["50"],
        p99=latency["99"],
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(map(int, errors.groups())) if errors else 0,
        statuses={
            int(code): int(n) for code, n in re.findall(r"^status (\d+) (\d+)$", output, re.M)
        },
    )


class MemorySampler:
    """Samples the workers' RSS from /proc every few tenths of a second while load runs."""

    def __init__(self, *servers, interval=0.25):
        self.servers = servers
        self.interval = interval
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def loop(self):
        while not self.stopped.is_set():
            for server in self.servers:
                server.sample_memory()
            self.stopped.wait(self.interval)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        for server in self.servers:
            server.sample_memory()


def wrk(server, path, seconds, connections=16, script=None, env=None):
    """One bounded wrk run against a server, memory sampled throughout."""
    cpu_before = server.cpu_seconds()
    with MemorySampler(server):
        popen = start_wrk(server.base + path, seconds, connections, script, env)
        result = finish_wrk(popen, seconds)
    drain(server)
    result.cpu_ms = cpu_per_request(server.cpu_seconds() - cpu_before, result.requests, connections)
    return result


def cpu_per_request(cpu_seconds, answered, connections):
    """Milliseconds of server CPU per request of a wrk run, read once the server drained.

    wrk keeps one request in flight on each connection, and when it stops, the server
    still serves those it had taken (a WSGI app cannot be stopped halfway): they cost CPU
    but are not in wrk's count. A slow page answering a few dozen requests in a run would
    otherwise look several times dearer than it is. (The drain's probes of robots.txt cost
    a few hundredths of that.)
    """
    return cpu_seconds * 1000 / (answered + connections)


def drain(server, probes=4):
    """Wait out requests wrk left queued: a slow page's backlog must not eat the next run."""
    for _ in range(probes):
        fetch(server.base + "/robots.txt", timeout=120)


def write_section(results, title, lines):
    """The section of results (a Markdown file) headed by title replaced, or added at the end;
    the rest of the file kept. lines begin with the title."""
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    if title in text:
        head, rest = text.split(title, 1)
        following = rest.find("\n## ")
        tail = rest[following + 1 :] if following >= 0 else ""
        text = head + "\n".join(lines) + "\n" + tail
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    results.write_text(text)
