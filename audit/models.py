"""The base every historical model shares (django-simple-history's `bases=`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HistoryActor(models.Model):
    """Who acted, as a person of the institution: the signed-in user's person, or the holder
    of a personal link who has no account (`history_user` stays empty for them)."""

    history_person = models.ForeignKey(
        "internships.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        abstract = True
