"""POST /api/corrections/reports: a reader's typo report, sent from a cached article page.

Size, origin, content type, the body's shape and the article are checked by the one guard
every write endpoint shares (samizdat.guard); what is left here is the report itself.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status

from newsroom.models import ArticlePage
from privacy.clients import client_hash
from privacy.limits import too_many
from samizdat import guard
from samizdat.apitypes import Error, Id

from .reports import file_report

router = Router(tags=["corrections"])

# Generous for the longest valid report in Cyrillic with every character JSON-escaped.
MAX_BODY = 16 * 1024
# A reader finds a few typos in a sitting; a flood is cut off well before it matters.
RATES = ["6/m", "60/d"]


class ReportIn(guard.Body):
    fragment: str
    context_before: str = ""
    context_after: str = ""
    remark: str = ""
    page_id: Id


class ReportOut(Schema):
    message: str


@router.post(
    "/reports",
    response=guard.responses({201: ReportOut, 429: Error, 503: Error}),
    summary="Report a typo in an article",
    openapi_extra=guard.documented(
        ReportIn,
        max_body=MAX_BODY,
        notes={
            400: "`empty`, `too_long`, `remark_too_long`, `html`, `not_in_article`: the "
            "report itself is not acceptable (the message says why)."
        },
    ),
)
def report_typo(request):
    """Store a reader's typo report for the editors' queue."""
    try:
        article, payload = accept(request)
    except guard.Refused as refusal:
        return refusal.reply()
    # The reader reads the article in its language; answer in it whatever the browser says.
    with translation.override(article.locale.language_code):
        try:
            file_report(
                article,
                client_hash(request, "corrections"),
                payload.fragment,
                payload.context_before,
                payload.context_after,
                payload.remark,
            )
        except guard.Refused as refusal:
            return refusal.reply()
        return Status(201, {"message": _("Thank you! The editors will take a look.")})


def accept(request):
    """The article and the parsed body, after the guard and the rate limits."""
    payload = guard.admit(request, ReportIn, max_body=MAX_BODY)
    if any(too_many(request, "corrections", rate) for rate in RATES):
        raise guard.Refused(
            "too_many", gettext_lazy("Too many reports at once. Please try again later."), 429
        )
    article = ArticlePage.objects.published().filter(pk=payload.page_id).first()
    return guard.found(article), payload
