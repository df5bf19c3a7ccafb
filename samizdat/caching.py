"""Everything the site keeps, in one place: the cache generation, what is kept under it, and
the registry of layers.

Each layer is declared once below (LAYERS): what it keeps, where (the shared cache, a
process's memory, a proxy in front), for how long, what clears it and the test that proves
the clearing. The code that keeps something reads its timeout from its layer, so the table
in docs/caching.md, which is rendered from the same declarations, cannot drift:

    python -m samizdat.caching           # print the table
    python -m samizdat.caching --write   # rewrite it in docs/caching.md

samizdat/tests/test_caching_registry.py fails when the doc's table differs from LAYERS,
when a layer names a test that does not exist, and when a module keeps something in a
cache without a layer here.

The generation is a number in the shared cache: publishing, unpublishing, moving or
deleting a page, or saving a site, locale, author, photo or view restriction, starts a new
one (newsroom.signals). Whatever is stored under a generation is unreachable from then on,
so the values remembered here (remember, store, recall) never outlive the change that made
them wrong.

The foundation is a second number, moved by all of those changes but one: an article
published at its own address. Layers declared `through_publications` keep their values
under it, so an article's own parts (keyed by its live revision) outlive the publication
of other articles; an article render reads them as one value (bundled).
"""

import contextlib
import contextvars
import pickle
import secrets
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from samizdat import rediscache

SHARED = "shared cache"
PROCESS = "process memory"
PROXY = "proxy or CDN"


@dataclass(frozen=True)
class FromSettings:
    """A timeout worked out from settings when it is used, e.g. PAGE_CACHE_SECONDS."""

    text: str
    compute: object  # settings -> seconds

    def seconds(self):
        from django.conf import settings

        return self.compute(settings)


def setting(name):
    return FromSettings(f"`{name}`", lambda settings: getattr(settings, name))


@dataclass(frozen=True)
class Layer:
    """One place something is kept. timeout None: kept without expiry (in a process: for
    its life); limit: how many entries (or bytes, limit_unit) at most."""

    name: str
    keeps: str
    where: str
    code: tuple
    timeout: object
    cleared_by: str
    tests: tuple
    limit: int | None = None
    limit_unit: str = "entries"
    # Kept under the foundation (see foundation()) rather than the generation: what an
    # article's own publication cannot change, or what its key names (the live revision).
    through_publications: bool = False

    @property
    def seconds(self):
        if isinstance(self.timeout, FromSettings):
            return self.timeout.seconds()
        return self.timeout

    def lasts(self):
        if isinstance(self.timeout, FromSettings):
            text = self.timeout.text
        elif self.timeout is None:
            text = "no expiry" if self.where != PROCESS else "the process's life"
        else:
            text = duration(self.timeout)
        if self.limit:
            text += f"; {self.limit:,} {self.limit_unit} at most"
        return text


def duration(seconds):
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds // 3600:g} h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60:g} min"
    return f"{seconds:g} s"


LAYERS = {}


def declare(name, **fields):
    if name in LAYERS:
        raise ValueError(f"cache layer {name!r} declared twice")
    LAYERS[name] = Layer(name=name, **fields)
    return LAYERS[name]


# What a Redis cache raises when it is down and not told to ignore it.
UNREACHABLE = (RedisError, ConnectionInterrupted)
# Values kept between publications: long enough to be read thousands of times; a new
# generation makes them unreachable anyway.
BETWEEN_PUBLICATIONS = 3600
# What moves the foundation: every change but the publication of an article at the same
# address (newsroom.signals).
FOUNDATION_CHANGES = (
    "saving a site, locale, author, photo, correction, view restriction or discussion setting; "
    "publishing a page that is not an article; renaming, moving, unpublishing or deleting a page"
)
NEW_GENERATION = (
    "a new generation (a publication, or a saved site, locale, author, photo or view restriction)"  # noqa: E501
)


# The shared cache (Redis, or the default SQLite cache files).

