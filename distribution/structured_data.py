"""Canonical link, JSON-LD NewsArticle, Open Graph and Twitter card tags for article pages."""

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from newsroom.models import BylineRole
from samizdat import caching

from .canonical import canonical_url

JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
SOCIAL_IMAGE = "fill-1200x630|format-jpeg"


def ld_json(data):
    """JSON that cannot close its <script> element, whatever an editor typed."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def people(authors):
    """schema.org Persons, each with the address of their author page when it has one."""
    return [
        {
            "@type": "Person",
            "name": author.name,
            **({"url": canonical_url(author.url)} if author.url else {}),
        }
        for author in authors
    ]


def news_article(article, image_url):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lede,
        "inLanguage": article.locale.language_code,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (article.last_published_at or article.published_at).isoformat()
        if article.published_at
        else None,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url(article.url)},
        "author": people(article.byline_authors),
        "translator": people(article.byline_people(BylineRole.TRANSLATION)) or None,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.WAGTAIL_SITE_NAME,
            "logo": {"@type": "ImageObject", "url": canonical_url(settings.PUBLISHER_LOGO)},
        },
    }
    if image_url:
        data["image"] = [image_url]
    # Other apps add what they own (corrections add `correction`), without us knowing them.
    for contribute in hooks.get_hooks("distribution_news_article"):
        contribute(article, data)
    return {key: value for key, value in data.items() if value is not None}


def social_image(article):
    if not article.lead_image_id:
        return None
    # Remembered until the next publication or photo edit: looking the rendition up cost a
    # query per render once the article's photos come from the fragment cache.
    return caching.remember(
        caching.ARTICLE_PARTS,
        f"social-image:{article.lead_image_id}",
        lambda: canonical_url(rendition_of_lead_image(article, SOCIAL_IMAGE).url),
    )


def rendition_of_lead_image(article, spec):
    # The article's photos' renditions are read in one query for the whole render (the
    # body's come later), so the head costs none of its own.
    if hasattr(article, "prefetch_renditions"):
        article.prefetch_renditions()
    return article.lead_image.get_rendition(spec)


def head_tags(page):
    tags = [format_html('<link rel="canonical" href="{}">', canonical_url(page.url))]
    if not hasattr(page, "lede"):
        return mark_safe("".join(tags))  # noqa: S308
    image = social_image(page)
    tags.append(ld_json(news_article(page, image)))
    meta = [
        ("og:type", "article"),
        ("og:title", page.title),
        ("og:description", page.lede),
        ("og:url", canonical_url(page.url)),
        ("og:site_name", settings.WAGTAIL_SITE_NAME),
        ("og:locale", page.locale.language_code),
        ("og:image", image),
        ("og:image:alt", page.lead_alt if image else None),
        ("article:published_time", page.published_at.isoformat() if page.published_at else None),
    ]
    tags += [format_html('<meta property="{}" content="{}">', k, v) for k, v in meta if v]
    tags.append(
        format_html(
            '<meta name="twitter:card" content="{}">', "summary_large_image" if image else "summary"
        )
    )
    tags.append(format_html('<meta name="twitter:title" content="{}">', page.title))
    tags.append(format_html('<meta name="twitter:description" content="{}">', page.lede))
    if image:
        tags.append(format_html('<meta name="twitter:image" content="{}">', image))
        if page.lead_alt:
            tags.append(format_html('<meta name="twitter:image:alt" content="{}">', page.lead_alt))
    return mark_safe("\n".join(str(tag) for tag in tags))  # noqa: S308
