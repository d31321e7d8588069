from django.core.management.base import BaseCommand, CommandError

from cms.core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into backups/<timestamp>/."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default="backups", help="Where backups are kept.")

    def handle(self, *args, directory, **options):
        try:
            folder = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