GENERATION = declare(
    "generation",
    keeps="the cache generation number (`pagecache:generation`)",
    where=SHARED,
    code=("samizdat/caching.py",),
    timeout=None,
    cleared_by="a publication or a saved site, locale, author, photo or view restriction "
    "moves it on, now and again once committed; `manage.py restore` too; a lost one restarts "
    "at a random number",
    tests=(
        "samizdat/tests/test_purges.py::test_a_publication_starts_a_new_generation_again_once_committed",
        "backups/tests/test_round_trip.py::test_a_restore_starts_a_new_cache_generation",
    ),
)
PAGES = declare(
    "pages",
    keeps="each anonymous page's bytes and headers, per host, scheme, path and query",
    where=SHARED,
    code=("samizdat/pagecache.py",),
    timeout=setting("PAGE_CACHE_SECONDS"),
    cleared_by=f"{NEW_GENERATION}; per path a new or moderated comment or a correction "
    "(`purge_path`)",
    tests=(
        "samizdat/tests/test_purges.py::test_moderated_comment_leaves_the_cached_page",
        "samizdat/tests/test_pagecache.py::test_publishing_purges_lists",
    ),
)
SPARE_COPIES = declare(
    "spare-copies",
    keeps="a page's copy served while one reader renders it anew, or while the database is down",
    where=SHARED,
    code=("samizdat/pagecache.py",),
    timeout=FromSettings(
        "`PAGE_CACHE_SECONDS` + `PAGE_CACHE_STALE_SECONDS`",
        lambda s: s.PAGE_CACHE_SECONDS + s.PAGE_CACHE_STALE_SECONDS,
    ),
    cleared_by=f"{NEW_GENERATION}; a purge that takes something away (a hidden comment)",
    tests=(
        "samizdat/tests/test_single_render.py::test_a_hidden_comment_is_never_served_again_from_a_copy",
        "samizdat/tests/test_database_down.py::test_a_purged_page_has_no_spare_copy_left",
    ),
)
PATH_VERSIONS = declare(
    "path-versions",
    keeps="each purged path's version, part of the key of every copy of it",
    where=SHARED,
    code=("samizdat/pagecache.py",),
    # Past the life of every copy stored before it: once a version is gone, 0 is current
    # again, which is safe only when every copy stored under 0 has expired.
    timeout=FromSettings(
        "2 × (`PAGE_CACHE_SECONDS` + `PAGE_CACHE_STALE_SECONDS`) + 60 s",
        lambda s: 2 * (s.PAGE_CACHE_SECONDS + s.PAGE_CACHE_STALE_SECONDS) + 60,
    ),
    cleared_by="replaced by `purge_path`; expires only after every copy made under it",
    tests=(
        "samizdat/tests/test_cache_keys.py::test_a_hidden_comment_leaves_every_copy_of_the_page",
    ),
)
RENDER_LOCKS = declare(
    "render-locks",
    keeps="who is rendering a missed page, so one reader across all processes does",
    where=SHARED,
    code=("samizdat/pagecache.py",),
    timeout=10,
    cleared_by="the render's end; a renderer that died frees it at expiry",
    tests=(
        "samizdat/tests/test_single_render.py::test_readers_arriving_at_once_after_a_publish_render_the_page_once",
    ),
)
NOT_CACHEABLE_MARKS = declare(
    "not-cacheable-marks",
    keeps='"not cacheable" in the place of a page whose last render could not be kept (a 404)',
    where=SHARED,
    code=("samizdat/pagecache.py",),
    timeout=5,
    cleared_by=f"expiry; {NEW_GENERATION}",
    tests=(
        "samizdat/tests/test_single_render.py::test_a_page_that_cannot_be_stored_is_not_queued_for",
    ),
)
PURGE_MARKS = declare(
    "purge-marks",
    keeps="a mark per purged path: a render that began before the purge keeps nothing",
    where=SHARED,
    code=("samizdat/pagecache.py",),
    timeout=300,
    cleared_by="expiry (longer than any render takes)",
    tests=(
        "samizdat/tests/test_purges.py::test_a_copy_rendered_while_a_comment_was_hidden_is_not_kept",
    ),
)
SITE_LOOKUPS = declare(
    "site-lookups",
    keeps="the site per host, view restrictions, page URLs, the navigation, the switcher's "
    "links, main page layouts, the latest articles, authors, bylines, tags, head tags, open "
    "live blogs, comment settings and corrections",
    where=SHARED,
    code=(
        "newsroom/lookups.py",
        "newsroom/models.py",
        "newsroom/templatetags/newsroom_tags.py",
        "comments/pipeline.py",
        "comments/wagtail_hooks.py",
        "corrections/wagtail_hooks.py",
        "distribution/wagtail_hooks.py",
        "distribution/structured_data.py",
        "live/marks.py",
        "live/views.py",
    ),
    timeout=BETWEEN_PUBLICATIONS,
    cleared_by=NEW_GENERATION,
    tests=(
        "newsroom/tests/test_kept_between_publications.py::test_the_switcher_follows_a_translation_published_later",
        "newsroom/tests/test_kept_between_publications.py::test_a_view_restriction_added_later_is_enforced",
        "newsroom/tests/test_kept_between_publications.py::test_a_renamed_author_is_renamed_in_the_byline",
    ),
)
ROUTES = declare(
    "routes",
    keeps="the page each reader URL leads to, loaded with what its render reads",
    where=SHARED,
    code=("newsroom/routing.py",),
    timeout=BETWEEN_PUBLICATIONS,
    through_publications=True,
    cleared_by=f"a new foundation: {FOUNDATION_CHANGES}; an article's route whose live "
    "revision is no longer the live one is looked up again",
    tests=(
        "newsroom/tests/test_kept_through_publications.py::test_an_article_s_own_publication_shows_at_once",
        "newsroom/tests/test_kept_between_publications.py::test_a_remembered_route_ends_when_the_article_is_unpublished",
        "newsroom/tests/test_kept_between_publications.py::test_a_moved_article_is_found_at_its_new_address_only",
    ),
)
ARTICLE_PARTS = declare(
    "article-parts",
    keeps="an article's own parts, keyed by its live revision: title, description, header, "
    "photos and body, bylines and tags, head tags, corrections, discussion settings, "
    "the switcher and hreflang links (keyed by the number of its live translations); "
    "an article render's parts read and kept as one value (`bundled`)",
    where=SHARED,
    code=(
        "newsroom/templatetags/newsroom_tags.py",
        "newsroom/models.py",
        "corrections/wagtail_hooks.py",
        "comments/wagtail_hooks.py",
        "distribution/wagtail_hooks.py",
        "distribution/structured_data.py",
    ),
    timeout=BETWEEN_PUBLICATIONS,
    through_publications=True,
    cleared_by=f"a new foundation: {FOUNDATION_CHANGES}; the article's own publication changes "
    "its key",
    tests=(
        "newsroom/tests/test_kept_through_publications.py::test_another_article_s_publication_leaves_an_article_s_parts",
        "newsroom/tests/test_kept_through_publications.py::test_an_article_s_own_publication_shows_at_once",
        "newsroom/tests/test_kept_through_publications.py::test_a_translation_published_later_joins_the_switcher",
        "newsroom/tests/test_kept_through_publications.py::test_a_new_author_name_reaches_every_article",
        "samizdat/tests/test_bundles.py::test_a_new_foundation_leaves_the_bundle_behind_and_a_publication_does_not",
        "newsroom/tests/test_render_round_trips.py::test_an_article_s_own_parts_come_in_one_round_trip_after_a_publication",
    ),
)
FRAGMENTS = declare(
    "fragments",
    keeps="`{% kept_fragment %}` HTML: article header, photos and body, Latest news, lists; "
    "the slots' HTML that only a publication changes (the typo dialog, the newsletter form, "
    "the lite and footer links)",
    where=SHARED,
    code=("newsroom/template_slots.py", "newsroom/templatetags/newsroom_tags.py"),
    timeout=BETWEEN_PUBLICATIONS,
    cleared_by=NEW_GENERATION,
    tests=(
        "newsroom/tests/test_kept_between_publications.py::test_a_renamed_section_is_renamed_in_the_navigation",
    ),
)
LIST_COUNTS = declare(
    "list-counts",
    keeps="the number of articles in a list and the first article of each of its pages",
    where=SHARED,
    code=("newsroom/models.py",),
    timeout=BETWEEN_PUBLICATIONS,
    cleared_by=NEW_GENERATION,
    tests=(
        "newsroom/tests/test_kept_between_publications.py::test_the_page_count_of_all_news_follows_publication",
    ),
)
FEEDS = declare(
    "feeds",
    keeps="whole RSS and Atom documents per host, language and section; article bodies and "
    "photo addresses in them",
    where=SHARED,
    code=("distribution/feeds.py",),
    timeout=BETWEEN_PUBLICATIONS,
    cleared_by=NEW_GENERATION,
    tests=(
        "distribution/tests/test_feeds.py::test_bodies_render_once_per_publication_and_follow_a_new_one",
        "distribution/tests/test_feeds.py::test_feed_changes_after_unpublish",
    ),
)
SEARCH_RESULTS = declare(
    "search-results",
    keeps="a page of search results per generation, language and folded words (and a "
    "search past its deadline, as failed, for half as long)",
    where=SHARED,
    code=("shield/flight.py", "newsroom/search.py"),
    timeout=setting("SEARCH_CACHE_SECONDS"),
    cleared_by=f"expiry; {NEW_GENERATION}",
    tests=(
        "newsroom/tests/test_search_protection.py::test_the_same_query_again_runs_no_search_sql",
    ),
)
DISCUSSION_STAMPS = declare(
    "discussion-stamps",
    keeps="each article's discussion stamp, kept with its discussion block and compared",
    where=SHARED,
    code=("comments/discussion.py",),
    timeout=None,
    cleared_by="replaced when a comment of the article is saved or deleted, now and again "
    "once committed",
    tests=("comments/tests/test_uncached_render.py::test_a_hidden_comment_leaves_the_next_render",),
)
DISCUSSION_BLOCKS = declare(
    "discussion-blocks",
    keeps="an article's rendered discussion (newest comments and the form, without its token)",
    where=SHARED,
    code=("comments/discussion.py",),
    timeout=3600,
    cleared_by="a new discussion stamp; a new comment count; closing or reopening",
    tests=(
        "comments/tests/test_uncached_render.py::test_a_hidden_comment_leaves_the_next_render",
        "comments/tests/test_uncached_render.py::test_closing_and_reopening_a_discussion_shows_at_once",
    ),
)
LIVE_VERSIONS = declare(
    "live-versions",
    keeps="each live blog's version, part of the key of its rendered latest entries",
    where=SHARED,
    code=("live/state.py",),
    timeout=None,
    cleared_by="replaced when an entry is posted, edited, published or deleted",
    tests=(
        "live/tests/test_editing.py::test_a_deleted_entry_is_gone_from_every_cached_copy_at_once",
    ),
)
LIVE_RECENT = declare(
    "live-recent-entries",
    keeps="a live blog's latest 50 entries, rendered once per version and day",
    where=SHARED,
    code=("live/views.py",),
    timeout=600,
    cleared_by="a new blog version; the next day",
    tests=(
        "live/tests/test_updates.py::test_an_entry_is_rendered_once_for_pollers_at_every_cursor",
    ),
)
LIVE_NUMBERS = declare(
    "live-numbers",
    keeps="Now reading, Most read, Most liked (data and HTML); the counts they rank, read "
    "from the buffer once for every edition",
    where=SHARED,
    code=("readership/numbers.py",),
    timeout=5,
    cleared_by="expiry",
    tests=(
        "readership/tests/test_live.py::test_live_numbers_are_cached_a_few_seconds",
        "readership/tests/test_board.py::test_the_three_editions_read_the_buffer_once",
    ),
)
# Working the board out takes a tenth of a second with thousands of articles read; every
# render that found it expired used to do it at once.
OLDER_BOARDS = declare(
    "older-boards",
    keeps="each edition's last board, shown while one process works out the next",
    where=SHARED,
    code=("readership/numbers.py",),
    timeout=60,
    cleared_by="expiry; replaced by each new board",
    tests=(
        "readership/tests/test_board.py::"
        "test_while_one_process_works_the_board_out_the_others_show_the_older_copy",
    ),
)
# A purge waiting in the queue covers every change committed before the worker begins it, so
# a second one for the same addresses would only send the same requests again: a busy
# discussion commits dozens of comments a second on one article.
QUEUED_PURGES = declare(
    "queued-purges",
    keeps="a mark per set of addresses whose purge is queued and not yet begun",
    where=SHARED,
    code=("samizdat/cdn.py",),
    timeout=60,
    cleared_by="the worker, as it begins sending that purge; expiry, should it never begin",
    tests=(
        "samizdat/tests/test_purges.py::"
        "test_changes_while_a_purge_waits_in_the_queue_are_sent_with_it",
    ),
)
# A like count changes only with a like, which drops it, so it is kept for as long as a page
# may show numbers without JavaScript (DESIGN.md: a minute); the expiry only bounds what a
# read racing the flush (buffer to totals) could keep.
LIKE_COUNTS = declare(
    "like-counts",
    keeps="each article's like count (flushed totals and the buffer's pending likes)",
    where=SHARED,
    code=("readership/numbers.py",),
    timeout=60,
    cleared_by="a reader's like drops that article's count; the flush drops those it moves",
    tests=(
        "readership/tests/test_live.py::test_a_like_shows_at_once_despite_the_cache",
        "readership/tests/test_like_counts.py::test_a_like_count_outlives_the_live_numbers",
        "readership/tests/test_like_counts.py::test_the_flush_leaves_like_counts_right",
    ),
)
PUBLISHED_ARTICLES = declare(
    "published-articles",
    keeps="whether an article id is a published article, for beacons",
    where=SHARED,
    code=("readership/reading.py",),
    timeout=30,
    cleared_by="expiry (an unpublished article's beacons count that much longer at most, "
    "plus local-published-articles)",
    tests=(
        "readership/tests/test_bad_input.py::test_beacons_stop_counting_an_unpublished_article_within_the_bound",
    ),
)
HOST_NAMES = declare(
    "host-names",
    keeps="the configured host names, onion address and mirror list, as one snapshot",
    where=SHARED,
    code=("mirrors/hosts.py",),
    timeout=60,
    cleared_by="saving the setting publishes a new snapshot",
    tests=("mirrors/tests/test_admin_hosts.py::test_a_removed_mirror_is_refused_after_saving",),
)

