from typing import Any

from django.core.management.base import BaseCommand, CommandError

from signoffs.verification import signatures_verify


class Command(BaseCommand):
    help = (
        "Recompute the content hash of every signed document and report each valid signature "
        "whose document changed behind the app's back. Exits non-zero on any mismatch."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = signatures_verify()
        for mismatch in report.mismatches:
            signature = mismatch.signature
            self.stdout.write(
                f"MISMATCH {mismatch.document_label}: {mismatch.reason}; signed as "
                f"{signature.role} by {signature.signer_name} (person #{signature.signer_id}) "
                f"at {signature.signed_at.isoformat()}"
            )
        summary = f"{report.checked} signature(s) checked, {len(report.mismatches)} mismatch(es)."
        if report.mismatches:
            raise CommandError(summary)
        self.stdout.write(summary)
