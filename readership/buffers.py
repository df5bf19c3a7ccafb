"""Where beacons land before the flush: Redis when configured, the database otherwise.

Both buffers keep the same things: views and net likes per (hour, article), the hashed
readers of each article per hour and per day (distinct counts), who is reading right now,
and each reader's like state for the day (dedup). The flush (readership.flush) reads closed
hours and days from a buffer and writes them as numbers; the hashes never leave the buffer.
"""

import hashlib
import itertools
from collections import Counter, defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Sum
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import NoScriptError, RedisError

from samizdat import rediscache

from . import clock
from .models import (
    EngagementDay,
    EngagementHour,
    LikeMark,
    NowReading,
    PendingCount,
    PendingEngagement,
    ReaderMark,
    ReadingDay,
)

# What Redis raises when it is down, directly or through Django's cache.
UNREACHABLE = (RedisError, ConnectionInterrupted)


def current_buffer():
    return RedisBuffer() if settings.REDIS_URL else DatabaseBuffer()


PREFIX = "samizdat:readership:"

# Atomic like/unlike: change the reader's state for the day and count only a real change.
# A replayed like (or unlike) finds the state already set and counts nothing; so does an
# unlike from a reader with no like today (no state at all is "not liked").
LIKE_SCRIPT = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current == ARGV[2] then return 0 end
if not current and ARGV[2] == '0' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[5])
local delta = 1
if ARGV[2] == '0' then delta = -1 end
redis.call('HINCRBY', KEYS[2], ARGV[3], delta)
redis.call('SADD', KEYS[3], ARGV[4])
return delta
"""

# A leaving beacon in one round trip: the sender's limit counted as django-ratelimit counts
# it (privacy.limits), then, within it, the counters added. KEYS: the limit's counter, the
# hour's hash, the hours, the days; ARGV: allowed, the counter's lifetime, hour, day, then
# field and count pairs (none: counted against the limit only).
WITHIN_LIMIT_SCRIPT = """
local used = redis.call('INCR', KEYS[1])
if used == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if used > tonumber(ARGV[1]) then return 0 end
if #ARGV > 4 then
    for i = 5, #ARGV, 2 do redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1]) end
    redis.call('SADD', KEYS[3], ARGV[3])
    redis.call('SADD', KEYS[4], ARGV[4])
