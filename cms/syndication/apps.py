from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "cms.syndication"
    label = "syndication"
    verbose_name = "Partner syndication"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .models import ApiKey, DeliveryAttempt
        from .permissions import LimitedPermissionPolicy

        signals.connect()
        # Before anything asks for the models' policies, or Wagtail makes default ones.
        register_permission_policy(
            ApiKey, LimitedPermissionPolicy(ApiKey, ["add", "change", "view"])
        )
        register_permission_policy(
            DeliveryAttempt, LimitedPermissionPolicy(DeliveryAttempt, ["view"])
        )
