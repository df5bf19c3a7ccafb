from datetime import timedelta

from django.utils import timezone

from samizdat.jobs import register

from .models import TypoReport

# A resolved report has done its job; its remark may still say something about the reader.
RESOLVED_KEPT = timedelta(days=30)


@register("forget_resolved_typo_reports", interval=3600)
def forget_resolved_reports(now=None):
    """Delete reports resolved more than RESOLVED_KEPT ago; returns how many went."""
    cutoff = (now or timezone.now()) - RESOLVED_KEPT
    deleted, _ = (
        TypoReport.objects.exclude(status=TypoReport.Status.OPEN)
        .filter(resolved_at__lt=cutoff)
        .delete()
    )
    return deleted
