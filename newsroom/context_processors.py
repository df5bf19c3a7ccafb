from django.conf import settings


def site_name(request):
    """The newsroom's name, for the masthead and page titles."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
