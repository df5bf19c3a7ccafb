from django.urls import path

from . import admin_views

app_name = "accounts_admin"

urlpatterns = [
    path("", admin_views.two_factor, name="two_factor"),
]
