"""Where uploads are stored, under names no one can guess."""

import posixpath

from django.core.files.storage import FileSystemStorage
from django.utils.crypto import get_random_string

# Wagtail's renditions: named after their original, so they carry its token.
RENDITIONS = "images"


class UnguessableUploadStorage(FileSystemStorage):
    """Uploads (originals, documents, recordings) named `<12 random characters>_<name>`.

    A rendition is public at /media/images/, named after its original's file, and the admin
    makes some (its preview, a full-size "original") as soon as an editor opens a picture
    that only a draft shows: with the upload's own name they would be found by guessing.
    The token goes first since Wagtail shortens a long name from its end for a rendition.
    """

    def generate_filename(self, filename):
        name = super().generate_filename(filename)
        folder, base = posixpath.split(name)
        if folder == RENDITIONS:
            return name
        return posixpath.join(folder, f"{get_random_string(12)}_{base}")
