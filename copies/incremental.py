"""Which pages an export can keep from the previous one in the same folder.

An article page shows its own article only (the site-wide "Latest news" is left out of
copies), so it changes when the article, its comments, corrections or translations do
(copies.changes). Everything else (main pages, lists, sections, feeds, sitemaps) shows the
newest articles and is rendered every time; so are the articles that changed since the last
export began. What the change log cannot see (a template, an author's name, a section's
title) is caught by a whole export once a day, or at once with `export_static --full`.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.utils import timezone

from . import changes

STATE = ".export-state.json"
# Raised when what a page's record holds changes (2: its authors' pages).
VERSION = 2
# A change committed just before the last export began may not have been visible to it.
OVERLAP = timedelta(minutes=10)
WHOLE_EXPORT_EVERY = timedelta(days=1)


@dataclass
class Plan:
    started: datetime
    articles: dict  # path -> article id, every live article page and lite page
    since: datetime | None = None  # None: render everything
    whole_at: datetime | None = None  # when the folder last had every page rendered
    kept: dict = field(default_factory=dict)  # path -> the previous export's record of it
    left_out: set = field(default_factory=set)  # unchanged articles with no page to keep

    @property
    def whole(self):
        return self.since is None

    def keeps(self, path):
        return path in self.kept

    def article(self, path):
        return self.articles.get(path)


def plan(outdir, languages, previous_files, since=None, full=False):
    """What to render: `since` given keeps older articles' pages (and leaves out those the
    folder does not have); otherwise the previous export's start is used, when there is one
    and the folder's last whole export is recent."""
    started = timezone.now()
    state = read_state(outdir)
    plan = Plan(started, changes.article_urls(languages))
    # A folder written by an older export records less about its pages: render it all.
    whole_at = parse_time(state.get("whole_at")) if state.get("version") == VERSION else None
    explicit = since is not None
    if not explicit and not full and whole_at and started - whole_at < WHOLE_EXPORT_EVERY:
        since = parse_time(state.get("started"))
        since = since - OVERLAP if since else None
    if full or since is None:
        plan.whole_at = started
        return plan
    plan.since, plan.whole_at = since, whole_at
    changed = changes.changed_articles(since)
    for path, record in state.get("pages", {}).items():
        unchanged = plan.articles.get(path) == record["a"] and record["a"] not in changed
        name = record["f"]
        if unchanged and name in previous_files and (Path(outdir) / name).is_file():
            plan.kept[path] = record
    if explicit:
        plan.left_out = {
            path
            for path, pk in plan.articles.items()
            if pk not in changed and path not in plan.kept
        }
    return plan


def parse_time(text):
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def read_state(outdir):
    try:
        return json.loads((Path(outdir) / STATE).read_text())
    except (OSError, ValueError):
        return {}


def state(plan, pages):
    """What the next export needs to know; `pages`: path -> {"f": file, "a": id, "d": deps}."""
    return {
        "started": plan.started.isoformat(),
        "whole_at": plan.whole_at.isoformat() if plan.whole_at else None,
        "pages": pages,
        "version": VERSION,
    }
