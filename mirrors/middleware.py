"""Onion-Location on reader pages, and CSRF origins that follow the configured hosts."""

from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.middleware import csrf

from . import hosts


class OnionLocationMiddleware:
    """Tells Tor Browser that the page it shows is also at our onion address.

    It sits above the page cache, so cached pages get it too, and a page stored under one
    host never carries a header meant for another (nor an onion address since changed).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_page(response):
            return response
        onion = onion_location_for(request)
        if onion:
            response["Onion-Location"] = onion
        else:
            # Already there: a header pointing at itself would only confuse the browser.
            del response["Onion-Location"]
        return response


def onion_location_for(request):
    """Where this page is on our onion address; None without one, or when already there."""
    onion = hosts.current().onion
    if not onion:
        return None
    try:
        host, _port = split_domain_port(request.get_host())
    except DisallowedHost:
        return None
    return None if host == onion else f"http://{onion}{request.get_full_path()}"


def is_page(response):
    redirect = 300 <= response.status_code < 400
    return not redirect and response.get("Content-Type", "").startswith("text/html")


class CsrfViewMiddleware(csrf.CsrfViewMiddleware):
    """Django's, with trusted origins read per request instead of once per process.

    A TLS-terminating CDN may pass requests on as plain HTTP; the browser's Origin then
    says https://<cdn host>, which Django trusts only when listed in CSRF_TRUSTED_ORIGINS.
    """

    def trusted_origins(self):
        from django.conf import settings

        origins = list(settings.CSRF_TRUSTED_ORIGINS)
        snapshot = hosts.current()
        origins += [f"https://{host}" for host in snapshot.hosts]
        if snapshot.onion:
            origins.append(f"http://{snapshot.onion}")
        return origins

    @property
    def csrf_trusted_origins_hosts(self):
        return [urlsplit(origin).netloc.lstrip("*") for origin in self.trusted_origins()]

    @property
    def allowed_origins_exact(self):
        return {origin for origin in self.trusted_origins() if "*" not in origin}

    @property
    def allowed_origin_subdomains(self):
        subdomains = {}
        for origin in self.trusted_origins():
            if "*" in origin:
                parsed = urlsplit(origin)
                subdomains.setdefault(parsed.scheme, []).append(parsed.netloc.lstrip("*"))
        return subdomains


def onion_location_header(request):
    """The Onion-Location header for a page-cache hit (samizdat.pagecache.add_host_header)."""
    onion = onion_location_for(request)
    return ("Onion-Location", onion) if onion else None
