"""Each closed day's analytics summed by section, author, language and referrer (GroupDay).

A year of sections read from EngagementDay is millions of rows; summed here once, when
readership has rolled the day up, it is 365 rows a group. The sums are exact and stay so:

- a day rolled up again (late beacons from a Redis outage) bumps readership's RolledDay,
  so its sums no longer match and are made again; the articles first read on it change
  what the articles of their later days were last read before, so those days go too;
- an article moved to another section, a byline added, changed or removed, an article
  deleted, a comment published, hidden or deleted after its day: `changes` of each day
  concerned moves (signals below), and the worker sums it again;
- until a day's sums match, the dashboard reads that day article by article, as before.

Today is summed too, before it closes (sum_hours): the hours the flush has written, up to
an hour kept in the rows (GroupDay.through); the dashboard reads only the hours after it
article by article. An hour the flush has written does not change (it writes an hour once
its grace has passed, and only hours no buffer holds any more are summed); an article moved
or deleted makes those sums out of date as it does a day's. Today's comments are not in
them: moderators publish and hide today's comments all day, and each would make the sums
out of date; they are counted when shown, from an index of published comments by time
(comments.Comment's `comment_published_at`), a few milliseconds for tens of thousands.

Renaming a section or an author needs nothing: rows keep ids, labels are looked up when shown.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum

from comments.models import Comment, Status
from newsroom.models import ArticleByline, ArticlePage
from readership import clock, engagement
from readership.buffers import UNREACHABLE, DatabaseBuffer, current_buffer
from readership.flush import FIGURES
from readership.models import EngagementDay, EngagementHour, ReadingDay, ReadingHour, RolledDay

from .models import GroupDay, SummedDay

GROUPS = ("section", "author", "language")
REFERRER = "referrer"
NEVER = ""  # "last read before": never; sorts before every ISO day
DAYS_PER_RUN = 31  # what one worker run sums at most; the rest waits for the next run


def group_keys(groups, article_ids):
    """{article: {group: [key, ...]}} for the articles that still exist."""
    rows = ArticlePage.objects.filter(pk__in=article_ids).values_list(
        "pk", "section_id", "locale__language_code"
    )
    found = {}
    for pk, section, code in rows:
        keys = found[pk] = {}
        if "section" in groups:
            keys["section"] = [f"{section}:{code}" if section else ""]
        if "language" in groups:
            keys["language"] = [code]
        if "author" in groups:
            keys["author"] = []
    if "author" in groups:
        bylines = ArticleByline.objects.filter(page_id__in=found).values_list(
            "page_id", "author_id"
        )
        for page, author in bylines.order_by("page_id", "sort_order", "pk"):
            if str(author) not in found[page]["author"]:
                found[page]["author"].append(str(author))
        for keys in found.values():
            keys["author"] = keys["author"] or [""]
    return found


def last_read_before(day, article_ids):
    """{article: the last day before `day` it was read} for those read before."""
    return dict(
        EngagementDay.objects.filter(article_id__in=article_ids, day__lt=day)
        .values("article_id")
        .annotate(last=Max("day"))
        .values_list("article_id", "last")
    )


def day_figures(day, through=None):
    """({article: figures}, {referrer: figures}) of a rolled-up day, or of a day's hours
    before `through`."""
    per_article = defaultdict(engagement.empty_figures)
    per_referrer = defaultdict(engagement.empty_figures)
    if through is None:
        rows = EngagementDay.objects.filter(day=day)
    else:
        rows = EngagementHour.objects.filter(hour__gte=clock.start_of(day), hour__lt=through)
    for article, referrer, *values in rows.values_list("article_id", "referrer", *FIGURES):
        figures = dict(zip(FIGURES, values, strict=True))
        engagement.merge(per_article[article], figures)
        engagement.merge(per_referrer[referrer], figures)
    return per_article, per_referrer


def likes_on(day, through=None):
    if through is None:
        return dict(ReadingDay.objects.filter(day=day).values_list("article_id", "likes"))
    return dict(
        ReadingHour.objects.filter(hour__gte=clock.start_of(day), hour__lt=through)
        .values("article_id")
        .annotate(n=Sum("likes"))
        .values_list("article_id", "n")
    )


def comments_on(day):
    start = clock.start_of(day)
    return dict(
        Comment.objects.filter(
            status=Status.PUBLISHED, created_at__gte=start, created_at__lt=start + clock.DAY
        )
        .values("article_id")
        .annotate(n=Count("*"))  # from the index alone (comment_published_at)
        .values_list("article_id", "n")
    )


def new_row():
    return {**engagement.empty_figures(), "articles": {}, "likes": 0, "comments": 0}


def group_rows(day, last_read=None, through=None):
    """{(group, key): row} of a day, or of its hours before `through` (without comments:
    today's are counted when shown); `last_read` ({article: day}) spares its query."""
    per_article, per_referrer = day_figures(day, through)
    likes = likes_on(day, through)
    comments = comments_on(day) if through is None else {}
    keys = group_keys(GROUPS, set(per_article) | set(likes) | set(comments))
    if last_read is None:
        last_read = last_read_before(day, list(per_article))
    rows = defaultdict(new_row)
    for article, groups in keys.items():
        figures = per_article.get(article)
        since = last_read.get(article)
        since = since.isoformat() if since else NEVER
        for group, names in groups.items():
            for key in names:
                row = rows[(group, key)]
                if figures is not None:
                    engagement.merge(row, figures)
                    row["articles"][since] = row["articles"].get(since, 0) + 1
                row["likes"] += likes.get(article, 0)
                row["comments"] += comments.get(article, 0)
    for referrer, figures in per_referrer.items():
        engagement.merge(rows[(REFERRER, referrer)], figures)
    return rows, set(per_article) & set(keys)


def sum_day(day, last_read=None):
    """Sum a rolled-up day into GroupDay rows (absolute: again means the same numbers).

    Returns the articles read that day. The day counts as summed only if nothing changed
    it while it was being summed: `changes` is compared when it is marked.
    """
    rolled = RolledDay.objects.filter(day=day).values_list("rolls", flat=True).first()
    if rolled is None:
        return set()
    state, _ = SummedDay.objects.get_or_create(day=day)
    changes, was_summed = state.changes, state.rolls
    rows, read = group_rows(day, last_read)
    with transaction.atomic():
        GroupDay.objects.filter(day=day).delete()
        GroupDay.objects.bulk_create(
            [GroupDay(day=day, group=group, key=key, **row) for (group, key), row in rows.items()],
            batch_size=1000,
        )
        SummedDay.objects.filter(day=day, changes=changes).update(rolls=rolled, summed=changes)
    if was_summed and was_summed != rolled:
        # Rolled up again with late beacons: an article first read here changes what its
        # later days (today's hours too) say it was last read before.
        later = EngagementDay.objects.filter(day__gt=day, article_id__in=read).values("day")
        changed(SummedDay.objects.filter(Q(day__in=later) | Q(day__gt=day, rolls=0)))
    return read


def summable_through(moment):
    """The hour up to which today's hours are written for good (None: none yet, or unknown).

    An hour is written by the flush once its grace has passed; until then it is in a
    buffer (Redis, or the database's during an outage). The day before must be rolled up:
    what each article was last read before today comes from the days.
    """
    today = moment.date()
    through = clock.hour_of(moment - clock.FLUSH_GRACE)
    try:
        buffer = current_buffer()
        waiting, days = buffer.hours(), buffer.days()
        if not buffer.transactional:
            waiting += DatabaseBuffer().hours()  # added to written hours after an outage
    except UNREACHABLE:
        return None
    if any(day < today for day in days):
        return None
    through = min([through, *waiting])
    return through if through > clock.start_of(today) else None


def sum_hours(moment=None):
    """Sum today's written hours into GroupDay rows.

    Done again when another hour is written or the sums went out of date; returns whether
    it summed. Like sum_day, the sums count only if nothing changed them meanwhile.
    """
    moment = moment or clock.now()
    day = moment.date()
    through = summable_through(moment)
    if through is None or RolledDay.objects.filter(day=day).exists():
        return False
    state, _ = SummedDay.objects.get_or_create(day=day)
    summed_through = GroupDay.objects.filter(day=day).values_list("through", flat=True).first()
    if summed_through == through and state.summed == state.changes:
        return False
    changes = state.changes
    rows, _read = group_rows(day, through=through)
    with transaction.atomic():
        GroupDay.objects.filter(day=day).delete()
        GroupDay.objects.bulk_create(
            [
                GroupDay(day=day, group=group, key=key, through=through, **row)
                for (group, key), row in rows.items()
            ],
            batch_size=1000,
        )
        SummedDay.objects.filter(day=day, changes=changes, rolls=0).update(summed=changes)
    return True


def changed(days):
    """Mark days' sums out of date (a SummedDay queryset)."""
    days.update(changes=F("changes") + 1)


def fresh_days(first, last):
    """Days first..last whose GroupDay rows are up to date and whole."""
    rolled = dict(
        RolledDay.objects.filter(day__gte=first, day__lte=last).values_list("day", "rolls")
    )
    summed = SummedDay.objects.filter(day__gte=first, day__lte=last, summed=F("changes"))
    return {day for day, rolls in summed.values_list("day", "rolls") if rolled.get(day) == rolls}


def summed_so_far(first, last):
    """Days first..last not rolled up whose GroupDay rows (through an hour) are up to date."""
    summed = SummedDay.objects.filter(day__gte=first, day__lte=last, rolls=0, summed=F("changes"))
    rolled = RolledDay.objects.filter(day=OuterRef("day"))
    return set(summed.filter(~Exists(rolled)).values_list("day", flat=True))


def due_days(limit=DAYS_PER_RUN):
    """Rolled-up days whose sums are missing or out of date, oldest first."""
    up_to_date = SummedDay.objects.filter(
        day=OuterRef("day"), rolls=OuterRef("rolls"), summed=F("changes")
    )
    due = RolledDay.objects.filter(~Exists(up_to_date)).order_by("day")
    due = due.values_list("day", flat=True)
    return list(due if limit is None else due[:limit])


def sum_due(limit=DAYS_PER_RUN, moment=None):
    """The worker's part: sum what is due, then today's written hours; returns how many
    days were summed."""
    days = due_days(limit)
    for day in days:
        sum_day(day)
    sum_hours(moment)
    return len(days)


def backfill(today=None, out=None):
    """Mark days rolled up before RolledDay existed, sum every day due, in order, then
    today's written hours.

    Days go oldest first with what each article was last read before kept in memory (a
    day already summed only updates it), so a year of days costs a few queries a day.
    Returns how many days were summed.
    """
    count = backfill_days(today, out)
    sum_hours()
    return count


def backfill_days(today, out):
    today = today or clock.now().date()
    stored = EngagementDay.objects.filter(day__lt=today).values_list("day", flat=True)
    missing = set(stored.distinct()) - set(RolledDay.objects.values_list("day", flat=True))
    RolledDay.objects.bulk_create([RolledDay(day=day) for day in sorted(missing)])
    due = set(due_days(limit=None))
    if not due:
        return 0
    first = min(due)
    last_read = dict(
        EngagementDay.objects.filter(day__lt=first)
        .values("article_id")
        .annotate(last=Max("day"))
        .values_list("article_id", "last")
    )
    rolled = RolledDay.objects.filter(day__gte=first).order_by("day")
    count = 0
    for day in rolled.values_list("day", flat=True):
        if day in due:
            read = sum_day(day, last_read)
            count += 1
            if out and count % 30 == 0:
                out.write(f"{count} days summed, last {day}\n")
        else:
            read = EngagementDay.objects.filter(day=day).values_list("article_id", flat=True)
        for article in read:
            last_read[article] = day
    return count


# What makes sums out of date, marked where it happens.


def article_days(article_id):
    """The days whose sums hold something of the article: read, liked or commented; and
    today's hours (rolls 0), whatever they hold: their sums are made again in a minute."""
    days = Q(day__in=EngagementDay.objects.filter(article_id=article_id).values("day"))
    days |= Q(rolls=0)
    days |= Q(day__in=ReadingDay.objects.filter(article_id=article_id).values("day"))
    posted = Comment.objects.filter(article_id=article_id).values_list("created_at", flat=True)
    commented = {moment.astimezone(clock.UTC).date() for moment in posted}
    return SummedDay.objects.filter(days | Q(day__in=commented))


def article_moved(article_id):
    changed(article_days(article_id))


def comment_changed(created_at, today):
    day = created_at.astimezone(clock.UTC).date()
    if day < today:  # today's comments are counted when shown: a new one costs no query
        changed(SummedDay.objects.filter(day=day))


def days_between(first, last):
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
