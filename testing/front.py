"""The production front on loopback: Debian's nginx with deploy/nginx in front of two pools.

Shared by the test that runs the front (samizdat/tests/test_production_front.py) and the
benchmark that loads it (bench/front.py). Each brings its own app servers and its own way of
running a management command; what nginx is given and how it is started are here.
"""

import shutil
import socket
import subprocess
import time
from pathlib import Path

from testing import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

# What /etc/nginx/nginx.conf would hold around the site's configuration; {http} is what a
# caller adds to the http block (the benchmark's stand-in for many client addresses).
WRAPPER = """
load_module {module};
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
user root;
worker_processes {workers};
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    {http}
    include {dir}/samizdat.conf;
}}
"""

# Trust the X-Forwarded-For a loopback client sends, as nginx behind a load balancer would:
# one wrk process can then stand for readers at many addresses, each with its own limits.
MANY_ADDRESSES = "set_real_ip_from 127.0.0.1; real_ip_header X-Forwarded-For;"


def installed():
    return Path(NGINX).exists() and PURGE_MODULE.exists()


def configure(folder, manage, *, port, purge_port, readers, writers, **limits):
    """Write the refusal pages and the site's nginx configuration into folder.

    manage(name, *args, **options) runs a management command and returns what it printed.
    """
    folder = Path(folder)
    refusals = folder / "refusals"
    manage("refusal_pages", str(refusals))
    limits.setdefault("miss_listen", f"127.0.0.1:{free_port()}")
    config = manage(
        "nginx_config",
        listen=f"127.0.0.1:{port}",
        server_names="127.0.0.1 localhost",
        readers=readers,
        writers=writers,
        purge_listen=f"127.0.0.1:{purge_port}",
        cache_dir=str(folder / "cache"),
        error_log=str(folder / "site-error.log"),
        refusals=str(refusals),
        static_root=str(folder / "static"),
        media_root=str(folder / "media"),
        **limits,
    )
    (folder / "samizdat.conf").write_text(config)


def start(folder, port, http="", workers=1):
    """nginx in the foreground as our child, once it listens on port."""
    folder = Path(folder)
    wrapper = folder / "nginx.conf"
    wrapper.write_text(WRAPPER.format(module=PURGE_MODULE, dir=folder, http=http, workers=workers))
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [NGINX, "-c", str(wrapper), "-p", str(folder), "-e", str(folder / "e.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_listening(port, process)
    return process


def stop(process):
    if process and process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


def wait_until_listening(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)  # waiting for a process to listen, not for a clock
    raise RuntimeError("nginx did not start")
