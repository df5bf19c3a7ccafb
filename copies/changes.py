"""What an incremental export needs to know from the newsroom: which URLs are article pages
(the bulk of a copy, each showing only its own article) and which articles changed since a
time, so only those are rendered again."""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageLogEntry

from comments.models import Comment, ModerationAction
from corrections.models import Correction
from newsroom.models import ArticlePage


def article_urls(languages):
    """{path: article id} for every live article's page and its lite page."""
    roots = {
        page.url_path: page.get_url_parts(None)[2]
        for page in Page.objects.live().filter(depth=2)
        if page.get_url_parts(None)
    }
    urls = {}
    articles = ArticlePage.objects.live().filter(locale__language_code__in=languages)
    for pk, url_path, slug, language in articles.values_list(
        "pk", "url_path", "slug", "locale__language_code"
    ).iterator(chunk_size=5000):
        root = "/" + url_path.split("/")[1] + "/"
        if root not in roots:
            continue  # not under a site: readers cannot reach it either
        urls[roots[root] + url_path[len(root) :]] = pk
        with translation.override(language):
            urls[reverse("lite:article", args=[slug])] = pk
    return urls


def changed_articles(since):
    """Ids of the articles whose pages may differ from what they were at `since`."""
    ids = set(ArticlePage.objects.filter(last_published_at__gt=since).values_list("pk", flat=True))
    # Publishing, unpublishing, moving, renaming: Wagtail logs each with its time.
    ids |= set(PageLogEntry.objects.filter(timestamp__gt=since).values_list("page_id", flat=True))
    ids |= set(Comment.objects.filter(created_at__gt=since).values_list("article_id", flat=True))
    ids |= set(
        ModerationAction.objects.filter(created_at__gt=since).values_list(
            "comment__article_id", flat=True
        )
    )
    ids |= set(
        Correction.objects.filter(published_at__gt=since).values_list("article_id", flat=True)
    )
    # An article's page links its translations: a new or withdrawn one changes it.
    keys = ArticlePage.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
    ids |= set(ArticlePage.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    return ids