# Each process's own memory: bounded in time, holding nothing moderation removes for longer
# than a second (OUTAGE_COPIES: ten, while Redis is unreachable).

GENERATION_SNAPSHOT = declare(
    "generation-snapshot",
    keeps="the generation as this process last read it",
    where=PROCESS,
    code=("samizdat/caching.py",),
    timeout=1.0,
    cleared_by="expiry; a change made in this process is taken at once",
    tests=(
        "samizdat/tests/test_one_site.py::test_the_worker_s_publication_reaches_every_app_server_within_the_bound",
    ),
)
LOCAL_PAGES = declare(
    "local-pages",
    keeps="the pages this process served from the shared cache, and their paths' versions",
    where=PROCESS,
    code=("samizdat/pagecache.py",),
    timeout=1.0,
    limit=64,
    cleared_by="expiry; a purge in this process drops them at once",
    tests=(
        "samizdat/tests/test_hits_first.py::test_another_processs_new_copy_is_served_within_the_second",
        "samizdat/tests/test_one_site.py::test_a_hidden_comment_is_served_by_no_app_server_after_the_bound",
    ),
)
LOCAL_PATH_VERSIONS = declare(
    "local-path-versions",
    keeps="the versions of the paths this process looked up",
    where=PROCESS,
    code=("samizdat/pagecache.py",),
    timeout=1.0,
    limit=256,
    cleared_by="expiry; a purge in this process drops the path's at once",
    tests=("samizdat/tests/test_hits_first.py::test_a_purge_reaches_the_hit_path_at_once",),
)
OUTAGE_COPIES = declare(
    "outage-copies",
    keeps="while Redis is unreachable, the local pages (and those rendered meanwhile)",
    where=PROCESS,
    code=("samizdat/pagecache.py",),
    timeout=10.0,
    cleared_by="expiry; a purge in this process drops them, and is made again in Redis "
    "once it answers",
    tests=(
        "samizdat/tests/test_redis_outage.py::test_a_page_is_served_from_the_outage_copy_at_most_the_outage_bound",
        "samizdat/tests/test_redis_outage.py::test_a_purge_during_the_outage_is_made_when_redis_answers_again",
    ),
)
PROCESS_MEMO = declare(
    "process-memo",
    keeps="what this process read of the values kept between publications "
    "(site lookups, routes, fragments, list counts, feeds)",
    where=PROCESS,
    code=("samizdat/caching.py",),
    timeout=None,
    limit=8 * 1024 * 1024,
    limit_unit="bytes",
    cleared_by="the generation snapshot moving on (at most a second after another process's "
    "change); the least recently read goes when full",
    tests=(
        "newsroom/tests/test_kept_between_publications.py::test_the_process_memo_forgets_a_generation_and_stays_within_its_size",
        "newsroom/tests/test_kept_between_publications.py::test_a_full_process_memo_drops_what_was_read_longest_ago",
    ),
)
LASTING_MEMO = declare(
    "lasting-memo",
    keeps="what this process read of the values kept through publications (article parts, routes)",
    where=PROCESS,
    code=("samizdat/caching.py",),
    timeout=None,
    limit=8 * 1024 * 1024,
    limit_unit="bytes",
    cleared_by="the foundation moving on (at most a second after another process's change); "
    "the least recently read goes when full",
    tests=(
        "newsroom/tests/test_kept_through_publications.py::test_another_article_s_publication_leaves_an_article_s_parts",
        "newsroom/tests/test_kept_through_publications.py::test_a_new_author_name_reaches_every_article",
    ),
)
STATIC_URLS = declare(
    "static-urls",
    keeps="the URL of each static file a template named, from the manifest of hashed names",
    where=PROCESS,
    code=("samizdat/staticfiles.py",),
    timeout=None,
    limit=512,
    cleared_by="a restart: the manifest is read once when the process starts, and a deploy "
    "collects new files and restarts the app servers",
    tests=(
        "samizdat/tests/test_static_urls.py::test_each_url_is_the_manifests_and_worked_out_once",
    ),
)
LOCAL_HOST_NAMES = declare(
    "local-host-names",
    keeps="the configured host names' snapshot",
    where=PROCESS,
    code=("mirrors/hosts.py",),
    timeout=5,
    cleared_by="expiry; saving the setting in this process",
    tests=(
        "mirrors/tests/test_admin_hosts.py::test_other_processes_follow_within_the_short_cache_time",
    ),
)
LOCAL_PUBLISHED = declare(
    "local-published-articles",
    keeps="what this process read of published-articles, for beacons",
    where=PROCESS,
    code=("readership/reading.py",),
    timeout=5,
    limit=4096,
    cleared_by="expiry; emptied when full (a flood of made-up ids)",
    tests=(
        "readership/tests/test_bad_input.py::test_beacons_stop_counting_an_unpublished_article_within_the_bound",
        "readership/tests/test_leaving_short_path.py::test_made_up_ids_keep_the_local_copy_bounded",
    ),
)
BEACON_TOKENS = declare(
    "beacon-tokens",
    keeps="each article's beacon token of a day, keyed with the secret key",
    where=PROCESS,
    code=("readership/engagement.py",),
    timeout=None,
    limit=4096,
    cleared_by="the least recently used goes when full; a new secret key is a new key",
    tests=(
        "readership/tests/test_engagement.py::test_a_kept_token_follows_the_day_and_the_secret_key",
    ),
)
REFERRER_HOSTS = declare(
    "referrer-hosts",
    keeps="what a referrer sent as a bare host name reduces to (never a whole URL)",
    where=PROCESS,
    code=("readership/engagement.py",),
    timeout=None,
    limit=2048,
    cleared_by="the least recently used goes when full",
    tests=(
        "readership/tests/test_engagement.py::test_only_bare_host_names_are_kept_and_within_the_bound",
    ),
)
DAILY_SALTS = declare(
    "daily-salts",
    keeps="the two newest salts of each kind (days, ban periods)",
    where=PROCESS,
    code=("privacy/clients.py",),
    timeout=600,
    limit=2,
    limit_unit="of each kind",
    cleared_by="expiry; a newer salt read drops the older",
    tests=(
        "privacy/tests/test_clients.py::test_an_app_server_keeps_no_secret_the_worker_destroyed",
        "privacy/tests/test_clients.py::test_an_idle_app_server_forgets_a_destroyed_salt_within_ten_minutes",
    ),
)
QUERY_STRINGS = declare(
    "query-strings",
    keeps="query strings seen and what they normalise to (short ones only)",
    where=PROCESS,
    code=("samizdat/pagecache.py",),
    timeout=None,
    limit=1024,
    cleared_by="nothing needs to: derived from the text alone; emptied when full",
    tests=("samizdat/tests/test_cache_keys.py::test_unknown_parameters_get_the_cached_page",),
)
FROM_SETTINGS = declare(
    "from-settings",
    keeps="what settings and code alone decide: the hit's Cache-Control, the content security "
    "policy, whether URLs route by url_path, the admin's JavaScript catalogue, the "
    "keys derived for sealing (subscribers, the bot token), demo photos",
    where=PROCESS,
    code=(
        "samizdat/pagecache.py",
        "samizdat/middleware.py",
        "newsroom/routing.py",
        "samizdat/wagtail_gaps.py",
        "samizdat/sealing.py",
        "newsroom/demo/images.py",
    ),
    timeout=None,
    cleared_by="a restart; a changed setting (`setting_changed`) in tests",
    tests=(
        "samizdat/tests/test_security_headers.py::test_reader_pages_carry_a_strict_policy",
        "samizdat/tests/test_cache_keys.py::test_copies_with_a_query_are_revalidated_by_a_proxy",
    ),
)