end
return 1
"""
WITHIN_LIMIT_SHA = hashlib.sha1(WITHIN_LIMIT_SCRIPT.encode(), usedforsecurity=False).hexdigest()


def run_script(redis, script, sha, keys, args):
    """EVALSHA, and EVAL (which loads it) the first time a Redis server meets the script;
    on this thread's own connection (samizdat.rediscache.command: a beacon's one trip)."""
    try:
        return rediscache.command(redis, "EVALSHA", sha, len(keys), *keys, *args)
    except NoScriptError:
        return rediscache.command(redis, "EVAL", script, len(keys), *keys, *args)


class RedisBuffer:
    """Counters, sets and HyperLogLogs in Redis: no database write on the beacon path."""

    transactional = False
    # Hashes must be gone before their day's salt is (48 h); the flush deletes them sooner.
    HASH_TTL = 47 * 3600

    def __init__(self):
        from django_redis import get_redis_connection

        self.redis = get_redis_connection("default")

    def key(self, *parts):
        return PREFIX + ":".join(str(part) for part in parts)

    def record_view(self, article_id, reader, moment):
        pipe = self.redis.pipeline(transaction=False)
        self._view(pipe, article_id, reader, moment)
        pipe.execute()

    def record_views(self, events, batch=10_000):
        """Many (article, reader, moment) views in few round trips (imports, benchmarks)."""
        pipe = self.redis.pipeline(transaction=False)
        for number, (article_id, reader, moment) in enumerate(events, 1):
            self._view(pipe, article_id, reader, moment)
            if number % batch == 0:
                pipe.execute()
        pipe.execute()

    def _view(self, pipe, article_id, reader, moment):
        hour, day = clock.hour_key(clock.hour_of(moment)), clock.day_key(moment)
        hll_ttl = (clock.most_read_hours() + 2) * 3600
        pipe.hincrby(self.key("views", hour), article_id, 1)
        pipe.sadd(self.key("hours"), hour)
        pipe.sadd(self.key("day", day, article_id), reader)
        pipe.expire(self.key("day", day, article_id), self.HASH_TTL)
        pipe.sadd(self.key("day-articles", day), article_id)
        pipe.sadd(self.key("days"), day)
        # HyperLogLogs answer "distinct readers over the last 24 hours" without summing
        # hourly counts (a reader active in three hours would count three times).
        pipe.pfadd(self.key("hll", hour, article_id), reader)
        pipe.expire(self.key("hll", hour, article_id), hll_ttl)
        pipe.sadd(self.key("hll-articles", hour), article_id)
        pipe.expire(self.key("hll-articles", hour), hll_ttl)
        pipe.zadd(self.key("now"), {f"{article_id}:{reader}": moment.timestamp()})

    def record_heartbeat(self, article_id, reader, moment):
        self.redis.zadd(self.key("now"), {f"{article_id}:{reader}": moment.timestamp()})

    def record_engagement(self, moment, counts):
        """Add analytics counters {(article, host, referrer, figure): n} to the hour."""
        pipe = self.redis.pipeline(transaction=False)
        self._engagement(pipe, moment, counts)
        pipe.execute()

    def record_engagements(self, events, batch=50_000):
        """Many (moment, counts) in few round trips (imports, benchmarks): summed here
        first, so each counter of an hour is one HINCRBY per batch."""
        events = iter(events)
        while chunk := list(itertools.islice(events, batch)):
            totals, days = Counter(), set()
            for moment, counts in chunk:
                hour = clock.hour_key(clock.hour_of(moment))
                days.add(clock.day_key(moment))
                for (article, host, referrer, figure), count in counts.items():
                    totals[(hour, f"{article}|{host}|{referrer}|{figure}")] += count
            pipe = self.redis.pipeline(transaction=False)
            for (hour, field), count in totals.items():
                pipe.hincrby(self.key("engage", hour), field, count)
            hours = {hour for hour, _field in totals}
            if hours:
                pipe.sadd(self.key("hours"), *hours)
                pipe.sadd(self.key("days"), *days)
            pipe.execute()

    def _engagement(self, pipe, moment, counts):
        hour = clock.hour_key(clock.hour_of(moment))
        for (article, host, referrer, figure), count in counts.items():
            pipe.hincrby(self.key("engage", hour), f"{article}|{host}|{referrer}|{figure}", count)
        pipe.sadd(self.key("hours"), hour)
        # The day is rolled up when it closes, even one with leaving beacons only.
        pipe.sadd(self.key("days"), clock.day_key(moment))

    def record_engagement_within(self, limit, moment, counts):
        """Count the sender against its limit and add the counters only within it, in one
        round trip (a leaving beacon: readership.api). False when over the limit.

        limit: (key, allowed, lifetime in seconds), privacy.limits.counter's.
        """
        key, allowed, lifetime = limit
        hour = clock.hour_key(clock.hour_of(moment))
        keys = [key, self.key("engage", hour), self.key("hours"), self.key("days")]
        args = [allowed, lifetime, hour, clock.day_key(moment)]
        for (article, host, referrer, figure), count in counts.items():
            args += [f"{article}|{host}|{referrer}|{figure}", count]
        return bool(run_script(self.redis, WITHIN_LIMIT_SCRIPT, WITHIN_LIMIT_SHA, keys, args))

    def engagement_counts(self, hour):
        raw = self.redis.hgetall(self.key("engage", clock.hour_key(hour)))
        counts = {}
        for field, count in raw.items():
            article, host, referrer, figure = field.decode().split("|")
            counts[(int(article), host, referrer, figure)] = int(count)
        return counts

    def record_like(self, article_id, reader, moment, liked):
        hour, day = clock.hour_key(clock.hour_of(moment)), clock.day_key(moment)
        keys = [self.key("liked", day), self.key("likes", hour), self.key("hours")]
        args = [f"{article_id}:{reader}", "1" if liked else "0", article_id, hour, self.HASH_TTL]
        return int(self.redis.eval(LIKE_SCRIPT, len(keys), *keys, *args))

    def now_reading(self, moment):
        since = moment.timestamp() - clock.now_reading_seconds()
        self._forget_readers_before(since)
        members = self.redis.zrangebyscore(self.key("now"), since, "+inf")
        return Counter(int(member.split(b":", 1)[0]) for member in members)

    def _forget_readers_before(self, since, chunk=10_000):
        """Trim Now reading in bounded steps: after an outage it may hold a long backlog,
        and one huge ZREMRANGEBYSCORE would block Redis past our socket timeout."""
        key = self.key("now")
        while stale := self.redis.zcount(key, "-inf", f"({since}"):
            self.redis.zremrangebyrank(key, 0, min(stale, chunk) - 1)

    def readers_in_window(self, moment, hours):
        keys = [clock.hour_key(hour) for hour in clock.window_hours(moment, hours)]
        pipe = self.redis.pipeline(transaction=False)
        for hour in keys:
            pipe.smembers(self.key("hll-articles", hour))
        # Each article's counters of the hours it was read in only: thousands of articles
        # times a day's hours of names would take tens of megabytes to send.
        counters = defaultdict(list)
        for hour, members in zip(keys, pipe.execute(), strict=True):
            prefix = self.key("hll", hour, "")
            for article in members:
                counters[int(article)].append(prefix + article.decode())
        articles = sorted(counters)
        pipe = self.redis.pipeline(transaction=False)
        for article in articles:
            pipe.pfcount(*counters[article])
        return dict(zip(articles, pipe.execute(), strict=True))

    def readers_on(self, day):
        day = clock.day_key(day)
        articles = sorted(int(a) for a in self.redis.smembers(self.key("day-articles", day)))
        pipe = self.redis.pipeline(transaction=False)
        for article in articles:
            pipe.scard(self.key("day", day, article))
        return dict(zip(articles, pipe.execute(), strict=True))

    def pending_counts(self):
        """Views and likes not flushed yet, per article: {article: (views, likes)}."""
        totals = defaultdict(lambda: [0, 0])
        for hour in self.redis.smembers(self.key("hours")):
            for article, (views, likes) in self.hour_counts(
                clock.hour_from_key(hour.decode())
            ).items():
                totals[article][0] += views
                totals[article][1] += likes
        return {article: tuple(value) for article, value in totals.items()}

    def pending_likes(self, article_ids):
        """Likes not flushed yet of these articles alone, {article: likes}: an hour's hash
        holds every article read in it (thousands), too many to read for one page."""
        article_ids = list(article_ids)
        hours = self.redis.smembers(self.key("hours"))
        if not hours or not article_ids:
            return {}
        pipe = self.redis.pipeline(transaction=False)
        for hour in hours:
            pipe.hmget(self.key("likes", hour.decode()), article_ids)
        likes = Counter()
        for counts in pipe.execute():
            for article, count in zip(article_ids, counts, strict=True):
                if count is not None:
                    likes[article] += int(count)
        return dict(likes)

    def hours(self):
        return sorted(
            clock.hour_from_key(key.decode()) for key in self.redis.smembers(self.key("hours"))
        )

    def hour_counts(self, hour):
        key = clock.hour_key(hour)
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.key("views", key))
        pipe.hgetall(self.key("likes", key))
        views, likes = pipe.execute()
        articles = {int(a) for a in views} | {int(a) for a in likes}
        return {
            a: (int(views.get(str(a).encode(), 0)), int(likes.get(str(a).encode(), 0)))
            for a in articles
        }

    def forget_hour(self, hour):
        key = clock.hour_key(hour)
        pipe = self.redis.pipeline(transaction=True)
        pipe.delete(self.key("views", key), self.key("likes", key), self.key("engage", key))
        pipe.srem(self.key("hours"), key)
        pipe.execute()

    def days(self):
        return sorted(
            clock.day_from_key(key.decode()) for key in self.redis.smembers(self.key("days"))
        )

    def forget_day(self, day):
        key = clock.day_key(day)
        articles = self.redis.smembers(self.key("day-articles", key))
        pipe = self.redis.pipeline(transaction=True)
        for article in articles:
            pipe.delete(self.key("day", key, article.decode()))
        pipe.delete(self.key("day-articles", key))
        pipe.srem(self.key("days"), key)
        pipe.execute()

    def expire(self, moment):
        self._forget_readers_before(moment.timestamp() - clock.now_reading_seconds())


def engagement_days_to_roll_up(days=3):
    """Recent days with analytics hours and no day rows yet (days with no reader marks)."""
    since = clock.start_of(clock.now().date() - timedelta(days=days))
    hours = EngagementHour.objects.filter(hour__gte=since).values_list("hour", flat=True)
    touched = {hour.astimezone(clock.UTC).date() for hour in hours.distinct()}
    done = set(EngagementDay.objects.filter(day__in=touched).values_list("day", flat=True))
    return touched - done


class DatabaseBuffer:
    """Small buffer tables in our own database, for a site running without Redis.

    Views and likes are increments on one row per (article, hour), written with an UPSERT;
    a reader is one row per (article, hour), whatever the number of views.
    """

    transactional = True

    def record_view(self, article_id, reader, moment):
        hour = clock.hour_of(moment)
        with transaction.atomic():
            self._add(article_id, hour, views=1, likes=0)
            ReaderMark.objects.bulk_create(
                [ReaderMark(article_id=article_id, hour=hour, reader=reader)],
                ignore_conflicts=True,
            )
            self.record_heartbeat(article_id, reader, moment)

    def record_views(self, events, batch=10_000):
        """Many (article, reader, moment) views in a few statements (imports, benchmarks)."""
        events = iter(events)
        while chunk := list(itertools.islice(events, batch)):
            counts = Counter((article, clock.hour_of(moment)) for article, _, moment in chunk)
            marks = {(article, clock.hour_of(moment), reader) for article, reader, moment in chunk}
            with transaction.atomic():
                self._add_many([(a, h, n, 0) for (a, h), n in counts.items()])
                ReaderMark.objects.bulk_create(
                    [ReaderMark(article_id=a, hour=h, reader=r) for a, h, r in marks],
                    ignore_conflicts=True,
                )

    def record_heartbeat(self, article_id, reader, moment):
        NowReading.objects.bulk_create(
            [NowReading(article_id=article_id, reader=reader, seen_at=moment)],
            update_conflicts=True,
            unique_fields=["article_id", "reader"],
            update_fields=["seen_at"],
        )

    def record_engagement(self, moment, counts):
        """Add analytics counters {(article, host, referrer, figure): n}: one UPSERT each."""
        self.record_engagements([(moment, counts)])

    def record_engagements(self, events):
        rows = Counter()
        for moment, counts in events:
            hour = clock.hour_of(moment)
            for (article, host, referrer, figure), count in counts.items():
                rows[(article, hour, host, referrer, figure)] += count
        table = PendingEngagement._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (article_id, hour, host, referrer, figure, count) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT "
                "(article_id, hour, host, referrer, figure) DO UPDATE SET "
                f"count = {table}.count + excluded.count",
                [
                    (article, connection.ops.adapt_datetimefield_value(hour), host, ref, fig, n)
                    for (article, hour, host, ref, fig), n in rows.items()
                ],
            )

    def engagement_counts(self, hour):
        rows = PendingEngagement.objects.filter(hour=hour).values_list(
            "article_id", "host", "referrer", "figure", "count"
        )
        return {(article, host, ref, figure): count for article, host, ref, figure, count in rows}

    def record_like(self, article_id, reader, moment, liked):
        if not liked:
            return self._unlike(article_id, reader, moment)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    LikeMark.objects.create(
                        article_id=article_id, day=moment.date(), reader=reader, liked=liked
                    )
            except IntegrityError:
                changed = (
                    LikeMark.objects.filter(article_id=article_id, day=moment.date(), reader=reader)
                    .exclude(liked=liked)
                    .update(liked=liked)
                )
                if not changed:
                    return 0
            self._add(article_id, clock.hour_of(moment), views=0, likes=1)
            return 1

    def _unlike(self, article_id, reader, moment):
        """Take back today's like; a reader with no like today changes nothing."""
        with transaction.atomic():
            changed = LikeMark.objects.filter(
                article_id=article_id, day=moment.date(), reader=reader, liked=True
            ).update(liked=False)
            if not changed:
                return 0
            self._add(article_id, clock.hour_of(moment), views=0, likes=-1)
            return -1

    def _add(self, article_id, hour, views, likes):
        self._add_many([(article_id, hour, views, likes)])

    def _add_many(self, rows):
        """Add to pending counts: an UPSERT, so concurrent beacons never lose an increment."""
        table = PendingCount._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (article_id, hour, views, likes) VALUES (%s, %s, %s, %s) "  # noqa: S608
                f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + "
                f"excluded.views, likes = {table}.likes + excluded.likes",
                # The ORM's own format, so lookups by hour find the row (SQLite keeps text).
                [
                    (article, connection.ops.adapt_datetimefield_value(hour), views, likes)
                    for article, hour, views, likes in rows
                ],
            )

    def now_reading(self, moment):
        since = moment - timedelta(seconds=clock.now_reading_seconds())
        rows = (
            NowReading.objects.filter(seen_at__gt=since)
            .values("article_id")
            .annotate(readers=Count("reader"))
        )
        return Counter({row["article_id"]: row["readers"] for row in rows})

    def readers_in_window(self, moment, hours):
        oldest = clock.window_hours(moment, hours)[-1]
        rows = (
            ReaderMark.objects.filter(hour__gte=oldest)
            .values("article_id")
            .annotate(readers=Count("reader", distinct=True))
        )
        return {row["article_id"]: row["readers"] for row in rows}

    def readers_on(self, day):
        start = clock.start_of(day)
        rows = (
            ReaderMark.objects.filter(hour__gte=start, hour__lt=start + clock.DAY)
            .values("article_id")
            .annotate(readers=Count("reader", distinct=True))
        )
        return {row["article_id"]: row["readers"] for row in rows}

    def pending_counts(self):
        rows = PendingCount.objects.values("article_id").annotate(v=Sum("views"), l=Sum("likes"))
        return {row["article_id"]: (row["v"], row["l"]) for row in rows}

    def pending_likes(self, article_ids):
        rows = (
            PendingCount.objects.filter(article_id__in=article_ids)
            .values("article_id")
            .annotate(likes=Sum("likes"))
        )
        return {row["article_id"]: row["likes"] for row in rows}

    def hours(self):
        counted = PendingCount.objects.values_list("hour", flat=True).distinct()
        engaged = PendingEngagement.objects.values_list("hour", flat=True).distinct()
        return sorted(set(counted) | set(engaged))

    def hour_counts(self, hour):
        rows = PendingCount.objects.filter(hour=hour).values_list("article_id", "views", "likes")
        return {article: (views, likes) for article, views, likes in rows}

    def forget_hour(self, hour):
        PendingCount.objects.filter(hour=hour).delete()
        PendingEngagement.objects.filter(hour=hour).delete()

    def days(self):
        """Days with reader marks that have not been rolled up yet."""
        hours = ReaderMark.objects.values_list("hour", flat=True).distinct()
        days = {hour.astimezone(clock.UTC).date() for hour in hours}
        done = set(ReadingDay.objects.filter(day__in=days).values_list("day", flat=True))
        return sorted((days - done) | engagement_days_to_roll_up())

    def forget_day(self, day):
        """Reader marks of a rolled-up day go once the Most read window has passed them."""

    def expire(self, moment):
        since = moment - timedelta(seconds=clock.now_reading_seconds())
        NowReading.objects.filter(seen_at__lte=since).delete()
        oldest_window_hour = clock.window_hours(moment, clock.most_read_hours())[-1]
        # A mark outside the window whose day the flush has rolled up has no use left.
        rolled_up_before = clock.start_of((moment - clock.FLUSH_GRACE).date())
        ReaderMark.objects.filter(hour__lt=min(oldest_window_hour, rolled_up_before)).delete()
        LikeMark.objects.filter(day__lt=moment.date()).delete()
