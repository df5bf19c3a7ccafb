import pytest
from wagtail.rich_text import RichText

from testing.factories import make_article

BODY_BE = "Улетку ў Менску прайшоў фестываль. Арганізатары абяцаюць вярнуцца ў наступным годзе."


@pytest.fixture
def article(db):
    return make_article(
        title="Фестываль у Менску",
        lede="Тысячы гледачоў на плошчы.",
        body=[
            ("paragraph", RichText(f"<p>{BODY_BE}</p><p>Другі <b>абз</b>ац тэксту.</p>")),
            ("subheading", "Што далей"),
        ],
    )
