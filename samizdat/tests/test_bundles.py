"""What a block remembers in one layer is kept as one value (samizdat.caching.bundled).

An article's render reads its parts this way: one round trip for a dozen values.
"""

import pytest

from samizdat import caching

PARTS = caching.ARTICLE_PARTS


class Builds:
    """Builders that count how often each value had to be built."""

    def __init__(self):
        self.made = []

    def __call__(self, key, value):
        def build():
            self.made.append(key)
            return value

        return build


def remember_in_block(key, parts, builds):
    with caching.bundled(PARTS, key):
        return [caching.remember(PARTS, name, builds(name, value)) for name, value in parts]


def test_what_a_block_remembers_is_kept_as_one_value():
    builds = Builds()
    parts = [("title", "<title>Навіна</title>"), ("bylines", [("text", "Ганна")])]
    assert remember_in_block("article:1", parts, builds) == [value for _name, value in parts]
    assert caching.recall(PARTS, "bundle:article:1") == dict(parts)
    assert remember_in_block("article:1", parts, builds) == [value for _name, value in parts]
    assert builds.made == ["title", "bylines"]  # built once, then read with the bundle


def test_a_part_no_longer_read_leaves_the_bundle():
    builds = Builds()
    remember_in_block("article:2", [("title", "Т"), ("count:4", "4 каментары")], builds)
    remember_in_block("article:2", [("title", "Т"), ("count:5", "5 каментароў")], builds)
    assert caching.recall(PARTS, "bundle:article:2") == {"title": "Т", "count:5": "5 каментароў"}


def test_a_block_that_raises_keeps_nothing():
    builds = Builds()
    with pytest.raises(RuntimeError), caching.bundled(PARTS, "article:3"):
        caching.remember(PARTS, "title", builds("title", "Т"))
        raise RuntimeError("the render failed")
    assert caching.recall(PARTS, "bundle:article:3") is None


def test_other_layers_are_kept_apart_from_the_bundle():
    builds = Builds()
    with caching.bundled(PARTS, "article:4"):
        caching.remember(caching.SITE_LOOKUPS, "latest", builds("latest", [1, 2]))
    assert caching.recall(PARTS, "bundle:article:4") is None
    assert caching.remember(caching.SITE_LOOKUPS, "latest", builds("latest", [])) == [1, 2]


def test_a_new_foundation_leaves_the_bundle_behind_and_a_publication_does_not():
    builds = Builds()
    remember_in_block("article:5", [("title", "Т")], builds)
    caching.new_publication()
    assert caching.recall(PARTS, "bundle:article:5") == {"title": "Т"}
    caching.purge_everything()
    assert caching.recall(PARTS, "bundle:article:5") is None
    remember_in_block("article:5", [("title", "Т")], builds)
    assert builds.made == ["title", "title"]
