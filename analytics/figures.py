"""Figures out of readership's analytics buckets: summed, split and compared, never a reader.

Closed days come from EngagementDay; days not rolled up yet (today, and yesterday in its
first minute) from EngagementHour plus what the buffer holds for hours not flushed yet,
so an editor sees this hour's views too. One source per day, so nothing counts twice.
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db import connection
from django.db.models import Q, Sum
from django.db.models.functions import TruncDate

from readership import clock, engagement
from readership.buffers import UNREACHABLE, current_buffer
from readership.flush import FIGURES
from readership.models import EngagementDay, EngagementHour, ReadingDay, ReadingHour, RolledDay

# Shown groups of engaged time (stored in 5-second steps): (from, to) in seconds.
ENGAGED_GROUPS = [(0, 5), (5, 15), (15, 30), (30, 60), (60, 120), (120, 300), (300, 600)]


def new_figures():
    return engagement.empty_figures()


def row_figures(row):
    return {name: getattr(row, name) for name in FIGURES}


def pending(moment):
    """{hour: {(article, host, referrer): figures}} of hours the flush has not written."""
    try:
        buffer = current_buffer()
        return {
            hour: engagement.as_rows(buffer.engagement_counts(hour))
            for hour in buffer.hours()
            if hour <= moment
        }
    except UNREACHABLE:
        return {}


def rolled_days(first, last):
    """Days first..last rolled up into EngagementDay, as the worker marks them when it rolls.

    A small table of days: knowing which days to read from days and which from hours no
    longer scans the period's buckets (readership's migration marked the days before it).
    """
    return set(
        RolledDay.objects.filter(day__gte=first, day__lte=last).values_list("day", flat=True)
    )


def days_between(first, last):
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def day_ranges(days, field, since=None):
    """A filter on `field` (a day, or an hour) for the days given (None: no day).

    Consecutive days are joined into one range: usually a few ranges for any period.
    `since` ({day: hour}) starts an hour field's range of those days at that hour: the
    hours before it are summed already (GroupDay rows of a day not rolled up yet).
    """
    if field != "day":
        ranges = hour_ranges(days, since)
        if not ranges:
            return None
        condition = Q()
        for start, stop in ranges:
            condition |= Q(**{f"{field}__gte": start, f"{field}__lt": stop})
        return condition
    ranges = []
    for day in sorted(days):
        if ranges and ranges[-1][1] + timedelta(days=1) == day:
            ranges[-1][1] = day
        else:
            ranges.append([day, day])
    if not ranges:
        return None
    condition = Q()
    for begin, end in ranges:
        condition |= Q(day__gte=begin, day__lte=end)
    return condition


def hour_ranges(days, since=None):
    """[[start, stop]] of the days' hours, consecutive ones joined; `since` as day_ranges."""
    since = since or {}
    ranges = []
    for day in sorted(days):
        start = since.get(day) or clock.start_of(day)
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = clock.start_of(day) + clock.DAY
        else:
            ranges.append([start, clock.start_of(day) + clock.DAY])
    return ranges


