"""Text left in another language on an article: the check editors see before publishing.

A translated copy starts as the source article word for word, so a translator who changes
the headline and forgets a paragraph publishes Belarusian under an English headline.
Pull quotes are not checked: a quotation is often kept in the language it was spoken in.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import Panel

from .languages import detect_language, language_name

CHECKED_BLOCKS = {"paragraph", "subheading", "photo", "gallery"}


def passages(article):
    """(where, text) for each part of the article a reader reads as its own language."""
    yield _("Headline"), article.title
    yield _("Lede"), article.lede
    # A caption typed on the page is copied into every translation with the rest.
    yield _("Lead photo"), article.lead_caption
    for number, block in enumerate(article.body, start=1):
        if block.block_type not in CHECKED_BLOCKS:
            continue
        value = block.value
        if block.block_type == "paragraph":
            text = strip_tags(value.source)
        elif block.block_type == "subheading":
            text = value
        else:
            text = value.get("caption") or ""
        yield _("Body, block %(number)d") % {"number": number}, text


def foreign_passages(article):
    """Parts of the article clearly written in a language other than the article's own."""
    own = article.language_code
    found = []
    for where, text in passages(article):
        language = detect_language(text)
        if language is not None and language != own:
            found.append(
                {
                    "where": where,
                    "language": language_name(language),
                    "excerpt": Truncator(text).words(8),
                }
            )
    return found


def warning_for(article):
    """The message an editor gets on saving, or None when every part reads right."""
    found = foreign_passages(article)
    if not found:
        return None
    places = ", ".join(f"{item['where']} ({item['language']})" for item in found)
    message = ngettext(
        "This article is in %(language)s, but one part seems to be in another language: "
        "%(places)s. Translate it before publishing.",
        "This article is in %(language)s, but %(count)d parts seem to be in another language: "
        "%(places)s. Translate them before publishing.",
        len(found),
    )
    return message % {
        "language": language_name(article.language_code),
        "count": len(found),
        "places": places,
    }


class LanguageCheckPanel(Panel):
    """A notice at the top of the article form: which parts are not in the article's language."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/admin/language_check.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            article = self.instance
            checked = bool(article.title or article.lede)
            context["checked"] = checked
            context["passages"] = foreign_passages(article) if checked else []
            context["language"] = language_name(article.language_code)
            return context
