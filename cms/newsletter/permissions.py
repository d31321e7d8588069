from wagtail.permission_policies import ModelPermissionPolicy


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds a subscriber: consent comes only
    through the double opt-in form."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])
