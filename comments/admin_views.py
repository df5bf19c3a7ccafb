"""The moderation desk: queues of comments and the actions moderators take on them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samizdat.apitypes import MAX_ID

from . import services
from .models import Action, Comment, CommentReport, Reason, ReportReason, Status

QUEUES = {
    "pending": (gettext_lazy("Pending"), Q(status=Status.PENDING)),
    "reported": (
        gettext_lazy("Reported"),
        Q(status=Status.HIDDEN, reason=Reason.REPORTED)
        | Q(status=Status.PUBLISHED, report_count__gt=0),
    ),
    "recent": (gettext_lazy("Recent"), Q(status=Status.PUBLISHED)),
    "rejected": (
        gettext_lazy("Rejected"),
        Q(status__in=[Status.REJECTED, Status.SPAM, Status.HIDDEN]),
    ),
}
ACTIONS = {
    "approve": Action.APPROVE,
    "hide": Action.HIDE,
    "spam": Action.SPAM,
    "ban": Action.BAN,
}
BAN_DAYS = (1, 7, 30)


def require_moderator(request):
    if not request.user.has_perm("comments.moderate_comment"):
        raise PermissionDenied


def queue(request):
    require_moderator(request)
    name = request.GET.get("queue", "pending")
    if name not in QUEUES:
        name = "pending"
    comments = filtered(Comment.objects.filter(QUEUES[name][1]), request.GET)
    page = Paginator(
        comments.select_related("article").order_by("-created_at", "-pk"), 50
    ).get_page(request.GET.get("p"))
    page.object_list = list(page.object_list)
    attach_report_reasons(page.object_list)
    context = {
        "queues": [(key, label, key == name) for key, (label, _q) in QUEUES.items()],
        "queue": name,
        "comments": page,
        "filters": {
            "article": request.GET.get("article", ""),
            "q": request.GET.get("q", ""),
            "reason": request.GET.get("reason", ""),
        },
        "report_reasons": ReportReason.choices,
        "ban_days": BAN_DAYS,
    }
    return render(request, "comments/admin/queue.html", context)


def row_id(value):
    """A row id typed as ASCII digits that fits the database, else None.

    str.isdigit() also takes superscripts and other scripts' digits ("²", "١"), which int()
    refuses or reads as another number.
    """
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def filtered(comments, params):
    article = row_id(params.get("article"))
    if article is not None:
        comments = comments.filter(article_id=article)
    text = params.get("q", "").strip()[:200]
    if text:
        comments = comments.filter(Q(text__icontains=text) | Q(author_name__icontains=text))
    reason = params.get("reason", "")
    if reason in ReportReason.values:
        comments = comments.filter(
            pk__in=CommentReport.objects.filter(reason=reason).values("comment")
        )
    return comments


def attach_report_reasons(comments):
    """Why readers reported each comment on the page, most given reason first (one query)."""
    tallies = {}
    rows = (
        CommentReport.objects.filter(comment__in=[comment.pk for comment in comments])
        .values("comment_id", "reason")
        .annotate(times=Count("pk"))
        .order_by("comment_id", "-times", "reason")
    )
    labels = dict(ReportReason.choices)
    for row in rows:
        tallies.setdefault(row["comment_id"], []).append((labels[row["reason"]], row["times"]))
    for comment in comments:
        comment.report_reasons = tallies.get(comment.pk, [])


@require_POST
def act(request):
    """Apply one action to the chosen comments; each gets its own audit record."""
    require_moderator(request)
    action = ACTIONS.get(request.POST.get("action", ""))
    ids = [pk for pk in map(row_id, request.POST.getlist("comment")) if pk is not None]
    if action is None or not ids:
        messages.error(request, _("Choose comments and an action."))
        return redirect(safe_next(request))
    days = row_id(request.POST.get("ban_days"))
    days = days if days in BAN_DAYS else 7
    for comment in Comment.objects.filter(pk__in=ids):
        services.apply(comment, action, moderator=request.user, ban_days=days)
    messages.success(request, _("Done: %(count)d comment(s).") % {"count": len(ids)})
    return redirect(safe_next(request))


def safe_next(request):
    """Back to the desk page the moderator came from; never anywhere outside it."""
    target = request.POST.get("next", "")
    inside = target.startswith("/admin/comments/") and "\\" not in target
    return target if inside else "comments_admin:queue"


def detail(request, comment_id):
    require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id)
    context = {
        "comment": comment,
        "actions": comment.actions.select_related("moderator"),
        "reports": comment.reports.order_by("-created_at"),
        "ban_days": BAN_DAYS,
    }
    return render(request, "comments/admin/detail.html", context)
