"""The public "What we count" page: exactly what readership and analytics store."""

from django.shortcuts import render

from readership import clock, engagement


def what_we_count(request):
    context = {
        "cap": engagement.ENGAGED_CAP,
        "step": engagement.ENGAGED_STEP,
        "hour_days": clock.engagement_retention().days,
        "token_days": engagement.TOKEN_DAYS,
    }
    return render(request, "analytics/what_we_count.html", context)
