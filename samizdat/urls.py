from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from analytics.urls import language_urlpatterns as analytics_pages
from distribution.urls import language_urlpatterns as language_feeds
from mirrors.urls import language_urlpatterns as mirror_pages
from newsroom import routing as newsroom_routing
from newsroom import views as newsroom_views
from samizdat.api import api

urlpatterns = [
    path("", include("distribution.urls")),
    path("", include("mirrors.urls")),
    path("", include("copies.urls")),
    path("api/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    # Django's static() helper adds nothing without DEBUG, and `make run` serves without it.
    media = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Every reader page lives under its language: /be/, /ru/, /en/. A request for "/" gets a
# 404 from the resolver, which LocaleMiddleware turns into a redirect to the reader's
# language (Accept-Language, else Belarusian).
urlpatterns += i18n_patterns(
    path("search/", newsroom_views.search, name="search"),
    path("authors/<slug:slug>/", newsroom_views.author, name="author"),
    path("comments/", include("comments.urls")),
    path("lite/live/", include("live.lite_urls")),
    path("lite/", include("lite.urls")),
    path("live/", include("live.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include(language_feeds)),
    path("", include(mirror_pages)),
    path("", include(analytics_pages)),
    path("", include(newsroom_routing)),  # Wagtail's page URLs, routes remembered
    prefix_default_language=True,
)

handler404 = "samizdat.views.page_not_found"
