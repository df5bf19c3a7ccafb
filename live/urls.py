from django.urls import path

from . import views

app_name = "live"

# Under the language prefix: /<lang>/live/<slug>/ and its polled /updates/.
urlpatterns = [
    path("<str:slug>/", views.live_page, name="page"),
    path("<str:slug>/updates/", views.updates, name="updates"),
]
