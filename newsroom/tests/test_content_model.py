"""What an article carries and how it shows it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from newsroom.models import ArticlePage
from testing.factories import backdate, make_article, make_image

pytestmark = pytest.mark.django_db


def test_publication_date_set_by_editors_overrides_first_publication(homes):
    article = make_article()
    chosen = timezone.now() - timedelta(days=3)
    article.publication_date = chosen
    article.save()
    assert article.published_at == chosen


def test_all_news_sorts_by_the_date_readers_see(client, homes):
    older = make_article(title="Старая навіна")
    newer = make_article(title="Новая навіна")
    # An editor moves the older story's date forward and publishes: it now leads the list.
    older.refresh_from_db()
    older.publication_date = timezone.now() + timedelta(minutes=1)
    older.save_revision().publish()
    html = client.get("/be/news/").content.decode()
    assert html.index(older.title) < html.index(newer.title)


def test_updated_time_shows_only_after_a_later_edit(client, homes):
    article = make_article()
    assert article.updated_at is None
    assert "Абноўлена" not in client.get(article.url).content.decode()
    backdate(article, timezone.now() - timedelta(hours=2))
    article.lede = "Удакладнены першы абзац."
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.updated_at is not None
    assert "Абноўлена" in client.get(article.url).content.decode()


def test_caption_and_credit_fall_back_to_the_images_own(homes):
    image = make_image(credit="Photo: Agency via AP", caption="Плошча")
    article = make_article(image=image)
    assert (article.caption, article.credit) == ("Плошча", "Photo: Agency via AP")
    article.lead_caption, article.lead_credit = "Іншы подпіс", "Collage: Newsroom"
    assert (article.caption, article.credit) == ("Іншы подпіс", "Collage: Newsroom")


def test_photos_render_responsive_with_size_and_credit(client, homes):
    lead = make_image(title="Lead", size=(1600, 900), credit="Photo: Newsroom")
    inline = make_image(title="Inline", size=(1200, 800), credit="Photo: Reader")
    body = [
        ("paragraph", RichText("<p>Тэкст.</p>")),
        ("photo", {"image": inline, "caption": "Мост", "credit": ""}),
        ("quote", {"text": "Мы застаемся.", "attribution": "Жыхарка Брэста"}),
        ("subheading", "Што далей"),
    ]
    article = make_article(image=lead, body=body)
    html = client.get(article.url).content.decode()
    assert 'type="image/webp"' in html
    assert "srcset=" in html and 'width="480"' in html and 'height="270"' in html
    assert 'fetchpriority="high"' in html
    assert html.count('loading="lazy"') >= 1
    assert "Photo: Reader" in html and "Мост" in html
    assert "<blockquote>Мы застаемся.</blockquote>" in html
    assert "— Жыхарка Брэста" in html
    assert '<h2 class="subheading">Што далей</h2>' in html


def test_embed_renders_as_a_link_without_third_party_code(client, homes):
    body = [("embed", {"url": "https://video.example.org/v/1", "title": "Відэа", "provider": "X"})]
    article = make_article(body=body)
    html = client.get(article.url).content.decode()
    assert 'href="https://video.example.org/v/1"' in html
    assert "<iframe" not in html
    embed = html[html.index('class="embed-link"') :]
    assert "<script" not in embed[: embed.index("</aside>")]
    assert all(src.startswith("/static/") for src in re.findall(r'<script[^>]*src="([^"]*)"', html))


def test_cyrillic_slug_from_the_admin_becomes_latin(homes):
    article = make_article(title="Мітынг у Мінску")
    article.slug = "мітынг-у-мінску"
    article.full_clean()
    assert article.slug == "mitynh-u-minsku"


def test_main_page_leads_with_the_newest_story_and_lists_sections(client, homes):
    make_article(title="Учорашняя навіна", section_slug="culture")
    backdate(ArticlePage.objects.get(), timezone.now() - timedelta(days=1))
    make_article(title="Галоўная навіна", image=make_image(size=(1600, 900)))
    html = client.get("/be/").content.decode()
    lead = html[html.index("front__lead") : html.index("front__latest")]
    assert "Галоўная навіна" in lead
    assert "Учорашняя навіна" in html[html.index("section-block") :]
