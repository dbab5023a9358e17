"""Uploaded documents: checked (size, and that the content is what the name says: no .exe renamed .pdf) and
stored under a random folder.

Uploads are never served at a URL of their own (no MEDIA_URL route, in any mode): only views that check
permissions answer a file, as a download (tests/core/test_media.py lists each file field with its view). On disk
each upload gets a folder of its own with a random, unguessable name, ``<upload_to>/<random>/<original name>``:
whoever learns one path cannot derive another, and the views keep naming the download after the file its author
sent (the last part of the stored name).
"""

import os
import posixpath
import secrets

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Extension → the signatures its content may start with. OOXML and ODF files are zip archives.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
DOCUMENTS = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".doc", ".xls", ".ppt", ".png", ".jpg", ".jpeg")
MAX_BYTES = 10 * 1024 * 1024
# Bytes of randomness in each upload's folder name (22 URL-safe characters).
RANDOM_FOLDER_BYTES = 16


class UploadStorage(FileSystemStorage):
    """The default storage (settings.STORAGES): each new file in a random folder, its name kept."""

    def generate_filename(self, filename):
        folder, name = posixpath.split(str(filename).replace("\\", "/"))
        return super().generate_filename(posixpath.join(folder, secrets.token_urlsafe(RANDOM_FOLDER_BYTES), name))


@deconstructible
class DocumentValidator:
    """Accepts a file whose extension is allowed, whose size is within the limit, and whose first bytes match
    its extension. Messages name the file and say what to do."""

    def __init__(self, extensions=DOCUMENTS, max_bytes=MAX_BYTES):
        self.extensions = tuple(extensions)
        self.max_bytes = max_bytes

    def __call__(self, upload):
        name = os.path.basename(upload.name)
        extension = os.path.splitext(name)[1].lower()
        if extension not in self.extensions:
            raise ValidationError(
                _("%(name)s: files of this type are not accepted. Accepted: %(types)s."),
                code="file_type",
                params={"name": name, "types": ", ".join(self.extensions)},
            )
        if upload.size > self.max_bytes:
            raise ValidationError(
                _("%(name)s is %(size)s; the limit is %(limit)s. Send a smaller file or a link."),
                code="file_size",
                params={"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(self.max_bytes)},
            )
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("%(name)s is not a real %(type)s file: its content does not match its name."),
                code="file_content",
                params={"name": name, "type": extension.lstrip(".").upper()},
            )

    def __eq__(self, other):
        return isinstance(other, DocumentValidator) and (self.extensions, self.max_bytes) == (
            other.extensions,
            other.max_bytes,
        )
