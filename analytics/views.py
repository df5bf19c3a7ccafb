"""The editors' analytics pages: real time, one article, and sections/authors/languages."""

from datetime import timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from corrections.models import TypoReport
from newsroom.models import ArticlePage
from readership import clock
from readership.models import ReadingDay

from . import charts, figures, groups, realtime, weekly
from .forms import PeriodForm, WeekForm
from .labels import host_label, referrer_label, seconds_text
from .tables import Link, Table, csv_response, find

TOP_ARTICLES = 20
FIRST_HOURS = 48
MAX_DAYS_SHOWN = 90


def render(request, template, context, tables, stem):
    """The page, or one of its tables as CSV when ?csv=<table> asks for it."""
    wanted = request.GET.get("csv")
    if wanted is not None:
        table = find(tables, wanted)
        if table is None:
            raise Http404(_("There is no such table."))
        return csv_response(table, stem)
    context = {**context, "tables": tables, "header_icon": "view"}
    return TemplateResponse(request, template, context)


def article_link(article):
    return Link(article.title, reverse("analytics_article", args=[article.pk]))


def realtime_view(request):
    moment = clock.now()
    board = realtime.board(moment)
    ids = sorted(board["now"], key=lambda a: (-board["now"][a], a))[:TOP_ARTICLES]
    rising_ids = [article for article, _growth in board["rising"]]
    articles = ArticlePage.objects.filter(pk__in=set(ids) | set(rising_ids)).select_related(
        "locale"
    )
    known = {article.pk: article for article in articles.defer_streamfields()}
    minutes = [moment - timedelta(minutes=realtime.SPARK_MINUTES - 1 - n) for n in range(30)]
    site = Table(
        "site",
        _("Readers on the site, minute by minute (last 30 minutes)"),
        [_("Minute (UTC)"), _("Readers")],
        [
            [minute.strftime("%H:%M"), count]
            for minute, count in zip(minutes, board["total_series"], strict=True)
        ],
    )
    site.chart = charts.bars(site.rows, labels_every=5)
    reading = Table(
        "now",
        _("Readers now, per article (last 5 minutes)"),
        [_("Headline"), _("Language"), _("Readers now"), _("Last 30 minutes")],
    )
    sparks = []
    for article_id in ids:
        article = known.get(article_id)
        if article is None:
            continue
        series = board["series"].get(article_id, [0] * realtime.SPARK_MINUTES)
        reading.rows.append(
            [
                article_link(article),
                article.locale.language_code,
                board["now"][article_id],
                " ".join(str(value) for value in series),
            ]
        )
        sparks.append((article_link(article), board["now"][article_id], charts.sparkline(series)))
    rising = Table(
        "rising",
        _("Rising: readers now against 10 to 15 minutes ago"),
        [_("Headline"), _("Language"), _("Readers now"), _("Growth")],
        [
            [article_link(known[a]), known[a].locale.language_code, board["now"][a], f"+{growth}"]
            for a, growth in board["rising"]
            if a in known
        ],
    )
    context = {
        "page_title": _("Analytics: real time"),
        "header_title": _("Analytics: real time"),
        "readers": board["readers"],
        "moment": moment.strftime("%H:%M"),
        "sparks": sparks,
    }
    return render(request, "analytics/realtime.html", context, [site, reading, rising], "real-time")


def article_view(request, page_id):
    article = get_object_or_404(ArticlePage.objects.select_related("locale"), pk=page_id)
    moment = clock.now()
    published = (article.published_at or article.first_published_at or moment).astimezone(clock.UTC)
    first_day = published.date()
    shown_from = max(first_day, moment.date() - timedelta(days=MAX_DAYS_SHOWN - 1))
    # One pass over the article's buckets serves every table but the hours.
    buckets = figures.collect(
        shown_from,
        moment.date(),
        lambda _article, when, host, referrer: (figures.as_day(when), host, referrer),
        {article.pk},
        moment,
    )
    total = figures.regroup(buckets, lambda key: "all").get("all", figures.new_figures())
    tables = [
        hours_table(article, published, moment),
        days_table(buckets, shown_from, moment),
        engaged_table(total),
        scroll_table(total),
        *split_tables(buckets, total),
    ]
    summary = article_summary(article, total, shown_from, moment)
    context = {
        "article": article,
        "summary": summary,
        "since": shown_from,
        "page_title": _("Analytics: %(title)s") % {"title": article.title},
        "header_title": _("Analytics: %(title)s") % {"title": article.title},
    }
    return render(request, "analytics/article.html", context, tables, f"article-{article.pk}")


def hours_table(article, published, moment):
    first_hour = clock.hour_of(published)
    rows = figures.hourly(article.pk, first_hour, FIRST_HOURS, moment)
    table = Table(
        "hours",
        _("Views by hour, first 48 hours (UTC)"),
        [_("Hour"), _("Views"), _("Median engaged time")],
        [
            [f"{hour:%d.%m %H}:00", fig["views"], seconds_text(figures.median_seconds(fig))]
            for hour, fig in rows
        ],
    )
    table.chart = charts.bars([(row[0], row[1]) for row in table.rows], labels_every=6)
    return table


def days_table(buckets, first, moment):
    per_day = figures.regroup(buckets, lambda key: key[0])
    days = figures.days_between(first, moment.date())
    rows = [(day, per_day.get(day, figures.new_figures())) for day in days]
    table = Table(
        "days",
        _("Views by day"),
        [_("Day"), _("Views"), _("Median engaged time")],
        [
            [
                formats.date_format(day, "SHORT_DATE_FORMAT"),
                fig["views"],
                seconds_text(figures.median_seconds(fig)),
            ]
            for day, fig in rows
        ],
    )
    table.chart = charts.bars([(row[0], row[1]) for row in table.rows])
    return table


