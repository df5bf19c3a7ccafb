from django.urls import path

from . import views
from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed

# Under the language prefix: /<lang>/feed/, /<lang>/<section>/feed/ (and /atom/).
language_urlpatterns = [
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("feed/atom/", LatestArticlesAtomFeed(), name="feed_atom"),
    path("<slug:section>/feed/", LatestArticlesFeed(), name="section_feed"),
    path("<slug:section>/feed/atom/", LatestArticlesAtomFeed(), name="section_feed_atom"),
]

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
