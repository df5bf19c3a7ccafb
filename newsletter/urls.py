from django.urls import path

from . import views

app_name = "newsletter"

# Under the language prefix: /<lang>/newsletter/...
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
