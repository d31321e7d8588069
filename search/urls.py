from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("results.json", views.search_json, name="search_json"),
    path("suggest.json", views.suggest, name="search_suggest"),
]
