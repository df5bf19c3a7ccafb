"""Places in newsroom's templates that other capabilities fill, without newsroom knowing them.

An app registers a Wagtail hook named `newsroom_slot_<name>`: a function that takes the
template context (a dict) and returns HTML it has rendered itself, usually with
render_to_string, so it is already escaped. Comments, readership and corrections plug into
the pages this way, so dependencies keep pointing one way (DESIGN.md).

Slots: head (end of <head>), body_end, article_end (under the article body), article_aside
(top of the article's side column), home_aside (the main page's side column), footer
(the site footer of every page), headline_mark (before a headline in lists and
teasers; the context's `article` is the story listed), reach_end (the end of the lite
pages and of "If we are blocked").
"""

import hashlib

from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail import hooks

from samizdat import caching

from . import lookups


def render_slot(name, context):
    parts = [fragment(context) for fragment in hooks.get_hooks(f"newsroom_slot_{name}")]
    # Fragments come from our own apps' templates, which escape what readers typed.
    return mark_safe("".join(str(part) for part in parts if part))  # noqa: S308


def kept_html(context, name, values, build, layer=caching.FRAGMENTS):
    """What build() renders, kept until the next publication: {% kept_fragment %}'s store.

    Keyed by the name, the values and the language, in the current generation
    (samizdat.caching.FRAGMENTS), so after its first render in a process it is a lookup in
    that process's memory. For HTML that nothing but a publication changes (no comment
    counts, comments, likes or corrections); what differs between sites must be among the
    values. Previews render afresh. An article's own parts go to caching.ARTICLE_PARTS,
    which other articles' publications leave: their values must name its live revision.
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return build()
    values = [*map(str, values), translation.get_language() or ""]
    digest = hashlib.blake2b("\x1f".join(values).encode(), digest_size=16).hexdigest()
    return caching.remember(layer, f"fragment:{name}:{digest}", build)


def site_id(request):
    site = lookups.site_for(request) if request is not None else None
    return site.pk if site is not None else 0
