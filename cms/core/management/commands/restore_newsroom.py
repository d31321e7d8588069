from django.core.management.base import BaseCommand, CommandError

from cms.core.backups import BackupError, latest_backup, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the media files with a backup's (the latest by default)."

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", help="A backup folder, e.g. backups/2026...Z")
        parser.add_argument("--directory", default="backups", help="Where backups are kept.")

    def handle(self, *args, backup, directory, **options):
        try:
            folder = backup or latest_backup(directory)
            restore_backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {folder}")
