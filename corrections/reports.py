"""Filing a typo report: check it against the article, then store or merge it."""

import hashlib
import html
import re
import unicodedata

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from samizdat.guard import Refused

from .models import CONTEXT_MAX, FRAGMENT_MAX, REMARK_MAX, TypoReport

# A tag-like run such as "<b" or "</" or "<!--"; "a < b" in a remark stays allowed.
TAG = re.compile(r"<\s*[/!?a-zA-Z]")
# Whitespace and soft hyphens differ between a browser's selection and the stored text.
INVISIBLE = re.compile(r"[\s\u00ad\u200b]+")
SPACES = re.compile(r"\s+")
# The same reader sending the same report again within this time does not raise its count.
REPEAT_WINDOW = 24 * 3600


def squash(text):
    """Text reduced to what a selection and the page always agree on."""
    return INVISIBLE.sub("", unicodedata.normalize("NFC", text)).casefold()


def article_text(article):
    """Everything a reader can select in the article, as plain text."""
    rendered = article.body.render_as_block() if article.body else ""
    plain = [article.title, article.lede, article.caption, article.credit]
    parts = [escape(text) for text in plain] + [str(rendered)]
    # Tags become spaces so neighbouring paragraphs do not run together before squashing.
    return html.unescape(strip_tags(re.sub(r"<", " <", " ".join(parts))))


def clean(fragment, context_before, context_after, remark):
    """The report's texts trimmed and checked; raises Refused on bad input."""
    fragment = " ".join(fragment.split())
    remark = remark.strip()
    if not fragment:
        raise Refused("empty", _("Select the text with the mistake first."))
    if len(fragment) > FRAGMENT_MAX:
        raise Refused(
            "too_long",
            _("The selection is too long: select at most %(max)d characters.")
            % {"max": FRAGMENT_MAX},
        )
    if len(remark) > REMARK_MAX:
        raise Refused(
            "remark_too_long",
            _("The comment is too long: at most %(max)d characters.") % {"max": REMARK_MAX},
        )
    if TAG.search(remark):
        raise Refused("html", _("Please write the comment as plain text, without HTML."))
    # Context only helps editors find the spot; keep the part nearest the fragment.
    # The space next to the fragment is kept so the queue shows words apart.
    before = SPACES.sub(" ", context_before)[-CONTEXT_MAX:]
    after = SPACES.sub(" ", context_after)[:CONTEXT_MAX]
    return fragment, before, after, remark


def check_in_article(article, fragment):
    if squash(fragment) not in squash(article_text(article)):
        raise Refused("not_in_article", _("The selected text is not in this article's text."))


def digest_of(fragment, before, after, remark):
    joined = "\x1f".join([fragment, before, after, remark.casefold()])
    return hashlib.sha256(joined.encode()).hexdigest()


def file_report(article, client, fragment, context_before="", context_after="", remark=""):
    """Store a reader's report, or count it on the identical open one; returns the row."""
    fragment, before, after, remark = clean(fragment, context_before, context_after, remark)
    check_in_article(article, fragment)
    digest = digest_of(fragment, before, after, remark)
    # One reader pressing Send twice is one report; the key holds only the hashed client.
    first_time = cache.add(f"corrections:sent:{digest}:{client}", 1, REPEAT_WINDOW)
    report = _merge(article, digest, count_it=first_time)
    if report is not None:
        return report
    try:
        with transaction.atomic():
            return TypoReport.objects.create(
                page=article,
                language=article.locale.language_code,
                fragment=fragment,
                context_before=before,
                context_after=after,
                remark=remark,
                digest=digest,
            )
    except IntegrityError:  # an identical report was stored a moment ago by another request
        return _merge(article, digest, count_it=True)


def _merge(article, digest, count_it):
    existing = TypoReport.objects.open().filter(page=article, digest=digest)
    if count_it:
        existing.update(count=F("count") + 1, last_reported_at=timezone.now())
    return existing.first()