# In front of the site.

PROXY_COPIES = declare(
    "proxy-copies",
    keeps="pages without a query, as our `s-maxage` says (those with one are revalidated)",
    where=PROXY,
    code=("samizdat/pagecache.py", "samizdat/cdn.py"),
    timeout=setting("PAGE_CACHE_SECONDS"),
    cleared_by="a `PURGE` of every address a change shows on, for every kept host name, "
    "queued for the worker",
    tests=(
        "samizdat/tests/test_purges.py::test_publishing_purges_the_article_its_lists_feeds_and_sitemaps",
        "samizdat/tests/test_purges.py::test_purges_reach_every_host_readers_used",
    ),
)
STALE_PROXY_COPIES = declare(
    "stale-proxy-copies",
    keeps="a page the proxy may serve while it fetches a new copy (`stale-while-revalidate`)",
    where=PROXY,
    code=("samizdat/pagecache.py",),
    timeout=setting("PAGE_CACHE_STALE_SECONDS"),
    cleared_by="the same purges",
    tests=(
        "samizdat/tests/test_purges.py::test_publishing_purges_the_article_its_lists_feeds_and_sitemaps",
    ),
)
BROWSERS = declare(
    "browsers",
    keeps="nothing without asking: `max-age=0`, revalidated with the ETag (a 304)",
    where="browser",
    code=("samizdat/pagecache.py",),
    timeout=0,
    cleared_by="every request revalidates",
    tests=("samizdat/tests/test_pagecache.py::test_conditional_request_gets_304",),
)