def collect(
    first, last, key, articles=None, moment=None, skip=frozenset(), split_steps=True, since=None
):
    """Figures summed by key(article, day_or_hour, host, referrer) over days first..last.

    `articles` limits to those ids (None: every article); days in `skip` are left out
    (their sums are read from GroupDay), and so are the hours of a day in `since` ({day:
    hour}, days not rolled up) before its hour. Rows come as tuples, not model instances, and
    hours only for days not rolled up yet: on a year of buckets the rows are what costs,
    so none is read twice or built into an object.

    `split_steps=False` sums the hours' engaged-time steps by article and day only (half
    the work) and puts them on one of the article's buckets of that day: exact for keys
    that hold no host or referrer, wrong for the steps of keys that do (their counts stay
    exact).
    """
    moment = moment or clock.now()
    totals = defaultdict(new_figures)
    wanted = [day for day in days_between(first, last) if day not in skip]
    if not wanted:
        return {}
    # A day summed so far is read from its hours even if it was rolled up a moment ago:
    # its sums stand for hours, not for its day's rows.
    done = rolled_days(first, last) - set(since or ())
    stored = day_ranges([day for day in wanted if day in done], "day")
    if stored is not None:
        days = EngagementDay.objects.filter(stored)
        if articles is not None:
            days = days.filter(article_id__in=articles)
        for article, day, host, referrer, *values in days.values_list(*BUCKET, *FIGURES):
            engagement.merge(totals[key(article, day, host, referrer)], as_figures(values))
    waiting = {day for day in wanted if day not in done}
    # Days older than the hours kept have none left to read (a period before the first
    # day rolled up, on a year's page).
    kept = (moment - clock.engagement_retention() - clock.DAY).date()
    if any(day >= kept for day in waiting):
        recent = {day for day in waiting if day >= kept}
        for (article, day, host, referrer), figures in hour_sums(
            recent, articles, split_steps, since
        ).items():
            engagement.merge(totals[key(article, day, host, referrer)], figures)
    for hour, rows in pending(moment).items():
        if hour.astimezone(clock.UTC).date() not in waiting:
            continue
        for (article, host, referrer), figures in rows.items():
            if articles is None or article in articles:
                engagement.merge(totals[key(article, hour, host, referrer)], figures)
    return dict(totals)


SCALARS = [name for name in FIGURES if name != "engaged"]
# The engaged time of hours summed by day and step, in the database: a day's hours are
# tens of thousands of rows on a busy day, their sums a row per article, host and referrer.
STEPS_SQL = {
    "postgresql": """SELECT article_id, (hour AT TIME ZONE 'UTC')::date, {split} e.key,
        SUM(e.value::bigint) FROM readership_engagementhour
        CROSS JOIN LATERAL jsonb_each_text(engaged) e WHERE {where} GROUP BY {groups}""",
    "sqlite": """SELECT article_id, date(hour), {split} e.key, SUM(e.value)
        FROM readership_engagementhour, json_each(engaged) e WHERE {where} GROUP BY {groups}""",
}
SPLIT = {True: ("host, referrer,", "1, 2, 3, 4, 5"), False: ("", "1, 2, 3")}


def hour_sums(days, articles, split_steps=True, since=None):
    """{(article, day, host, referrer): figures} of the days' hours (of those articles, if
    given; from the hour `since` gives a day, if any), summed by UTC day in the database: no
    caller needs the hour itself."""
    hours = EngagementHour.objects.filter(day_ranges(days, "hour", since))
    if articles is not None:
        hours = hours.filter(article_id__in=articles)
    found = {}
    rows = (
        hours.annotate(day=TruncDate("hour", tzinfo=clock.UTC))
        .values("article_id", "day", "host", "referrer")
        .annotate(**{f"sum_{name}": Sum(name) for name in SCALARS})
        .values_list("article_id", "day", "host", "referrer", *(f"sum_{n}" for n in SCALARS))
        .order_by()
    )
    for article, day, host, referrer, *values in rows:
        figures = dict(zip(SCALARS, values, strict=True))
        found[(article, day, host, referrer)] = {**figures, "engaged": {}}
    if not found:
        return found
    with connection.cursor() as cursor:
        where, params = steps_filter(days, articles, since)
        split, groups = SPLIT[split_steps]
        sql = STEPS_SQL[connection.vendor].format(where=where, split=split, groups=groups)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    first_bucket = {(key[0], key[1]): key for key in found}  # where unsplit steps go
    for article, day, *split, step, count in rows:
        day = date.fromisoformat(day) if isinstance(day, str) else day
        bucket = (article, day, *split) if split_steps else first_bucket[(article, day)]
        found[bucket]["engaged"][step] = int(count)
    return found


