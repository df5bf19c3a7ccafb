import pytest

from newsroom.slugs import MAX_SLUG_LENGTH, is_ascii_slug, slug_for, transliterate


@pytest.mark.parametrize(
    ("headline", "language", "slug"),
    [
        ("Выбары ў Гродне", "be", "vybary-w-hrodne"),
        ("Чыгунка і цэны", "be", "chyhunka-i-tseny"),
        ("Жыццё ў эміграцыі", "be", "zhytstsjo-w-emihratsyi"),
        ("Выборы в Гродно", "ru", "vybory-v-grodno"),
        ("Щедрый урожай", "ru", "shchedryy-urozhay"),
        ("Объявление, 2026!", "ru", "obyavlenie-2026"),
        ("Climate talks stall", "en", "climate-talks-stall"),
    ],
)
def test_headlines_become_readable_latin_slugs(headline, language, slug):
    assert slug_for(headline, language) == slug


def test_belarusian_and_russian_read_g_differently():
    assert transliterate("Гомель", "be") == "Homel"
    assert transliterate("Гомель", "ru") == "Gomel"


def test_long_headlines_are_cut_at_a_word():
    slug = slug_for("Доўгі загаловак " * 20, "be")
    assert len(slug) <= MAX_SLUG_LENGTH
    assert not slug.endswith("-")
    assert is_ascii_slug(slug)


def test_headline_without_letters_still_gets_a_slug():
    assert slug_for("!!!", "be") == "article"
