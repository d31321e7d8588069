from django.urls import path

from . import views

# Included under /<lang>/newsletter/.
urlpatterns = [
    path("subscribe/", views.subscribe, name="newsletter_subscribe"),
    path("subscribe/thanks/", views.thanks, name="newsletter_thanks"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
