from django.urls import path

from . import views

# At the root, the same for every language.
urlpatterns = [path("mirrors.json", views.mirror_list, name="mirrors_list")]

# Under the language prefix: /<lang>/blocked/.
language_urlpatterns = [path("blocked/", views.blocked, name="mirrors_blocked")]
