"""Every change readers must see empties the page cache and, when one is configured, the
caching proxy in front (a real HTTP server here, receiving Wagtail's PURGE requests)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import services
from comments.models import Action, Comment
from corrections.models import Correction
from samizdat import caching, cdn, queue
from testing.comments import form_post
from testing.factories import make_article, news_index
from testing.purges import sent

# Comments may be posted at once (no waiting time): comments' policy fixture.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("policy")]


@pytest.fixture
def article(homes):
    return make_article(title="Навіна пад кэшам")


def cached(url):
    """Read a page twice; the second read must come from the page cache."""
    Client().get(url)
    response = Client().get(url)
    assert response.get("X-Page-Cache") == "hit", url
    return response


def fresh(url):
    return Client().get(url)


def test_publishing_purges_the_article_its_lists_feeds_and_sitemaps(
    article, proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Новы загаловак"
        article.save_revision().publish()
    assert proxy == [], "nothing is sent while the editor waits"
    purged = {path for host, path in sent(proxy) if host == "news.example.org"}
    assert {
        article.url,
        "/be/",
        "/be/news/",
        "/be/politics/",
        "/be/feed/",
        "/be/politics/feed/",
        "/sitemap.xml",
        "/news-sitemap.xml",
    } <= purged


def test_purges_reach_every_host_readers_used(
    article, proxy, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net"]
    Client(headers={"host": "mirror.example.net"}).get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert ("mirror.example.net", article.url) in sent(proxy)
    assert ("news.example.org", article.url) in proxy


def test_no_proxy_configured_sends_nothing(
    article, proxy, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}  # the recording proxy listens, but nobody names it
    cached(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Без проксі"
        article.save_revision().publish()
        services.announce_change(article.pk)
    assert sent(proxy) == []
    assert "Без проксі" in fresh(article.url).content.decode()  # our own cache was purged


def test_moving_an_article_purges_lists(article, homes):
    cached("/be/news/")
    target = news_index("be")
    article.move(target, pos="last-child")
    assert "X-Page-Cache" not in fresh("/be/news/")


def test_deleting_an_article_purges_it_and_its_lists(
    article, proxy, django_capture_on_commit_callbacks
):
    url = article.url
    cached(url)
    cached("/be/")
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert fresh(url).status_code == 404
    assert "Навіна пад кэшам" not in fresh("/be/").content.decode()
    assert {("news.example.org", url), ("news.example.org", "/be/")} <= set(sent(proxy))


def test_moderated_comment_leaves_the_cached_page(
    article, proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        form_post(Client(), article, text="Каментар, які схаваюць")
    assert "Каментар, які схаваюць" in cached(article.url).content.decode()
    sent(proxy).clear()
    moderator = User.objects.create_user("moderator", password="pass-for-tests-only")
    comment = Comment.objects.get(text="Каментар, які схаваюць")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(comment, Action.HIDE, moderator)
    assert "Каментар, які схаваюць" not in fresh(article.url).content.decode()
    assert ("news.example.org", article.url) in sent(proxy)


def test_new_correction_leaves_the_cached_page(article, proxy, django_capture_on_commit_callbacks):
    cached(article.url)
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Correction.objects.create(article=article, text="Раней мы памылкова назвалі дату.")
    assert "Раней мы памылкова назвалі дату." in fresh(article.url).content.decode()
    assert ("news.example.org", article.url) in sent(proxy)


def test_a_copy_rendered_while_a_comment_was_hidden_is_not_kept(
    article, monkeypatch, django_capture_on_commit_callbacks
):
    """A render that read the comments before the hide was committed, and is stored after
    the purge, would bring the comment back for the page's whole cache time."""
    from samizdat import pagecache

    with django_capture_on_commit_callbacks(execute=True):
        form_post(Client(), article, text="Каментар, які схаваюць падчас рэндэру")
    comment = Comment.objects.get(text="Каментар, які схаваюць падчас рэндэру")
    moderator = User.objects.create_user("moderator", password="pass-for-tests-only")
    real_render = pagecache.PageCacheMiddleware.render

    def render_while_a_moderator_hides(middleware, request, key):
        def get_response(request):
            response = middleware.get_response(request)  # read before the hide
            with django_capture_on_commit_callbacks(execute=True):
                services.apply(comment, Action.HIDE, moderator)
            return response

        return real_render(pagecache.PageCacheMiddleware(get_response), request, key)

    monkeypatch.setattr(pagecache.PageCacheMiddleware, "render", render_while_a_moderator_hides)
    assert comment.text in fresh(article.url).content.decode()  # asked before the hide
    monkeypatch.undo()
    assert comment.text not in fresh(article.url).content.decode()


def test_a_publication_starts_a_new_generation_again_once_committed(
    article, django_capture_on_commit_callbacks
):
    """Another process may read the new generation before the publication is committed and
    render the old rows under it; the generation moves on again after the commit."""

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Загаловак пасля публікацыі"
        article.save_revision().publish()
        before_the_commit = caching.generation()
    assert caching.generation() != before_the_commit


def test_changes_while_a_purge_waits_in_the_queue_are_sent_with_it(
    article, proxy, django_capture_on_commit_callbacks
):
    texts = ("Першы каментар", "Другі каментар", "Трэці каментар", "Чацвёрты каментар")
    readers = [Client(REMOTE_ADDR=f"198.51.100.{number}") for number in range(4)]
    for reader, text in zip(readers[:3], texts, strict=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert form_post(reader, article, text=text).status_code == 201
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert sent(proxy).count(("news.example.org", article.url)) == 1
    # Once the worker has begun it, a change needs a purge of its own.
    with django_capture_on_commit_callbacks(execute=True):
        assert form_post(readers[3], article, text=texts[3]).status_code == 201
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert sent(proxy).count(("news.example.org", article.url)) == 2
    assert Comment.objects.filter(article=article).count() == 4


def test_a_purge_is_queued_when_the_cache_cannot_tell_whether_one_waits(
    article, proxy, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(cdn.cache, "add", lambda *args, **kwargs: None)  # Redis unreachable
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.announce_change(article.pk)
    assert DBTaskResult.objects.filter(status="READY").count() == 2


def test_a_purge_the_proxy_refuses_is_sent_again_later(
    article, proxy, django_capture_on_commit_callbacks
):
    proxy.server.refusals = 10**6  # every purge refused
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert sent(proxy) == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now(), "the refused purges wait for their retry"

    proxy.server.refusals = 0  # the proxy is back
    with time_machine.travel(timezone.now() + timedelta(seconds=queue.RETRY_DELAYS[0] + 1)):
        assert ("news.example.org", article.url) in sent(proxy)


def test_a_proxy_that_never_answers_costs_the_worker_one_timeout_per_purge(
    article, proxy, settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_CACHE_PURGE_TIMEOUT = 0.05
    proxy.server.hang.set()
    with django_capture_on_commit_callbacks(execute=True):
        services.announce_change(article.pk)
    assert sent(proxy) == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now(), "given up on for now, tried again later"
