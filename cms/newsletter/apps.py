from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "cms.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Subscriber
        from .permissions import SubscriberPermissionPolicy

        # Before anything asks for the model's policy, or Wagtail makes a default one.
        register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
