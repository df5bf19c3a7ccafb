from django.urls import path

from . import views

# Under the language prefix: /<lang>/lite/live/<slug>/, the text-only live page.
urlpatterns = [path("<str:slug>/", views.lite_page, name="live_lite")]
