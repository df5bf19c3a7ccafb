"""The next uncached render of an article shows every change to its discussion at once.

Article renders keep the page, its body and the editors' discussion settings between
publications (samizdat.caching); comments and counts must still be read afresh, and a
changed setting must not wait for the next publication. The page cache is off here.
"""

from functools import partial

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.utils import timezone

from comments import pipeline, services
from comments.models import Action, Comment, CommentPolicy, DiscussionSwitch
from testing.comments import form_post

pytestmark = pytest.mark.django_db

CLOSED = "Каментары да гэтага артыкула закрытыя."


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def read(article):
    return Client().get(article.url).content.decode()


def total(html):
    start = html.index("data-comment-total>") + len("data-comment-total>")
    return int(html[start : html.index("<", start)])


def test_a_new_comment_and_its_count_show_on_the_next_render(client, article, policy):
    assert total(read(article)) == 0
    form_post(client, article, text="Першы каментар пад навіной")
    html = read(article)
    assert "Першы каментар пад навіной" in html
    assert total(html) == 1
    link = html[html.index('class="comment-link"') :]
    link = link[: link.index("</a>")]
    assert 'aria-label="1 каментар"' in link
    assert link.endswith('<span class="comment-count__icon"></span>1</span>\n')


def test_a_hidden_comment_leaves_the_next_render(client, article, policy):
    form_post(client, article, text="Каментар, які схаваюць")
    assert "Каментар, які схаваюць" in read(article)
    services.apply(Comment.objects.get(), Action.HIDE, moderator=None)
    html = read(article)
    assert "Каментар, які схаваюць" not in html
    assert total(html) == 0


def test_a_block_rendered_under_an_older_stamp_is_never_served(article, policy):
    """A render that began before a comment changed may store its block after the new
    stamp: the block is kept with its stamp, and one of another stamp is rendered again."""
    from django.core.cache import cache

    assert "Стары блок" not in read(article)
    shown = CommentPolicy.load().shown_on_article
    key = f"discussion-block:{article.pk}:0:be:0:{shown}"
    kept_stamp, _html = cache.get(key)
    cache.set(key, (kept_stamp + "-older", "<p>Стары блок</p>"))
    assert "Стары блок" not in read(article)


def test_closing_and_reopening_a_discussion_shows_at_once(article, policy):
    assert CLOSED not in read(article)
    switch = DiscussionSwitch.objects.create(page=article, comments_closed=True)
    assert CLOSED in read(article)
    switch.delete()
    assert CLOSED not in read(article)


def test_closing_a_whole_section_shows_on_its_articles(article, policy):
    read(article)
    DiscussionSwitch.objects.create(page=article.section, comments_closed=True)
    assert CLOSED in read(article)


def test_a_policy_change_shows_at_once(client, article, policy):
    for number in range(3):
        form_post(client, article, text=f"Каментар нумар {number}")
    assert "Каментар нумар 0" in read(article)
    policy = CommentPolicy.load()
    policy.shown_on_article = 2
    policy.save()
    html = read(article)
    assert "Каментар нумар 2" in html and "Каментар нумар 0" not in html
    assert f'href="/be/comments/{article.pk}/"' in html  # "Show all 3 comments"


def test_a_comment_edited_in_place_shows_on_the_next_render(client, article, policy):
    """The rendered discussion is kept until a comment changes, even if the count does not."""
    form_post(client, article, text="Тэкст з памылкай")
    assert "Тэкст з памылкай" in read(article)
    comment = Comment.objects.get()
    comment.text = "Тэкст выпраўлены"
    comment.save()
    html = read(article)
    assert "Тэкст выпраўлены" in html and "Тэкст з памылкай" not in html


def test_each_render_of_a_kept_discussion_hands_out_its_own_form_token(article, policy):
    def token(html):
        start = html.index('name="token" value="') + len('name="token" value="')
        return html[start : html.index('"', start)]

    now = int(timezone.now().timestamp()) + 60
    with time_machine.travel(now, tick=False):
        first = token(read(article))
    with time_machine.travel(now + 30, tick=False):
        second = token(read(article))
    loads = partial(signing.loads, salt=pipeline.FORM_TOKEN_SALT)
    assert loads(first) == {"article": article.pk, "at": now}
    assert loads(second) == {"article": article.pk, "at": now + 30}
