"""The article a comment is posted to, and its discussion switches, read in one statement.

Every post reads them. Through the ORM the article alone cost 2 ms of CPU on this machine
(the query built for a page with thirty columns and three tables, then the page object),
against 0.16 ms to send the same query, and the switches another 0.6 ms in a second round
trip. Posting needs a few columns of them, so the statement is written once here, as
newsroom.models.refresh_between_publications is for renders, and the page is built with
Django's from_db from those columns; any other field is loaded if something asks for it.
"""

from django.db import connection
from wagtail.models import Locale, Page

from newsroom import lookups
from newsroom.models import ArticlePage, aware

from .models import DiscussionSwitch

# The page's own columns posting reads: the id, the tree path (view restrictions), the URL
# path and content type (the purges), the dates (closing after N days), the section (its
# switches) and the title (the page a post without JavaScript gets back names it).
PAGE_FIELDS = (
    "id", "path", "depth", "url_path", "content_type_id", "locale_id", "first_published_at",
    "live", "title",
)  # fmt: skip
ARTICLE_FIELDS = ("page_ptr_id", "section_id", "publication_date")
DATES = ("first_published_at", "publication_date")


def live_article(article_id):
    """The live, public article with this id, its locale and switches set; else None."""
    with connection.cursor() as cursor:
        cursor.execute(statement(), [article_id])
        row = cursor.fetchone()
    if row is None:
        return None
    *columns, language, closed, premoderated = row
    values = dict(zip(PAGE_FIELDS + ARTICLE_FIELDS, columns, strict=True))
    if lookups.is_restricted(values["path"]):
        return None  # a private section's article, as ArticlePage.objects.published() has it
    for name in DATES:
        values[name] = aware(values[name])
    return article_from(values, language, closed, premoderated)


def article_from(values, language, closed, premoderated):
    loaded = [field for field in ArticlePage._meta.concrete_fields if field.attname in values]
    article = ArticlePage.from_db(
        connection.alias,
        [field.attname for field in loaded],
        [values[field.attname] for field in loaded],
    )
    article.locale = Locale.from_db(
        connection.alias, ["id", "language_code"], [values["locale_id"], language]
    )
    # As comments.pipeline.discussion_switches gives them: any switch on counts.
    article._discussion_switches = [
        {"comments_closed": bool(closed), "premoderated": bool(premoderated)}
    ]
    return article


def statement():
    """The models' own table and column names; the id is the one parameter."""
    quote = connection.ops.quote_name
    page, article = Page._meta, ArticlePage._meta
    locale, switch = Locale._meta, DiscussionSwitch._meta

    def page_column(name):
        return f"p.{quote(page.get_field(name.removesuffix('_id')).column)}"

    def article_column(name):
        return f"a.{quote(article.get_field(name.removesuffix('_id')).column)}"

    columns = [*map(page_column, PAGE_FIELDS), *map(article_column, ARTICLE_FIELDS)]
    on = f"s.{quote(switch.get_field('page').column)} IN ({page_column('id')}, "
    on += f"{article_column('section_id')})"

    def any_switch(flag):
        return (
            f"EXISTS (SELECT 1 FROM {quote(switch.db_table)} s"  # noqa: S608
            f" WHERE {on} AND s.{quote(switch.get_field(flag).column)})"
        )

    article_id, page_id = f"a.{quote(article.pk.column)}", f"p.{quote(page.pk.column)}"
    return (
        f"SELECT {', '.join(columns)}, l.{quote(locale.get_field('language_code').column)},"  # noqa: S608
        f" {any_switch('comments_closed')}, {any_switch('premoderated')}"
        f" FROM {quote(article.db_table)} a"
        f" JOIN {quote(page.db_table)} p ON {page_id} = {article_id}"
        f" JOIN {quote(locale.db_table)} l"
        f" ON l.{quote(locale.pk.column)} = {page_column('locale_id')}"
        f" WHERE {article_id} = %s AND {page_column('live')}"
    )
