from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """Django's makemessages without msgmerge's fuzzy guesses.

    A guessed translation of a similar string is nearly always wrong here (“LIO day” for
    “%(days)s LIO days”) and only blocks the catalogue check until someone clears it.
    """

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
