from django.core.management.base import BaseCommand
from django.db import transaction

from cms.editorial.roles import STOCK_GROUPS_REMOVED, setup_editorial_roles
from cms.editorial.workflows import setup_workflows
from cms.localization.roles import setup_translator_groups


class Command(BaseCommand):
    help = (
        "Create the newsroom's groups with exactly their rights (a right added by hand is "
        "taken away), the translator groups and the review workflows."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        groups = setup_editorial_roles()
        review, translation = setup_workflows(groups)
        translators = setup_translator_groups()
        for group in [*groups.values(), *translators.values()]:
            self.stdout.write(f"group: {group.name}")
        self.stdout.write(f"removed, if present: {', '.join(STOCK_GROUPS_REMOVED)}")
        self.stdout.write(f"workflows: {review.name}, {translation.name}")