# The generation.

GENERATION_KEY = "pagecache:generation"
# The foundation moves with the generation, except on an article's publication: what an
# article page shows of its own live revision, and what only other changes (a site, locale,
# author, photo or view restriction, a page moved, renamed, unpublished or deleted, a page
# that is not an article published) make wrong, outlives the publication of other
# articles, which happen every few minutes on a news day.
FOUNDATION_KEY = "pagecache:foundation"
_seen = {"value": None, "foundation": None, "until": 0.0}
# A purge made while Redis was unreachable could not drop the shared copies, and Redis may
# come back with them (it keeps its data: docs/failures.md). So this process drops its own
# copies at once, and starts a new generation as soon as it reads Redis again.
_purge_owed = {"owed": False}
# What else a process keeps of the shared cache (the page cache's local copies): dropped
# with the generation and after a purge that missed Redis.
_forgetters = []


def generation():
    """The current generation: read from the shared cache at most once a second."""
    now = time.monotonic()
    if _seen["value"] is not None and now < _seen["until"]:
        return _seen["value"]
    if rediscache.unreachable():
        # Three failed calls cost as much as serving the page: keep the number we knew
        # until Redis answers again (its breaker lets one call through now and then).
        return _seen["value"] or 1
    try:
        numbers = _read_numbers()
    except UNREACHABLE:
        numbers = None
    if numbers is None:
        # Unreachable (raised, or ignored by the cache): nothing stored can be read either,
        # so the number only has to be a number; it is not kept, so the real one is read
        # as soon as the cache is back.
        return _seen["value"] or 1
    _remember_generation(*numbers)
    if _purge_owed["owed"]:
        purge_everything()
        return _seen["value"]
    return numbers[0]


