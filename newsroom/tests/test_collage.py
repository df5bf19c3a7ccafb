"""A gallery or collage of one credited image is a normal case, on save as on publish."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from newsroom.models import ArticlePage
from testing.factories import article_form, make_image, member_of, news_index

pytestmark = pytest.mark.django_db

ACTIONS = {"draft": {}, "publish": {"action-publish": "action-publish"}}


def photos(*images):
    """ListBlock form data, as the admin posts it."""
    items = {
        str(n): {"value": {"image": image.pk}, "deleted": "", "order": str(n), "id": ""}
        for n, image in enumerate(images)
    }
    return {**items, "count": str(len(images))}


def with_gallery(title, *images):
    gallery = {"photos": photos(*images), "caption": "Калаж рэдакцыі", "credit": "Калаж: рэдакцыя"}
    body = streamfield([("paragraph", rich_text("<p>Тэкст.</p>")), ("gallery", gallery)])
    return article_form(title, body=body)


def create(client, data, action):
    client.force_login(member_of("Editors", "editor"))
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", news_index().pk))
    return client.post(url, {**data, **ACTIONS[action]})


@pytest.mark.parametrize("action", ACTIONS)
def test_a_collage_of_one_credited_image_is_accepted(client, homes, action):
    collage = make_image("Collage", credit="Калаж: рэдакцыя", size=(1200, 800))
    response = create(client, with_gallery("Адзін калаж", collage), action)
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(title="Адзін калаж")
    assert article.live is (action == "publish")
    gallery = article.get_latest_revision_as_object().body[1].value
    assert [photo["image"].pk for photo in gallery["photos"]] == [collage.pk]


def test_readers_see_a_one_image_collage_at_full_width(client, homes):
    collage = make_image("Collage", credit="Калаж: рэдакцыя", size=(1200, 800))
    create(client, with_gallery("Калаж на ўсю шырыню", collage), "publish")
    client.logout()
    html = client.get(ArticlePage.objects.get(title="Калаж на ўсю шырыню").url).content.decode()
    start = html.index('<figure class="gallery')
    figure = html[start : html.index("</figure>", start)]
    assert "gallery--single" in figure
    assert "Калаж: рэдакцыя" in figure
    # One image is not cropped to the 4:3 tiles of a grid of photos.
    assert "fill-400x300" not in figure and "width-800" in figure


@pytest.mark.parametrize("action", ACTIONS)
def test_a_gallery_without_photos_is_refused_on_save_as_on_publish(client, homes, action):
    response = create(client, with_gallery("Пустая галерэя"), action)
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0].as_json_data()
    # The editor's admin speaks Belarusian; the message sits on the gallery's photos.
    photos_error = error["blockErrors"][1]["blockErrors"]["photos"]
    assert photos_error["messages"] == ["Галерэі або калажу патрэбна хаця б адно фота."]
    assert not ArticlePage.objects.filter(title="Пустая галерэя").exists()
