from django.core.management.base import BaseCommand

from cms.localization.roles import setup_translator_groups


class Command(BaseCommand):
    help = "Create one translator group per locale with rights on that locale's pages only."

    def handle(self, *args, **options):
        groups = setup_translator_groups()
        for code, group in groups.items():
            self.stdout.write(f"{code}: {group.name}")
