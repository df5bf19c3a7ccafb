"""Every sign-in form asks for the second factor or cannot be reached, and a password
alone tells nothing: right or wrong, the answer is the same, and the try is counted."""

import re
from datetime import timedelta

import pytest
from django.test import Client

from .conftest import sign_in, signed_in
from .test_two_factor import clock, current_code, enrolled_editor  # noqa: F401 (fixtures)

ANSWER = "The user name, password or code is not right."


def error_of(response):
    """The form's error block, as a reader of the page sees it."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.search(ANSWER + r"[^<]*", html).group(0))


def test_a_right_password_without_the_code_gets_the_wrong_passwords_answer(
    enrolled_editor,  # noqa: F811
):
    right = sign_in(Client(), "editor", HTTP_ACCEPT_LANGUAGE="en")
    wrong = sign_in(Client(), "editor", password="not the password", HTTP_ACCEPT_LANGUAGE="en")
    assert right.status_code == wrong.status_code == 200
    assert error_of(right) == error_of(wrong)
    assert "two factors" not in right.content.decode()


def test_a_right_password_without_the_code_is_counted(enrolled_editor, clock):  # noqa: F811
    browser = Client()
    statuses = []
    for _ in range(5):
        statuses.append(sign_in(browser, "editor").status_code)
        clock.shift(timedelta(seconds=40))
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(browser, "editor", code=current_code(enrolled_editor)).status_code == 429


def test_the_right_password_and_code_still_sign_in(enrolled_editor):  # noqa: F811
    assert signed_in(sign_in(Client(), "editor", code=current_code(enrolled_editor)))


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_the_reader_side_sign_in_form_is_not_reachable(editor, homes, language):
    reader = Client()
    page = reader.get(f"/{language}/_util/login/")
    assert page.status_code == 404
    assert "csrftoken" not in page.cookies
    posted = reader.post(
        f"/{language}/_util/login/",
        {"username": "editor", "password": "long enough passphrase for tests"},
    )
    assert posted.status_code in (403, 404)
    assert "sessionid" not in posted.cookies
    assert reader.get("/admin/").status_code == 302  # not signed in
