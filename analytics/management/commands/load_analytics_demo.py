"""Two weeks of plausible analytics for the demo newsroom, written as the flush writes them.

Each published article gets a popularity, a curve that peaks in its first hours and fades
over days, a day-and-night rhythm (Minsk time), a mix of referrer domains and hosts, and
engaged times and scroll depths drawn per view. Hours are written as EngagementHour and
ReadingHour rows, closed days are rolled up by readership's own flush code, and the last
half hour of Now reading is sampled for the real-time board. Figures only: no reader.
"""

import math
import random
import secrets
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from analytics import rollup
from analytics.models import NowSample
from analytics.realtime import SPARK_MINUTES, minute_of
from newsroom.models import ArticlePage
from readership import clock, engagement
from readership.buffers import current_buffer
from readership.flush import _roll_up_engagement
from readership.models import (
    ArticleTotals,
    EngagementDay,
    EngagementHour,
    ReadingDay,
    ReadingHour,
)

DAYS = 14
REFERRERS = [
    ("", 30),
    ("t.me", 20),
    ("google.com", 14),
    ("app:org.telegram.messenger", 8),
    ("own", 7),
    ("facebook.com", 5),
    ("yandex.ru", 4),
    ("x.com", 3),
    ("duckduckgo.com", 2),
    ("bing.com", 2),
    ("instagram.com", 2),
    ("vk.com", 1),
]
HOSTS = [("main", 74), ("mirror.samizdat-news.example", 14), ("onion", 12)]
# Readers in Minsk (UTC+3): quiet at night, a morning and an evening peak.
RHYTHM = [0.25, 0.15, 0.1, 0.1, 0.2, 0.45, 0.8, 1.1, 1.2, 1.1, 1.0, 1.0]
RHYTHM += [1.05, 1.0, 0.95, 0.95, 1.0, 1.1, 1.3, 1.4, 1.3, 1.0, 0.7, 0.4]
STEPS = list(range(0, engagement.ENGAGED_CAP + 1, engagement.ENGAGED_STEP))