def foundation():
    """The current foundation, read with the generation (one round trip a second)."""
    generation()
    # 1 only while Redis is unreachable, as generation(): nothing is kept under it then.
    return _seen["foundation"] or 1


def _read_numbers():
    """(generation, foundation) from the shared cache, each started when missing."""
    keys = (GENERATION_KEY, FOUNDATION_KEY)
    found = cache.get_many(keys)
    for key in keys:
        if found.get(key) is None:
            cache.add(key, fresh_generation(), GENERATION.seconds)
            found[key] = cache.get(key)
    if found[GENERATION_KEY] is None or found[FOUNDATION_KEY] is None:
        return None
    return found[GENERATION_KEY], found[FOUNDATION_KEY]


def fresh_generation():
    # A lost counter (cache flushed or evicted) restarts at a random number, not at 1, so
    # entries stored under the old numbers can never be taken for new ones.
    return secrets.randbits(48)


def _remember_generation(value, foundation_value=None):
    _seen.update(value=value, until=time.monotonic() + GENERATION_SNAPSHOT.seconds)
    if foundation_value is not None:
        _seen["foundation"] = foundation_value


def forget_generation():
    """Drop this process's copies of the generation and of pages: read the shared ones.

    For when the shared cache was emptied (tests do it between cases); otherwise a process
    would go on using the old number for up to a second and then switch mid-way.
    """
    _seen.update(value=None, foundation=None, until=0.0)
    _purge_owed["owed"] = False
    forget_process_copies()


