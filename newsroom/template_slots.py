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

from django.utils.safestring import mark_safe
from wagtail import hooks


def render_slot(name, context):
    parts = [fragment(context) for fragment in hooks.get_hooks(f"newsroom_slot_{name}")]
    # Fragments come from our own apps' templates, which escape what readers typed.
    return mark_safe("".join(str(part) for part in parts if part))  # noqa: S308