class Command(BaseCommand):
    help = "Write two weeks of plausible analytics figures for the demo articles."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=19)
        parser.add_argument("--days", type=int, default=DAYS)

    def handle(self, *args, seed, days, **options):
        rng = random.Random(seed)  # noqa: S311 (demo figures, not secrets)
        moment = clock.now()
        last_hour = clock.hour_of(moment) - clock.HOUR  # the open hour stays the buffer's
        first_hour = clock.start_of(moment.date() - timedelta(days=days - 1))
        articles = list(
            ArticlePage.objects.published().defer_streamfields().order_by("-first_published_at")
        )
        with transaction.atomic():
            self.clear(first_hour)
            hours, reading = self.hours(rng, articles, first_hour, last_hour)
            EngagementHour.objects.bulk_create(hours, batch_size=2000)
            ReadingHour.objects.bulk_create(reading, batch_size=2000)
            self.roll_up(first_hour, moment)
            self.totals(articles)
        rollup.backfill(moment.date())  # the days by group, as the worker would sum them
        self.now_reading(rng, articles, moment)
        self.stdout.write(
            f"{len(articles)} articles, {len(hours)} analytics hours, "
            f"{sum(row.views for row in hours)} views over {days} days"
        )

    def clear(self, first_hour):
        EngagementHour.objects.filter(hour__gte=first_hour).delete()
        EngagementDay.objects.filter(day__gte=first_hour.date()).delete()
        ReadingHour.objects.filter(hour__gte=first_hour).delete()
        ReadingDay.objects.filter(day__gte=first_hour.date()).delete()

    def hours(self, rng, articles, first_hour, last_hour):
        engaged, reading = [], []
        count = int((last_hour - first_hour) / clock.HOUR) + 1
        for rank, article in enumerate(articles):
            popularity = rng.lognormvariate(math.log(900 / (1 + rank * 0.08)), 0.7)
            published = (article.published_at or first_hour).astimezone(clock.UTC)
            # The demo's articles carry old dates: spread them over the fortnight instead.
            if published < first_hour:
                published = first_hour + timedelta(hours=rng.uniform(0, count - 6))
            depth = rng.uniform(0.6, 1.25)  # some articles hold readers longer
            for step in range(count):
                hour = first_hour + clock.HOUR * step
                if hour < clock.hour_of(published):
                    continue
                age = (hour - published).total_seconds() / 3600
                curve = math.exp(-age / 9) + 0.06 * math.exp(-age / 90) + 0.004
                expected = popularity * curve * RHYTHM[(hour.hour + 3) % 24] / 4
                views = poisson(rng, expected)
                if not views:
                    continue
                engaged.extend(self.hour_rows(rng, article, hour, views, depth))
                likes = sum(rng.random() < 0.012 for _ in range(views))
                reading.append(ReadingHour(article=article, hour=hour, views=views, likes=likes))
        return engaged, reading

    def hour_rows(self, rng, article, hour, views, depth):
        """One hour's views split over referrers and hosts, each with leaves drawn per view."""
        split = {}
        referrers = rng.choices([r for r, _ in REFERRERS], [w for _, w in REFERRERS], k=views)
        hosts = rng.choices([h for h, _ in HOSTS], [w for _, w in HOSTS], k=views)
        for referrer, host in zip(referrers, hosts, strict=True):
            row = split.setdefault((host, referrer), engagement.empty_figures())
            row["views"] += 1
            if rng.random() < 0.86:  # some readers close the browser before the beacon goes
                seconds = engagement.engaged_step(rng.lognormvariate(math.log(48 * depth), 1.0))
                scroll = draw_scroll(rng, seconds)
                for key, count in engagement.leave_counts(0, "", "", seconds, scroll).items():
                    engagement.add_figure(row, key[3], count)
        return [
            EngagementHour(article=article, hour=hour, host=host, referrer=referrer, **figures)
            for (host, referrer), figures in split.items()
        ]

    def roll_up(self, first_hour, moment):
        day = first_hour.date()
        while clock.start_of(day) + clock.DAY <= moment:
            _roll_up_engagement(day)
            start = clock.start_of(day)
            sums = {}
            for row in ReadingHour.objects.filter(hour__gte=start, hour__lt=start + clock.DAY):
                views, likes = sums.get(row.article_id, (0, 0))
                sums[row.article_id] = (views + row.views, likes + row.likes)
            ReadingDay.objects.bulk_create(
                [
                    ReadingDay(article_id=a, day=day, views=v, likes=likes, readers=round(v * 0.82))
                    for a, (v, likes) in sums.items()
                ]
            )
            day += timedelta(days=1)

    def totals(self, articles):
        for article in articles:
            hours = ReadingHour.objects.filter(article=article)
            views = sum(hours.values_list("views", flat=True))
            likes = sum(hours.values_list("likes", flat=True))
            ArticleTotals.objects.update_or_create(
                article=article, defaults={"views": views, "likes": likes}
            )

    def now_reading(self, rng, articles, moment):
        """Half an hour of Now reading samples, and the readers of the last five minutes."""
        NowSample.objects.all().delete()
        last = minute_of(moment)
        chosen = articles[:12]
        buffer = current_buffer()
        for rank, article in enumerate(chosen):
            level = 40 / (1 + rank)
            trend = rng.uniform(-0.4, 1.2) if rank % 3 else 2.0
            samples = []
            for back in range(SPARK_MINUTES, 0, -1):
                factor = 1 + trend * (SPARK_MINUTES - back) / SPARK_MINUTES
                readers = poisson(rng, level * factor)
                samples.append(
                    NowSample(
                        minute=last - timedelta(minutes=back),
                        article_id=article.pk,
                        readers=readers,
                    )
                )
            NowSample.objects.bulk_create([s for s in samples if s.readers])
            for _ in range(poisson(rng, level * (1 + trend))):
                # A made-up hash in the live window only, gone within five minutes.
                buffer.record_heartbeat(article.pk, secrets.token_hex(16), moment)


def poisson(rng, expected):
    """A Poisson draw (a normal one for large means): counts of independent readers."""
    if expected <= 0:
        return 0
    if expected > 50:
        return max(0, round(rng.gauss(expected, math.sqrt(expected))))
    limit, product, count = math.exp(-expected), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


def draw_scroll(rng, seconds):
    """Deeper for longer reads: a reader who stayed a minute has usually seen half."""
    reach = min(1.0, 0.3 + seconds / 150 + rng.uniform(-0.25, 0.25))
    return max(0, min(100, int(reach * 4) * 25))
