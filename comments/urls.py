from django.urls import path

from samizdat import converters  # noqa: F401 (registers <id:...>)

from . import views

app_name = "comments"

urlpatterns = [
    path("<id:article_id>/", views.all_comments, name="all"),
    path("<id:article_id>/post/", views.post_comment, name="post"),
    path("report/<id:comment_id>/", views.report, name="report"),
]
