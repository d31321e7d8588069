"""The demo's people: an administrator, one user per newsroom role, one translator per language."""

from django.contrib.auth import get_user_model

from cms.editorial.roles import setup_editorial_roles
from cms.editorial.workflows import setup_workflows
from cms.localization.roles import setup_translator_groups

DEMO_ADMIN = {"username": "admin", "password": "newsroom-demo", "email": "admin@newsroom.example"}
DEMO_STAFF = {
    "reporter": "Reporters",
    "editor": "Editors",
    "chief": "Chief editors",
    "widgets": "Widget managers",
    "partners": "Partner managers",
}


def ensure_admin():
    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN["username"]).exists():
        User.objects.create_superuser(**DEMO_ADMIN)


def ensure_staff():
    """Roles, workflows and translator groups, each with its demo user (admin's password)."""
    groups = setup_editorial_roles()
    setup_workflows(groups)
    for username, group in DEMO_STAFF.items():
        demo_user(username, groups[group])
    for code, group in setup_translator_groups().items():
        demo_user(f"translator-{code}", group)


def demo_user(username, group):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@newsroom.example"}
    )
    if created:
        user.set_password(DEMO_ADMIN["password"])
        user.save()
    user.groups.add(group)
    return user