def engaged_table(total):
    rows = []
    for low, high, views, share in figures.distribution(total):
        label = f"{low}–{high} s" if high else _("%(seconds)s s (the cap)") % {"seconds": low}
        rows.append([label, views, share])
    table = Table(
        "engaged", _("Engaged time"), [_("Engaged time"), _("Views"), _("Share, %")], rows
    )
    table.chart = charts.bars([(row[0], row[1]) for row in rows], height=150, labels_every=1)
    return table


def scroll_table(total):
    rows = [[f"{depth} %", views, share] for depth, views, share in figures.scroll_shares(total)]
    table = Table(
        "scroll", _("Scroll depth reached"), [_("Depth"), _("Views"), _("Share, %")], rows
    )
    table.chart = charts.bars([(row[0], row[2]) for row in rows], height=150, labels_every=1)
    return table


def split_tables(buckets, total):
    """Referrer domains and serving hosts of one article."""
    by_referrer = figures.regroup(buckets, lambda key: key[2])
    by_host = figures.regroup(buckets, lambda key: key[1])
    return [
        split_table(
            "referrers",
            _("Where readers came from (referrer domains)"),
            _("Referrer"),
            by_referrer,
            referrer_label,
            total,
        ),
        split_table(
            "hosts", _("Which of our hosts served them"), _("Host"), by_host, host_label, total
        ),
    ]


def split_table(name, caption, first_header, parts, label, total):
    ordered = sorted(parts.items(), key=lambda item: (-item[1]["views"], item[0]))
    table = Table(
        name,
        caption,
        [first_header, _("Views"), _("Share, %"), _("Median engaged time")],
        [
            [
                label(key),
                fig["views"],
                figures.share(fig["views"], total["views"]),
                seconds_text(figures.median_seconds(fig)),
            ]
            for key, fig in ordered
        ],
    )
    table.chart = charts.hbars([(row[0], row[1]) for row in table.rows[:12]])
    return table


def article_summary(article, total, first, moment):
    readers = sum(ReadingDay.objects.filter(article=article).values_list("readers", flat=True))
    likes = figures.likes_between([article.pk], first, moment.date()).get(article.pk, 0)
    typos = sum(TypoReport.objects.filter(page=article).values_list("count", flat=True))
    mean = round(total["engaged_seconds"] / total["leaves"]) if total["leaves"] else None
    return [
        (_("Views"), total["views"]),
        (_("Median engaged time"), seconds_text(figures.median_seconds(total))),
        (_("Average engaged time"), seconds_text(mean)),
        (_("Readers on closed days"), readers),
        (_("Likes"), likes),
        (_("Comments"), article.comment_count),
        (_("Typo reports"), typos),
    ]


def period_view(request):
    form = PeriodForm(request.GET or None, today=clock.now().date())
    period = form.period()
    report = groups.report(period["by"], period["first"], period["last"])
    table = Table(
        "groups",
        groups.caption(period["by"]),
        [
            groups.header(period["by"]),
            _("Articles"),
            _("Views"),
            _("Views, previous period"),
            _("Change, %"),
            _("Median engaged time"),
            _("Median, previous period"),
            _("Reached 50 %, %"),
            _("Reached 100 %, %"),
            _("Likes"),
            _("Likes, previous period"),
            _("Comments"),
        ],
        report["rows"],
    )
    table.chart = charts.hbars([(row[0], row[2]) for row in table.rows[:15]])
    table.wide = True
    referrers = Table(
        "referrers",
        _("Referrer domains over the period"),
        [_("Referrer"), _("Views"), _("Views, previous period"), _("Change, %")],
        [[referrer_label(r), *numbers] for r, *numbers in report["referrers"]],
    )
    referrers.chart = charts.hbars([(row[0], row[1]) for row in referrers.rows[:12]])
    title = _("Analytics: sections, authors, languages")
    stem = f"{period['by']}-{period['first']}-{period['last']}"
    context = {"form": form, "period": period}
    return render_form_page(
        request, "analytics/period.html", title, context, [table, referrers], stem
    )


def weekly_view(request):
    """The weekly summary the editors get by mail, for any closed week."""
    form = WeekForm(request.GET or None, latest=weekly.last_closed_week())
    summary = weekly.as_text(weekly.summary(form.monday()))
    top = Table(
        "top",
        _("Top stories"),
        weekly.top_headers(),
        [
            [
                Link(story["title"], reverse("analytics_article", args=[story["article"]])),
                story["language"],
                story["views"],
                story["views_before"],
                story["median_text"],
                story["reached_end"],
            ]
            for story in summary["top"]
        ],
    )
    top.chart = charts.hbars([(str(row[0]), row[2]) for row in top.rows])
    referrers = Table(
        "referrers",
        _("Referrer domains"),
        weekly.referrer_headers(),
        [
            [r["label"], r["views"], r["views_before"], r["change_text"]]
            for r in summary["referrers"]
        ],
    )
    referrers.chart = charts.hbars([(row[0], row[1]) for row in referrers.rows])
    title = _("Analytics: weekly summary")
    stem = f"week-{summary['week'].isoformat()}"
    context = {"form": form, "summary": summary}
    return render_form_page(
        request, "analytics/weekly.html", title, context, [top, referrers], stem
    )


def render_form_page(request, template, title, context, tables, stem):
    """A page chosen by a form: a bad choice answers 400, explaining it beside the default."""
    context = {**context, "page_title": title, "header_title": title}
    response = render(request, template, context, tables, stem)
    if context["form"].is_bound and not context["form"].is_valid():
        response.status_code = 400
    return response
