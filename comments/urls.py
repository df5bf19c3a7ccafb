from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<int:article_id>/", views.all_comments, name="all"),
    path("<int:article_id>/post/", views.post_comment, name="post"),
    path("report/<int:comment_id>/", views.report, name="report"),
]