def on_forget(forget):
    """Register `forget()`, called whenever this process must drop its copies of pages."""
    if forget not in _forgetters:
        _forgetters.append(forget)
    return forget


def forget_process_copies():
    for forget in _forgetters:
        forget()


@receiver(setting_changed)
def forget_generation_of_another_cache(setting, **kwargs):
    if setting == "CACHES":
        forget_generation()


def purge_everything():
    """Start a new generation and foundation: everything stored before is ignored."""
    new_publication(_move_on(FOUNDATION_KEY))


def new_publication(foundation_value=None):
    """Start a new generation only, as an article's publication does (newsroom.signals):
    lists and the pages that show them render anew; what is kept through publications
    (an article's own parts, keyed by its live revision) stays."""
    value = _move_on(GENERATION_KEY)
    if value is None or purge_missed_redis():
        return
    _purge_owed["owed"] = False
    if foundation_value is None and _seen["foundation"] is None:
        # The foundation is not known here yet: both are read at the next call.
        _seen.update(value=None, until=0.0)
        return
    _remember_generation(value, foundation_value)


def _move_on(key):
    try:
        return cache.incr(key)
    except ValueError:
        value = fresh_generation()
        cache.set(key, value, GENERATION.seconds)
        return value
    except UNREACHABLE:
        return None


def purge_missed_redis():
    """After a purge: True (and the purge owed) when Redis was unreachable for it."""
    if not rediscache.unreachable():
        return False
    _purge_owed["owed"] = True
    forget_process_copies()
    return True


# Values kept for the generation.

_NOTHING = ("nothing",)


def _kept_under(layer, key):
    """(memo, number, full key) of a layer's key: under the generation or the foundation."""
    current = generation()
    if layer.through_publications:
        number = foundation()
        return _lasting_memo, number, f"{layer.name}:f{number}:{key}"
    return _memo, current, f"{layer.name}:{current}:{key}"


def remember(layer, key, build):
    """The value stored for this generation under key, built (and stored) when missing."""
    bundle = _bundle.get()
    if bundle is not None and bundle.layer is layer:
        return bundle.get(key, build)
    memo, current, full_key = _kept_under(layer, key)
    value = memo.get(current, full_key)
    if value is not None:
        return None if value == _NOTHING else value
    try:
        value = cache.get(full_key)
    except UNREACHABLE:
        return build()  # a lost Redis costs queries, not pages
    if value is None:
        value = build()
        if keeping():
            with contextlib.suppress(*UNREACHABLE):
                cache.set(full_key, _NOTHING if value is None else value, layer.seconds)
    memo.put(current, full_key, _NOTHING if value is None else value)
    return None if value == _NOTHING else value


def store(layer, key, value):
    """Keep a value for this generation (see remember)."""
    memo, current, full_key = _kept_under(layer, key)
    if keeping():
        with contextlib.suppress(*UNREACHABLE):
            cache.set(full_key, value, layer.seconds)
    memo.put(current, full_key, value)


class Bundle:
    """What a block of code remembers in one layer, kept as one value (bundled())."""

    def __init__(self, layer, kept):
        self.layer = layer
        self.kept = kept  # key -> value, as the last such block left them
        self.used = {}  # key -> value, read or built in this block
        self.built = False

    def get(self, key, build):
        if key not in self.used:
            if key in self.kept:
                self.used[key] = self.kept[key]
            else:
                self.used[key] = build()
                self.built = True
        return self.used[key]

    def to_keep(self):
        """What to keep again, when something was built: the values read this time, so
        those no longer asked for (an old count's) go. A block that built nothing keeps
        what was kept; some values are only read to build others (a byline in a header)."""
        return self.used if self.built else None


