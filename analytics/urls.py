from django.urls import path

from . import public

# Under the language prefix: /<lang>/what-we-count/.
language_urlpatterns = [path("what-we-count/", public.what_we_count, name="what_we_count")]
