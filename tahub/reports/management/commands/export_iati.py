"""Write the programme's activities as an IATI 2.03 file (to a path, or to standard output)."""

from django.core.management.base import BaseCommand

from tahub.reports import iati


class Command(BaseCommand):
    help = "Export the programme of work as IATI 2.03 XML, streamed (constant memory)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument("--chunk-size", type=int, default=500, help="activities read per query batch")

    def handle(self, *args, output=None, chunk_size=500, **options):
        chunks = iati.activities_xml(chunk_size=chunk_size)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.writelines(chunks)
            self.stderr.write(f"Wrote {output}")
        else:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
