"""The editors' queue of typo reports in the Wagtail admin."""

from itertools import groupby

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import TypoReport

# Enough for a busy day; older open reports show up as newer ones are resolved.
QUEUE_SIZE = 300
ACTIONS = {"fixed": TypoReport.Status.FIXED, "dismissed": TypoReport.Status.DISMISSED}


def grouped_by_article(reports):
    """[(article, [reports])], articles ordered by their newest report, as the rows come."""
    groups = {}
    for page_id, rows in groupby(reports, key=lambda report: report.page_id):
        groups.setdefault(page_id, []).extend(rows)
    return [(rows[0].page, rows) for rows in groups.values()]


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    """Open typo reports, newest first, grouped by article."""

    template_name = "corrections/admin/queue.html"
    page_title = gettext_lazy("Typo reports")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = list(
            TypoReport.objects.open()
            .newest_first()
            .select_related("page", "page__locale")[:QUEUE_SIZE]
        )
        context["groups"] = grouped_by_article(reports)
        context["open_count"] = TypoReport.objects.open().count()
        context["can_resolve"] = self.request.user.has_perm("corrections.change_typoreport")
        return context


queue = permission_required("corrections.view_typoreport")(QueueView.as_view())


@require_POST
@permission_required("corrections.change_typoreport")
def resolve(request, pk, action):
    """Mark an open report fixed or dismissed; it leaves the queue."""
    report = get_object_or_404(TypoReport.objects.open(), pk=pk)
    report.status = ACTIONS[action]
    report.resolved_at = timezone.now()
    report.resolved_by = request.user
    report.save(update_fields=["status", "resolved_at", "resolved_by"])
    done = (
        _("Marked as fixed: “%(fragment)s”.")
        if action == "fixed"
        else _("Dismissed: “%(fragment)s”.")
    )
    messages.success(request, done % {"fragment": report.fragment})
    return redirect(reverse("corrections:queue"))
