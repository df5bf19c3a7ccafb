import pytest


@pytest.mark.django_db
def test_openapi_document_is_served_at_api_schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Samizdat API"
    assert document["openapi"].startswith("3.")
