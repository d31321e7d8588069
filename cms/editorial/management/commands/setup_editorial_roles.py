from django.core.management.base import BaseCommand
from django.db import transaction

from cms.editorial.roles import setup_editorial_roles
from cms.editorial.workflows import setup_workflows


class Command(BaseCommand):
    help = "Create the newsroom's groups, their permissions and the review workflows."

    @transaction.atomic
    def handle(self, *args, **options):
        groups = setup_editorial_roles()
        review, translation = setup_workflows(groups)
        for name in groups:
            self.stdout.write(f"group: {name}")
        self.stdout.write(f"workflows: {review.name}, {translation.name}")