_bundle = contextvars.ContextVar("kept_bundle", default=None)


@contextlib.contextmanager
def bundled(layer, key):
    """In this block, what is remembered in `layer` is read and kept together under key.

    An article's render reads a dozen of its own parts; one by one they cost a round trip
    to Redis each when this process's memo does not hold them (after a publication, with
    more articles read than the memo keeps). Kept as one value, they cost one. When the
    block built something, the values kept are those it used: a part whose key moved on (a
    comment count) is dropped. A block that raises keeps nothing.
    """
    if _bundle.get() is not None:
        yield
        return
    bundle = Bundle(layer, recall(layer, f"bundle:{key}") or {})
    token = _bundle.set(bundle)
    try:
        yield
    finally:
        _bundle.reset(token)
    kept = bundle.to_keep()
    if kept is not None:
        store(layer, f"bundle:{key}", kept)


# False while the newsroom renders its own copy of the site (copies.export): an archive of
# pages nobody is reading, kept in the shared cache, would take gigabytes of Redis and push
# out what readers are reading. Renders then keep what they build in this process's
# memo only (bounded and short-lived), and the page cache neither stores nor answers.
_keeping = contextvars.ContextVar("cache_keeping", default=True)


def keeping():
    """Whether what is rendered now may be kept in the shared cache."""
    return _keeping.get()


@contextlib.contextmanager
def not_kept():
    """Renders in this block (in this thread) keep nothing in the shared cache."""
    token = _keeping.set(False)
    try:
        yield
    finally:
        _keeping.reset(token)


def stop_keeping():
    """The same for the rest of this process: a forked renderer of a copy."""
    _keeping.set(False)


def recall(layer, key):
    """What store() kept under key in this generation, or None."""
    memo, current, full_key = _kept_under(layer, key)
    value = memo.get(current, full_key)
    if value is not None:
        return value
    try:
        value = cache.get(full_key)
    except UNREACHABLE:
        return None
    if value is not None:
        memo.put(current, full_key, value)
    return value


class GenerationMemo:
    """This process's copy of what it read from the shared cache in the current generation.

    A hot article's render read some fifteen values from Redis, a round trip each. Values
    under a generation never change (a change starts a new generation), so a process may
    keep them: until the generation moves on, then they are dropped all at once. Each
    reader gets its own copy (renders attach things to the pages they are given); text,
    which nobody can change, is shared. Bounded in bytes, so a worker stays small: when
    full, what was read longest ago goes first, so a breaking story's pages stay.
    """

    def __init__(self, limit_bytes):
        self.limit_bytes = limit_bytes
        self._generation, self._values, self._size = None, OrderedDict(), 0
        self._lock = threading.Lock()

    def get(self, generation, key):
        if generation != self._generation:
            return None
        stored = self._values.get(key)
        if stored is None:
            return None
        with contextlib.suppress(KeyError):  # dropped meanwhile by another thread
            self._values.move_to_end(key)
        if isinstance(stored, str):
            return stored
        return pickle.loads(stored)  # noqa: S301 (our own pickles of our own values)

    def put(self, generation, key, value):
        stored = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if generation != self._generation:
                self._generation, self._values, self._size = generation, OrderedDict(), 0
            if len(stored) > self.limit_bytes:
                return
            replaced = self._values.pop(key, None)
            self._size -= len(replaced) if replaced is not None else 0
            while self._values and self._size + len(stored) > self.limit_bytes:
                self._size -= len(self._values.popitem(last=False)[1])
            self._values[key] = stored
            self._size += len(stored)


# A few hundred articles' pages and fragments: what a breaking story's readers hit.
_memo = GenerationMemo(limit_bytes=PROCESS_MEMO.limit)
# What is kept under the foundation, in a memo of its own: the publication of another
# article, which empties the one above, leaves this one.
_lasting_memo = GenerationMemo(limit_bytes=LASTING_MEMO.limit)


# The table in docs/caching.md.

DOC = Path(__file__).resolve().parent.parent / "docs" / "caching.md"
BEGIN = "<!-- layers: rendered from samizdat/caching.py by `python -m samizdat.caching --write` -->"
END = "<!-- end of layers -->"


def table():
    """Every layer as a Markdown table, in the order declared."""
    rows = [
        "| layer | keeps | where | for how long | cleared by | code | tests |",
        "|---|---|---|---|---|---|---|",
    ]
    for layer in LAYERS.values():
        code = ", ".join(f"`{path}`" for path in layer.code)
        tests = "<br>".join(f"`{test}`" for test in layer.tests)
        cells = (layer.name, layer.keeps, layer.where, layer.lasts(), layer.cleared_by, code, tests)
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def with_table(text):
    """The doc's text with the table between its markers replaced by table()."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[:start] + "\n" + table() + text[end:]


def main(argv):
    if "--write" in argv:
        DOC.write_text(with_table(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(table())


if __name__ == "__main__":
    main(sys.argv[1:])
