from wagtail.permission_policies import ModelPermissionPolicy


class LimitedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but only for the actions a model allows at all: an API key is
    never deleted (it is revoked, and stays as a record), the delivery log only read."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in self.actions])
