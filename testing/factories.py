"""Small builders for every app's tests: real pages published through Wagtail, people
in the site's groups, the admin's article form; nothing mocked."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.images import NewsroomImage
from newsroom.models import ArticleByline, ArticlePage, Author, NewsIndexPage, SectionPage
from newsroom.slugs import slug_for


def make_image(
    title="Photo",
    credit="Photo: Newsroom",
    caption="Плошча ў Мінску",
    size=(64, 36),
    alt="Людзі на плошчы ў Мінску",
    **texts,
):
    """A photo whose caption and alt text are Belarusian unless other languages are given."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(buffer, "JPEG")
    image = NewsroomImage(
        title=title,
        file=ImageFile(buffer, name=f"{slug_for(title, 'en')}.jpg"),
        credit=credit,
        caption_be=caption,
        alt_be=alt,
        **texts,
    )
    image.save()
    return image


def make_author(name="Ганна Лясная", language="be", **fields):
    author = Author(name=name, locale=Locale.objects.get(language_code=language), **fields)
    author.save()
    return author


def news_index(language="be"):
    return NewsIndexPage.objects.get(locale__language_code=language)


def section(slug="politics", language="be"):
    return SectionPage.objects.get(slug=slug, locale__language_code=language)


def make_article(
    title="Навіна дня",
    language="be",
    lede="Першы абзац.",
    published_at=None,
    section_slug="politics",
    authors=(),
    image=None,
    body=None,
    publish=True,
):
    """An article filed under All news of a language, published (and backdated) if asked."""
    article = ArticlePage(
        title=title,
        slug=slug_for(title, language),
        lede=lede,
        lead_image=image,
        section=section(section_slug, language) if section_slug else None,
        body=body or [("paragraph", RichText("<p>Тэкст артыкула.</p>"))],
        live=False,
    )
    for author in authors:
        # An author alone wrote the text; (author, role) names another part they had.
        author, role = author if isinstance(author, tuple) else (author, "text")
        article.bylines.add(ArticleByline(author=author, role=role))
    news_index(language).add_child(instance=article)
    if publish:
        article.save_revision().publish()
        if published_at is not None:
            backdate(article, published_at)
    return article


def backdate(article, when):
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=when, last_published_at=when, sort_date=when
    )
    article.refresh_from_db()


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def translate_article(article, language, title, lede="Lede."):
    copy = article.copy_for_translation(Locale.objects.get(language_code=language))
    copy.title = title
    copy.slug = slug_for(title, language)
    copy.lede = lede
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def member_of(group_name, username):
    """A user in one of the site's groups (Editors, Moderators, ...)."""
    user = User.objects.create_user(username, password="pass-for-tests-only")  # noqa: S106
    user.groups.add(Group.objects.get(name=group_name))
    return user


def article_form(title, **extra):
    """What the admin's article form posts for a new article in Society."""
    data = {
        "title": title,
        "slug": "",
        "lede": "Першы абзац ліда.",
        "body": streamfield([("paragraph", rich_text("<p>Тэкст.</p>"))]),
        "bylines": inline_formset([]),
        "section": section("society").pk,
        "tags": "",
    }
    data.update(extra)
    return nested_form_data(data)
