import pytest


@pytest.mark.django_db
def test_openapi_document_is_served_at_api_schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Samizdat API"
    assert document["openapi"].startswith("3.")


@pytest.mark.django_db
def test_unknown_api_and_admin_paths_are_404_not_redirects(client):
    assert client.get("/api/no-such-endpoint/").status_code == 404
    missing = client.post(
        "/api/comments/999999/report",
        {"reason": "spam"},
        content_type="application/json",
        headers={"origin": "http://testserver"},
    )
    assert missing.status_code == 404
    assert client.get("/static/no-such-file.css").status_code == 404
