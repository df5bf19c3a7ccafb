from django.urls import path

from . import views

urlpatterns = [
    path("mirrors.json.minisig", views.mirror_list_signature, name="mirrors_list_signature"),
]
