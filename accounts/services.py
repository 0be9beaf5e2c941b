"""Writes on accounts."""

from django.db import transaction

from .models import User


@transaction.atomic
def user_language_set(*, user: User, language: str) -> None:
    """Remember `language` on the account and on every person record of it.

    Pages follow the account; mails and stored PDFs follow the person record (people without an
    account have only that), so the two are kept equal: a student who works in English gets
    English mails and PDFs too.
    """
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    for person in user.persons.exclude(language=language):
        person.language = language
        person.save(update_fields=["language"])