def steps_filter(days, articles, since=None):
    """The WHERE of STEPS_SQL: the days' hours, as ranges, and the articles if given."""
    ranges, params = [], []
    for start, stop in hour_ranges(days, since):
        ranges.append("(hour >= %s AND hour < %s)")
        params += [start, stop]
    where = f"({' OR '.join(ranges)})"
    if articles is not None:
        ids = [int(article) for article in articles]
        where += f" AND article_id IN ({', '.join(['%s'] * len(ids))})" if ids else " AND 1 = 0"
        params += ids
    adapt = connection.ops.adapt_datetimefield_value
    return where, [adapt(p) if hasattr(p, "tzinfo") else p for p in params]


BUCKET = ("article_id", "day", "host", "referrer")


def as_figures(values):
    return dict(zip(FIGURES, values, strict=True))


def regroup(totals, key):
    """Figures summed again by key(original key): {(article, referrer): f} -> {article: f}."""
    grouped = defaultdict(new_figures)
    for original, figures in totals.items():
        engagement.merge(grouped[key(original)], figures)
    return dict(grouped)


def hourly(article_id, first_hour, hours, moment=None):
    """Figures per hour for `hours` hours from first_hour (hours kept 30 days)."""
    moment = moment or clock.now()
    series = {first_hour + clock.HOUR * step: new_figures() for step in range(hours)}
    rows = EngagementHour.objects.filter(
        article_id=article_id, hour__gte=first_hour, hour__lt=first_hour + clock.HOUR * hours
    )
    for row in rows:
        engagement.merge(series[row.hour.astimezone(clock.UTC)], row_figures(row))
    for hour, buffered in pending(moment).items():
        if hour in series:
            for (article, _host, _referrer), figures in buffered.items():
                if article == article_id:
                    engagement.merge(series[hour], figures)
    return [(hour, series[hour]) for hour in sorted(series) if hour <= moment]


def as_day(moment):
    return moment if not hasattr(moment, "date") else moment.astimezone(clock.UTC).date()


def median_seconds(figures):
    """The median engaged time of the views that reported one, in seconds (None: none did)."""
    counted = sum(figures["engaged"].values())
    if not counted:
        return None
    running = 0
    for step in sorted(figures["engaged"], key=int):
        running += figures["engaged"][step]
        if running * 2 >= counted:
            return int(step)
    return None


def distribution(figures):
    """[(from, to, views, share %)] of engaged time in ENGAGED_GROUPS, plus the cap."""
    counted = sum(figures["engaged"].values()) or 1
    groups = []
    for low, high in ENGAGED_GROUPS:
        views = sum(n for step, n in figures["engaged"].items() if low <= int(step) < high)
        groups.append((low, high, views, share(views, counted)))
    capped = figures["engaged"].get(str(engagement.ENGAGED_CAP), 0)
    groups.append((engagement.ENGAGED_CAP, None, capped, share(capped, counted)))
    return groups


def share(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def scroll_shares(figures):
    """[(depth, views reaching it, share % of the views that reported)]."""
    return [
        (depth, figures[f"scroll_{depth}"], share(figures[f"scroll_{depth}"], figures["leaves"]))
        for depth in engagement.SCROLL_DEPTHS
    ]


def likes_between(article_ids, first, last):
    """Net likes per article over days first..last (closed days, then today's hours)."""
    likes = dict(
        ReadingDay.objects.filter(article_id__in=article_ids, day__gte=first, day__lte=last)
        .values("article_id")
        .annotate(n=Sum("likes"))
        .values_list("article_id", "n")
    )
    done = rolled_days(first, last)  # ReadingDay is written when the day is rolled up
    start, end = clock.start_of(first), clock.start_of(last) + clock.DAY
    for article, hour, n in ReadingHour.objects.filter(
        article_id__in=article_ids, hour__gte=start, hour__lt=end
    ).values_list("article_id", "hour", "likes"):
        if hour.astimezone(clock.UTC).date() not in done:
            likes[article] = likes.get(article, 0) + n
    return likes
