"""The reader's pages hold together from a small phone to a desktop, in each language.

At 320, 390, 768 and 1280 px the main page, All news, a section, an article (with comments
whose names are whole phrases, and headlines with very long Belarusian words), its author,
search results, a live blog and the lite edition are measured in the browser: no element
sticks out of its container sideways, the masthead stays one row, and on a 390x844 phone
the article's headline and lead photo are on the first screen.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from comments.models import Comment, Status, refresh_comment_count
from newsroom.models import ArticlePage
from testing.factories import make_article, make_author, make_image, translate_article
from testing.live import make_live_blog, post

pytestmark = pytest.mark.e2e

WIDTHS = [320, 390, 768, 1280]
# Headlines as long as real ones, with words longer than a phone's line.
HEADLINES = {
    "be": [
        "Гродзенскі суд завочна асудзіў пяцярых адміністратараў тэлеграм-канала «Над Нёманам»",
        "Адміністрацыйна-тэрытарыяльнаперабудоўчая рэформа: што змяняецца ў раёнах",
        "Над Палессем зноў дроны: жыхары вёсак расказваюць пра начны гул",
        "Чарга на мяжы з Польшчай: у Брэсце аўтобусы чакаюць праезду да трох сутак",
    ],
    "ru": [
        "Гродненский суд заочно осудил пятерых администраторов телеграм-канала «Над Неманом»",
        "Административно-территориальнопреобразовательная реформа: что меняется в районах",
        "Над Полесьем снова дроны: жители деревень рассказывают о ночном гуле",
        "Очередь на границе с Польшей: в Бресте автобусы ждут проезда до трёх суток",
    ],
    "en": [
        "Hrodna court sentences five Telegram channel admins in absentia",
        "Counterrevolutionarilyreorganisational reform: what changes in the districts",
        "Drones over Palesse again: villagers describe the hum at night",
        "Queue at the Polish border: buses wait up to three days to leave Brest",
    ],
}
LEDE = {
    "be": "Абласны суд прызнаў іх вінаватымі ў «стварэнні экстрэмісцкага фарміравання» і "
    "прызначыў ад шасці да адзінаццаці гадоў калоніі. Ніхто з асуджаных не жыве ў Беларусі.",
    "ru": "Областной суд признал их виновными в «создании экстремистского формирования» и "
    "назначил от шести до одиннадцати лет колонии. Никто из осуждённых не живёт в Беларуси.",
    "en": "The regional court found them guilty of “creating an extremist group” and handed "
    "down six to eleven years. None of the five has lived in Belarus for three years.",
}
BODY = [
    (
        "paragraph",
        RichText(
            "<p>Справу разглядалі паводле працэдуры «спецыяльнай завочнай вытворчасці», якая "
            "дазваляе судзіць людзей без іх удзелу. Абвінавачаным не прызначылі адвакатаў па "
            "іх выбары, а пра пасяджэнне яны даведаліся з навін. Праваабаронцы лічаць усіх "
            "пяцярых палітвязнямі і патрабуюць спыніць пераслед за журналісцкую працу.</p>"
        ),
    )
]
# What the search finds in each language: a word of the first headline.
SEARCH_WORD = {"be": "тэлеграм", "ru": "телеграм", "en": "Telegram"}
LIVE_TITLES = {
    "be": "Выбары ў Маладзечне: Адміністрацыйна-тэрытарыяльнаперабудоўчая камісія лічыць",
    "ru": "Выборы в Молодечно: Административно-территориальнопреобразовательная комиссия",
    "en": "Election in Maladziečna: the Counterrevolutionarilyreorganisational commission",
}
NAMES = [
    "Чытач з Маладзечна, які не хоча называць сваё імя і піша сюды ўжо дзесяць гадоў",
    "Найвышэйшапрадстаўнічазаканадаўчаяўстанова_без_прабелаў_наогул",
]

# Every element whose box leaves its parent's box sideways, unless the parent scrolls or
# clips (the section bar scrolls on purpose) or the element is hidden on purpose.
OVERFLOWS = """() => {
    const found = [];
    const clipped = (el) => {
        const style = getComputedStyle(el);
        return style.overflowX !== "visible" || style.overflow === "hidden";
    };
    const hidden = (el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return (style.position === "absolute" && box.width <= 1) || style.visibility === "hidden";
    };
    for (const el of document.body.querySelectorAll("*")) {
        const parent = el.parentElement;
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || hidden(el)) continue;
        if (el.closest(".skip-link, .comment-form__trap")) continue;
        if (parent !== document.body && (clipped(parent) || hidden(parent))) continue;
        const outer = parent.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1) {
            const name = (node) => node.tagName.toLowerCase() + "." + node.classList;
            const span = (rect) => `[${Math.round(rect.left)}, ${Math.round(rect.right)}]`;
            found.push(`${name(el)} ${span(box)} in ${name(parent)} ${span(outer)}`);
        }
    }
    if (document.documentElement.scrollWidth > innerWidth) {
        found.push(`page ${document.documentElement.scrollWidth} px wide in ${innerWidth} px`);
    }
    return found;
}"""
# The masthead's visible parts (brand, section bar, search, languages) on one line; the
# lite edition has no masthead.
MASTHEAD = """() => {
    if (!document.querySelector(".masthead__inner")) return {parts: 0, spread: 0, height: 0};
    const parts = [...document.querySelector(".masthead__inner").children]
        .map((el) => el.getBoundingClientRect()).filter((box) => box.width && box.height);
    const middles = parts.map((box) => box.top + box.height / 2);
    return {
        parts: parts.length,
        spread: Math.max(...middles) - Math.min(...middles),
        height: document.querySelector(".masthead").getBoundingClientRect().height,
    };
}"""


# Resolves once the browser has laid out and painted the page at its new size.
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture
def newsroom(site):
    """Four stories a language over three days, the first with a photo and long comments.

    The stories are bylined by one author with a long name and a bio.
    """
    image = make_image(size=(1600, 900))
    author = make_author(
        "Аляксандра Найвышэйшапрадстаўнічаканадаўчая-Кастрычніцкая",
        bio=LEDE["be"],
    )
    stories = {"be": [], "ru": [], "en": []}
    now = timezone.now()
    for number, title in enumerate(HEADLINES["be"]):
        original = make_article(
            title=title,
            lede=LEDE["be"],
            image=image if number < 3 else None,
            body=BODY,
            authors=[author],
        )
        stories["be"].append(original)
        for language in ["ru", "en"]:
            stories[language].append(
                translate_article(original, language, HEADLINES[language][number], LEDE[language])
            )
    for number, when in enumerate([now, now - timedelta(days=1), now - timedelta(days=3)]):
        pks = [stories[language][number + 1].pk for language in stories]
        ArticlePage.objects.filter(pk__in=pks).update(first_published_at=when, sort_date=when)
    for language, articles in stories.items():
        for name in NAMES:
            Comment.objects.create(
                article=articles[0],
                author_name=name,
                text="Дзякуй.\nТрымайцеся!",
                status=Status.PUBLISHED,
                client="0" * 32,
                language=language,
            )
        refresh_comment_count(articles[0].pk)
    return stories


@pytest.fixture
def live_blogs(site):
    """A live blog a language: a long title, a key event, a pinned entry and a photo."""
    image = make_image(size=(1200, 800))
    blogs = {}
    for language, title in LIVE_TITLES.items():
        blog = make_live_blog(title=title, language=language)
        post(blog, NAMES[1], minutes_ago=90, key_event=True, headline=HEADLINES[language][1])
        post(blog, LEDE[language], minutes_ago=60, pinned=True)
        post(blog, LEDE[language], minutes_ago=30, image=image, caption=NAMES[0])
        blogs[language] = blog
    return blogs


def reader_paths(language, newsroom, live_blogs):
    """Every kind of page a reader reaches in one language."""
    article = newsroom[language][0]
    return [
        f"/{language}/",
        f"/{language}/news/",
        article.section.url,
        article.url,
        f"/{language}/authors/{article.bylines.first().author.slug}/",
        f"/{language}/search/?q={SEARCH_WORD[language]}",
        live_blogs[language].url,
        f"/{language}/lite/",
        f"/{language}/lite/{article.slug}/",
    ]


@pytest.fixture
def reader(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def look(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_nothing_sticks_out_sideways_and_the_masthead_is_one_row(
    reader, site, newsroom, live_blogs, language
):
    # Reading the articles first puts their long headlines into Now reading.
    for story in newsroom[language]:
        look(reader, site.url + story.url)
    found = []
    # Each page is loaded once and measured at every width: a resize applies the media
    # queries again and lays the page out anew, as a reader turning a tablet would see it.
    for path in reader_paths(language, newsroom, live_blogs):
        reader.set_viewport_size({"width": WIDTHS[0], "height": 844})
        look(reader, site.url + path)
        if path.startswith(f"/{language}/search/"):
            # The search must have found something, or its results were not measured.
            assert reader.locator(".search-results li").count(), path
        for width in WIDTHS:
            reader.set_viewport_size({"width": width, "height": 844})
            reader.evaluate(NEXT_FRAME)
            found += [f"{path} at {width} px: {problem}" for problem in reader.evaluate(OVERFLOWS)]
            masthead = reader.evaluate(MASTHEAD)
            if masthead["spread"] > 4 or masthead["height"] > 64:
                found.append(f"{path} at {width} px: masthead not one row: {masthead}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_a_phone_shows_the_headline_and_lead_photo_on_the_first_screen(
    reader, site, newsroom, language
):
    reader.set_viewport_size({"width": 390, "height": 844})
    look(reader, site.url + newsroom[language][0].url)
    headline = reader.locator(".article__headline").bounding_box()
    photo = reader.locator(".article__lead-photo img").bounding_box()
    assert headline["y"] >= 0 and headline["y"] + headline["height"] <= 844, headline
    assert photo["y"] + photo["height"] <= 844, photo
    look(reader, f"{site.url}/{language}/")
    lead = reader.locator(".teaser--lead")
    assert lead.locator(".teaser__headline").bounding_box()["y"] < 844
    photo = lead.locator("img").bounding_box()
    assert photo["y"] + photo["height"] <= 844, photo


def test_lists_group_headlines_by_day_with_the_time_above_on_a_phone(reader, site, newsroom):
    reader.set_viewport_size({"width": 390, "height": 844})
    look(reader, f"{site.url}/be/news/")
    days = reader.locator(".headlines__day").all_inner_texts()
    assert [day.lower() for day in days[:2]] == ["сёння", "учора"], days
    assert days[2].count(".") == 2  # 27.06.2026
    row = reader.locator(".headline").first
    time, title = row.locator("time").bounding_box(), row.locator("a").bounding_box()
    assert time["y"] + time["height"] <= title["y"] + 1, (time, title)
    reader.set_viewport_size({"width": 1280, "height": 900})
    look(reader, f"{site.url}/be/news/")
    lefts = {
        round(box["x"])
        for box in map(lambda el: el.bounding_box(), reader.locator(".headline a").all())
    }
    assert len(lefts) == 1, f"the headline column moves: {lefts}"


def test_comment_counts_have_an_icon_and_a_label_in_plural_forms(reader, site, newsroom):
    labels = {}
    for language in ["be", "ru", "en"]:
        look(reader, f"{site.url}/{language}/news/")
        count = reader.locator(f'[data-comment-count="{newsroom[language][0].pk}"]').first
        labels[language] = count.get_attribute("aria-label")
        assert count.get_attribute("role") == "img"
        icon = count.locator(".comment-count__icon").bounding_box()
        assert icon["width"] >= 10 and icon["height"] >= 10
    assert labels == {"be": "2 каментары", "ru": "2 комментария", "en": "2 comments"}


def test_comment_dates_read_day_month_year_with_the_time_in_the_title(reader, site, newsroom):
    for language in ["be", "ru", "en"]:
        look(reader, site.url + newsroom[language][0].url)
        date = reader.locator(".comment__meta time").first
        assert date.inner_text() == timezone.localdate().strftime("%d.%m.%Y")
        assert date.get_attribute("title").startswith(date.inner_text() + " ")


def test_article_lines_run_sixty_to_seventy_five_characters(reader, site, newsroom):
    look(reader, site.url + newsroom["be"][0].url)
    per_line = reader.evaluate(
        """() => {
            const p = document.querySelector(".article__body p");
            const text = p.textContent;
            const probe = document.createElement("span");
            probe.style.whiteSpace = "nowrap";
            probe.textContent = text;
            p.append(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return p.clientWidth / (width / text.length);
        }"""
    )
    assert 60 <= per_line <= 75, per_line


def test_dark_mode_follows_the_system_and_print_keeps_only_the_article(reader, site, newsroom):
    url = site.url + newsroom["be"][0].url
    reader.emulate_media(color_scheme="light")
    look(reader, url)
    light = reader.evaluate("() => getComputedStyle(document.documentElement).backgroundColor")
    reader.emulate_media(color_scheme="dark")
    dark = reader.evaluate("() => getComputedStyle(document.documentElement).backgroundColor")
    assert light == "rgb(255, 255, 255)" and dark == "rgb(20, 20, 20)", (light, dark)
    reader.emulate_media(media="print", color_scheme="light")
    for hidden in [".article-aside", ".comments", ".site-nav", ".typo-hint--keys"]:
        assert not reader.locator(hidden).first.is_visible(), hidden
    for kept in [".article__headline", ".article__body", ".article__lead-photo img"]:
        assert reader.locator(kept).first.is_visible(), kept
