"""Readers post comments as a plain form and through the JSON API."""

import pytest

from comments.models import Comment, Status
from newsroom.models import ArticlePage
from testing.comments import api_post, form_post

pytestmark = pytest.mark.django_db


def count(article):
    return ArticlePage.objects.get(pk=article.pk).comment_count


def test_plain_form_post_publishes_and_counts(client, article, policy):
    response = form_post(client, article, text="Першы радок\nДругі радок", name="Жыхар Гомеля")
    assert response.status_code == 201
    assert "Дзякуй" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.status, comment.author_name) == (Status.PUBLISHED, "Жыхар Гомеля")
    assert comment.text == "Першы радок\nДругі радок"
    assert count(article) == 1
    html = client.get(article.url).content.decode()
    assert "Першы радок<br>Другі радок" in html
    assert "Жыхар Гомеля" in html
    assert '<span class="count" data-comment-total>1</span>' in html


def test_api_post_returns_the_rendered_comment(client, article, policy):
    response = api_post(client, article, name="")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "published" and data["count"] == 1
    assert "Чытач" in data["html"]  # an empty name shows as "Reader" in Belarusian


def test_long_phrase_names_are_kept_whole(client, article, policy):
    name = "Чалавек, які даўно чытае вас і верыць, што ўсё будзе добра ў Беларусі"
    form_post(client, article, name=name)
    assert Comment.objects.get().author_name == name
    assert name in client.get(article.url).content.decode()


def test_date_reads_like_27_06_2026(client, article, policy):
    form_post(client, article)
    comment = Comment.objects.get()
    html = client.get(article.url).content.decode()
    assert comment.created_at.astimezone().strftime("%d.%m.%Y") in html


def test_newest_are_shown_with_a_link_to_all(client, article, policy):
    policy.shown_on_article = 2
    policy.per_minute = policy.per_hour = 100
    policy.save()
    for number in range(3):
        form_post(client, article, text=f"Каментар нумар {number}")
    html = client.get(article.url).content.decode()
    assert "Каментар нумар 2" in html and "Каментар нумар 1" in html
    assert "Каментар нумар 0" not in html
    assert f'href="/be/comments/{article.pk}/"' in html
    full = client.get(f"/be/comments/{article.pk}/").content.decode()
    assert full.index("нумар 2") < full.index("нумар 1") < full.index("нумар 0")


@pytest.mark.parametrize("page", ["abc", "-1", "999"])
def test_all_comments_page_survives_bad_page_numbers(client, article, policy, page):
    form_post(client, article)
    assert client.get(f"/be/comments/{article.pk}/?page={page}").status_code == 200


def test_unpublished_article_takes_no_comments(client, homes, policy):
    from testing.factories import make_article

    draft = make_article(title="Чарнавік", publish=False)
    assert form_post(client, draft).status_code == 404
    assert Comment.objects.count() == 0


def test_posting_sets_no_cookie(client, article, policy):
    assert not form_post(client, article).cookies
    assert not api_post(client, article, text="Іншы тэкст").cookies
