from django.urls import path

from samizdat import converters  # noqa: F401 (registers <id:...>)

from . import admin_views

app_name = "comments_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("act/", admin_views.act, name="act"),
    path("<id:comment_id>/", admin_views.detail, name="detail"),
]
