"""Subscribe, confirm and one-click unsubscribe, without JavaScript, in three languages.

Forms are posted from cached pages that carry no CSRF token, so a POST to subscribe must
come from our own pages (samizdat.guard explains the check). Every answer to a valid
request is the same whether or not the address was subscribed, so no one can probe the list.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from privacy.limits import too_many
from samizdat.guard import from_our_pages

from . import sealing, tasks
from .forms import SubscribeForm
from .models import Subscriber

MAX_BODY = 4 * 1024


def answer(request, template, status=200, **context):
    return render(request, f"newsletter/{template}.html", context, status=status)


@csrf_exempt  # protected by from_our_pages (samizdat.guard)
@require_http_methods(["GET", "POST"])
@never_cache
def subscribe(request):
    if request.method == "GET":
        return answer(request, "subscribe", form=SubscribeForm())
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        return answer(request, "subscribe", 413, form=SubscribeForm(), error=_("Too long."))
    if not from_our_pages(request):
        error = _("Please subscribe from our page.")
        return answer(request, "subscribe", 403, form=SubscribeForm(), error=error)
    if too_many(request, "newsletter", settings.NEWSLETTER_SUBSCRIBE_RATE):
        error = _("Too many requests from you. Please try again in a moment.")
        return answer(request, "subscribe", 429, form=SubscribeForm(), error=error)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return answer(request, "subscribe", 400, form=form)
    address, language = form.cleaned_data["email"], request.LANGUAGE_CODE
    if Subscriber.objects.find(address, language) is None:
        token = sealing.confirmation_token(address, language)
        path = reverse("newsletter:confirm", args=[token])
        tasks.send_confirmation.enqueue(token, request.build_absolute_uri(path))
    return answer(request, "check_inbox")


@require_http_methods(["GET"])
@never_cache
def confirm(request, token):
    opened = sealing.open_confirmation(token, settings.NEWSLETTER_CONFIRM_DAYS * 86400)
    if opened is None:
        return answer(request, "confirmed", 400, failed=True)
    address, language = opened
    lookup = sealing.lookup(address, language)
    Subscriber.objects.get_or_create(
        lookup=lookup,
        defaults={"language": language, "sealed_address": sealing.seal(address)},
    )
    return answer(request, "confirmed")


@csrf_exempt  # RFC 8058: mail providers POST here from their own servers, with no Origin
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token):
    """GET shows one button (mail scanners open links); POST deletes the address."""
    lookup = sealing.open_unsubscribe(token)
    if lookup is None:
        return answer(request, "unsubscribe", 400, failed=True)
    if request.method == "GET":
        return answer(request, "unsubscribe", token=token)
    Subscriber.objects.filter(lookup=lookup).delete()
    return answer(request, "unsubscribe", done=True)
