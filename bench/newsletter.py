"""Sending a digest to 100,000 subscribers through a local SMTP sink.

A fresh PostgreSQL database gets N sealed subscribers; an aiosmtpd server on loopback
accepts and counts every message; the worker's sending code (newsletter.sending.send_due,
1,000 messages a call, as `manage.py worker` calls it each tick) runs in its own process
until the issue is sent. Reported: messages/s and the worker's peak memory (VmHWM) for two
list sizes, so a list ten times longer shows whether memory stays flat. Results go to
bench/newsletter_results.md.

    .venv/bin/python -m bench.newsletter            # 10,000 and 100,000 subscribers
    .venv/bin/python -m bench.newsletter 2000 20000 # a quick try
"""

import json
import sys
from datetime import UTC, datetime

from aiosmtpd.controller import Controller

from bench import harness

DATABASE = f"{harness.DATABASE}_newsletter"
SIZES = (10_000, 100_000)
KEY = "bench-only-newsletter-key-0123456789abcdef"  # noqa: S105

FILL = """
from newsletter import sealing
from newsletter.models import Delivery, Issue, Subscriber
Delivery.objects.all().delete(); Issue.objects.all().delete(); Subscriber.objects.all().delete()
batch = []
for n in range({count}):
    address = f"reader{{n}}@example.org"
    batch.append(Subscriber(language="be", sealed_address=sealing.seal(address),
                            lookup=sealing.lookup(address, "be")))
    if len(batch) == 5000:
        Subscriber.objects.bulk_create(batch); batch = []
Subscriber.objects.bulk_create(batch)
print(Subscriber.objects.count())
"""

SEND = """
import json, time
from newsletter import sending
from newsletter.models import Issue, State

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

issue = Issue.objects.create(language="be", subject="Bench digest")
sending.queue_issue(issue)
before = peak_mb()
started = time.perf_counter()
sent = 0
while True:
    done = sending.send_due(limit=1000)
    sent += done
    issue.refresh_from_db()
    if issue.state == State.SENT:
        break
elapsed = time.perf_counter() - started
print(json.dumps({"sent": sent, "seconds": elapsed, "peak_mb": peak_mb(), "start_mb": before}))
"""


class Sink:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def run(sizes):
    sink = Sink()
    port = harness.free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    env = harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE),
        REDIS_URL="",
        NEWSLETTER_KEY=KEY,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
    )
    harness.recreate_database(DATABASE)
    harness.manage(env, "migrate", "-v0")
    rows = []
    try:
        for size in sizes:
            harness.django_shell(env, FILL.format(count=size))
            received_before = sink.count
            result = json.loads(harness.django_shell(env, SEND))
            result["received"] = sink.count - received_before
            result["subscribers"] = size
            rows.append(result)
            print(result, flush=True)
    finally:
        controller.stop()
        harness.drop_database(DATABASE)
    write(rows)


def write(rows):
    lines = [
        "# Newsletter sending",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `python -m bench.newsletter"
        f"{''.join(' ' + arg for arg in sys.argv[1:])}`: one digest to",
        "every subscriber through an aiosmtpd sink on loopback, PostgreSQL, one worker process",
        "calling newsletter.sending.send_due(limit=1000) until the issue is sent.",
        "",
        "| subscribers | received by the sink | seconds | messages/s | worker peak (VmHWM) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rate = row["sent"] / row["seconds"]
        lines.append(
            f"| {row['subscribers']:,} | {row['received']:,} | {row['seconds']:.1f} "
            f"| {rate:,.0f} | {row['peak_mb']:.0f} MB |"
        )
    (harness.ROOT / "bench" / "newsletter_results.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    run([int(arg) for arg in sys.argv[1:]] or SIZES)
