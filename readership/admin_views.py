"""Editors' figures: the Today panel on the dashboard and one article's days, with a chart."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from newsroom.models import ArticlePage

from . import clock
from .buffers import UNREACHABLE, current_buffer
from .models import ReadingDay, ReadingHour

CHART_DAYS = 30
TODAY_ROWS = 10


def live_today(moment):
    """Today's readers, likes and now reading per article, from the buffer and the hours."""
    start = clock.start_of(moment.date())
    likes = dict(
        ReadingHour.objects.filter(hour__gte=start)
        .values("article_id")
        .annotate(n=Sum("likes"))
        .values_list("article_id", "n")
    )
    views = dict(
        ReadingHour.objects.filter(hour__gte=start)
        .values("article_id")
        .annotate(n=Sum("views"))
        .values_list("article_id", "n")
    )
    try:
        buffer = current_buffer()
        readers, now, pending = (
            buffer.readers_on(moment.date()),
            buffer.now_reading(moment),
            buffer.pending_counts(),
        )
    except UNREACHABLE:
        readers, now, pending = {}, {}, {}
    for article, (pending_views, pending_likes) in pending.items():
        views[article] = views.get(article, 0) + pending_views
        likes[article] = likes.get(article, 0) + pending_likes
    return {"readers": readers, "views": views, "likes": likes, "now": now}


class TodayPanel(Component):
    name = "readership_today"
    template_name = "readership/admin/today_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        today = live_today(clock.now())
        ids = set(today["readers"]) | set(today["likes"]) | set(today["now"])
        articles = ArticlePage.objects.filter(pk__in=ids).select_related("locale")
        rows = [
            {
                "article": article,
                "readers": today["readers"].get(article.pk, 0),
                "likes": today["likes"].get(article.pk, 0),
                "now": today["now"].get(article.pk, 0),
            }
            for article in articles.defer_streamfields()
        ]
        rows.sort(key=lambda row: (-row["readers"], -row["now"], -row["likes"], row["article"].pk))
        return {"rows": rows[:TODAY_ROWS]}


def article_figures(request, page_id):
    """Readers, views and likes per day over the last 30 days, with a bar chart of readers."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    moment = clock.now()
    days = figures_by_day(article.pk, moment)
    context = {
        "article": article,
        "days": days,
        "chart": bar_chart([day["readers"] for day in days]),
        "totals": {
            "readers": sum(day["readers"] for day in days),
            "views": sum(day["views"] for day in days),
            "likes": sum(day["likes"] for day in days),
        },
        "header_title": _("Readership: %(title)s") % {"title": article.title},
        "page_title": _("Readership: %(title)s") % {"title": article.title},
        "header_icon": "view",
    }
    return TemplateResponse(request, "readership/admin/article.html", context)


def figures_by_day(article_id, moment):
    """The last CHART_DAYS days, oldest first; today comes live from the buffer."""
    today = moment.date()
    first = today - timedelta(days=CHART_DAYS - 1)
    stored = {
        row.day: row for row in ReadingDay.objects.filter(article_id=article_id, day__gte=first)
    }
    live = live_today(moment)
    days = []
    for offset in range(CHART_DAYS):
        day = first + timedelta(days=offset)
        if day == today:
            figures = {key: live[key].get(article_id, 0) for key in ("readers", "views", "likes")}
        else:
            row = stored.get(day)
            figures = {
                "readers": row.readers if row else 0,
                "views": row.views if row else 0,
                "likes": row.likes if row else 0,
            }
        days.append({"day": day, **figures})
    return days


def bar_chart(values, width=600, height=120, gap=2):
    """Bars for an inline SVG, drawn on the server: no script, nothing from elsewhere."""
    top = max(values, default=0) or 1
    step = width / max(len(values), 1)
    bars = []
    for index, value in enumerate(values):
        bar_height = round(value / top * (height - 16), 1)
        bars.append(
            {
                "x": round(index * step, 1),
                "y": round(height - bar_height, 1),
                "width": round(step - gap, 1),
                "height": bar_height,
                "value": value,
            }
        )
    return {"width": width, "height": height, "bars": bars, "top": top}
