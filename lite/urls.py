from django.urls import path

from . import views

app_name = "lite"

# Under the language prefix: /<lang>/lite/ and /<lang>/lite/<article slug>/.
urlpatterns = [
    path("", views.front_page, name="front"),
    path("<str:slug>/", views.article, name="article"),
]
