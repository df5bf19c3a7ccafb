"""The benchmark's own arithmetic: wrk output, treebeard paths, process memory."""

import subprocess  # noqa: S404
import sys

from wagtail.models import Page

from bench import harness
from bench.corpus import remap_body, tree_number, tree_step

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/be/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    11.20ms    4.10ms  80.01ms   90.00%
  Latency Distribution
     50%   10.50ms
     75%   12.00ms
     90%   15.00ms
     99%    1.20s
  14310 requests in 10.00s, 400.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   1431.00
Transfer/sec:     40.00MB
"""


def test_wrk_output_gives_rate_percentiles_in_ms_and_errors():
    run = harness.parse_wrk(WRK_OUTPUT)
    assert run.rps == 1431.0
    assert run.p50 == 10.5
    assert run.p99 == 1200.0
    assert run.requests == 14310
    assert run.non_2xx == 7
    assert run.socket_errors == 5


def test_wrk_output_without_errors_counts_none():
    clean = WRK_OUTPUT.replace("  Non-2xx or 3xx responses: 7\n", "").replace(
        "  Socket errors: connect 0, read 2, write 0, timeout 3\n", ""
    )
    run = harness.parse_wrk(clean)
    assert (run.non_2xx, run.socket_errors) == (0, 0)


def test_status_lines_of_a_wrk_script_are_counted_by_status():
    run = harness.parse_wrk(WRK_OUTPUT + "status 200 3\nstatus 429 4900\n")
    assert run.statuses == {200: 3, 429: 4900}
    assert harness.parse_wrk(WRK_OUTPUT).statuses == {}


def test_extra_server_options_come_after_the_kinds_own_and_before_the_app():
    command = harness.server_command("granian wsgi", "site", 8000, ["--blocking-threads", "64"])
    assert command[-3:] == ["--blocking-threads", "64", "samizdat.wsgi:application"]
    assert command.index("4") < command.index("64")


def test_tree_steps_are_the_ones_treebeard_makes():
    for number in (1, 9, 10, 35, 36, 1295, 1296, 100_001, 36**4 - 1):
        step = tree_step(number)
        assert step == Page._get_path(None, 1, number)
        assert tree_number(step) == number


def test_photos_in_a_body_are_swapped_for_the_other_set():
    body = (
        '[{"type": "photo", "value": {"image": 2, "caption": ""}, "id": "a"},'
        ' {"type": "gallery", "value": {"photos": [{"type": "item", "value": {"image": 3},'
        ' "id": "b"}, {"image": 9}], "caption": ""}, "id": "c"},'
        ' {"type": "paragraph", "value": "<p>2</p>", "id": "d"}]'
    )
    remapped = remap_body(body, {2: 102, 3: 103, 9: 109})
    assert '"image": 102' in remapped
    assert '"image": 103' in remapped
    assert '"image": 109' in remapped
    assert '"value": "<p>2</p>"' in remapped


def test_workers_of_a_process_and_their_memory_are_read_from_proc():
    # The parent starts a child and names it once it runs, so nothing waits on the clock.
    code = (
        "import subprocess; child = subprocess.Popen(['sleep', '30']);"
        "print(child.pid, flush=True); child.wait()"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)  # noqa: S603
    child = int(parent.stdout.readline())
    try:
        assert harness.descendants(parent.pid) == [child]
        assert harness.rss_mb(parent.pid) > 1
        assert harness.rss_mb(child) > 0
    finally:
        subprocess.run(["kill", str(child)], check=False)  # noqa: S603, S607
        parent.wait()


def test_cpu_time_of_a_process_is_read_from_proc():
    # The child spends 0.3 s of CPU, then says so and waits: its figure must hold that much.
    code = (
        "import time\n"
        "while time.process_time() < 0.3: pass\n"
        "print(time.process_time(), flush=True); time.sleep(30)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)  # noqa: S603
    try:
        spent = float(child.stdout.readline())
        assert spent - 2 / harness.CLOCK_TICKS <= harness.cpu_seconds(child.pid) < spent + 1
    finally:
        child.kill()
        child.wait()
    assert harness.cpu_seconds(child.pid) == 0.0


def test_cpu_per_request_counts_the_requests_left_in_flight():
    # 30 answered and 16 still being served when wrk stopped: 46 renders of 10 ms each.
    assert harness.cpu_per_request(0.46, 30, 16) == 10.0
