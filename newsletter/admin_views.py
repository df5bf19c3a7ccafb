"""Editors' screens: counts per language, preview, test-send to oneself, send."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import digest, mail, sending
from .models import Issue, Kind, State, Subscriber

EDIT = "newsletter.change_issue"


@permission_required(EDIT)
def overview(request):
    counts = dict(Subscriber.objects.values_list("language").annotate(n=Count("pk")).order_by())
    context = {
        "counts": [(code, counts.get(code, 0)) for code in ("be", "ru", "en")],
        "issues": Issue.objects.all()[:50],
        "header_title": _("Newsletter"),
    }
    return render(request, "newsletter/admin/overview.html", context)


@permission_required(EDIT)
def preview(request, pk, part):
    issue = get_object_or_404(Issue, pk=pk)
    rendered = mail.render_issue(issue)
    if part == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html)


@require_POST
@permission_required(EDIT)
def test_send(request, pk):
    """The issue to the editor's own address, now, with an unsubscribe link that ends nothing."""
    issue = get_object_or_404(Issue, pk=pk)
    if not request.user.email:
        messages.error(request, _("Add an e-mail address to your account first."))
        return redirect("newsletter_admin:overview")
    nobody = Subscriber(language=issue.language, lookup="test")
    message = mail.issue_message(mail.render_issue(issue), issue, nobody, request.user.email)
    message.send()
    messages.success(
        request, _("A test copy was sent to %(email)s.") % {"email": request.user.email}
    )
    return redirect("newsletter_admin:overview")


@require_POST
@permission_required(EDIT)
def send(request, pk):
    issue = get_object_or_404(Issue, pk=pk, state=State.DRAFT)
    sending.queue_issue(issue)
    messages.success(request, _("The issue is queued: the worker is sending it."))
    return redirect("newsletter_admin:overview")


@require_POST
@permission_required(EDIT)
def most_read(request, pk):
    """Today's Most read into a draft, then the edit form, where the editor reorders."""
    issue = get_object_or_404(Issue, pk=pk, state=State.DRAFT, kind=Kind.DIGEST)
    added = digest.add_most_read(issue)
    if not added:
        messages.warning(request, _("Most read has no new articles in this language today."))
        return redirect("newsletter_admin:overview")
    text = ngettext(
        "%(count)d article from Most read was added; reorder or remove it here.",
        "%(count)d articles from Most read were added; reorder or remove them here.",
        added,
    )
    messages.success(request, text % {"count": added})
    return redirect("wagtailsnippets_newsletter_issue:edit", issue.pk)
