"""The JSON API under /api/: one NinjaAPI that each capability adds its router to.

django-ninja (already a Wagtail dependency) validates bodies with pydantic and serves the
OpenAPI document at /api/schema/ from the same declarations, so the document cannot drift
from the code.
"""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Samizdat API",
    version="1",
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url=None,  # the interactive docs page would load third-party scripts
)


# Each capability with a JSON API adds its router here.
api.add_router("/comments/", "comments.api.router")
api.add_router("/corrections/", "corrections.api.router")
api.add_router("/readership/", "readership.api.router")
