"""Where a student stands in the year: the placement pipeline, derived in one place.

The stages follow the LIO from application to assessment: no placement yet → start
application in draft (or sent back) → waiting for signatures (or for the coordinator's
confirmation) → confirmed → active → completed → assessed.

`derived_stage_rank()` is the one SQL expression that derives the stage of a placement from
its status, its start application and its assessment. Each placement keeps the result in
`Placement.stage_rank` (`internships.services.pipeline.placement_stages_refresh`, called by
every service that changes one of them), so the dashboard counts with one `GROUP BY` on the
placements alone and the student list filters and sorts on a column. "Assessed" comes from
the assessments app: it registers a source of assessed placements with
`register_assessed_placements(source)`, where `source()` returns a queryset of placement
primary keys (e.g. `Assessment.objects.filter(...).values("placement")`). Until a source is
registered, a completed placement stays "completed".
"""

from collections.abc import Callable

from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from .models import Placement, StartApplication


class PipelineStage(models.TextChoices):
    NO_PLACEMENT = "none", _("No placement yet")
    APPLICATION = "application", _("Application in draft")
    SIGNING = "signing", _("Waiting for signatures")
    CONFIRMED = "confirmed", _("Confirmed")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ASSESSED = "assessed", _("Assessed")


# The stages in pipeline order; an expression's rank is the index in this list.
STAGES: list[PipelineStage] = list(PipelineStage)
RANK_OF: dict[str, int] = {stage.value: rank for rank, stage in enumerate(STAGES)}

AssessedSource = Callable[[], QuerySet[models.Model]]
_ASSESSED_SOURCES: list[AssessedSource] = []


def register_assessed_placements(source: AssessedSource) -> None:
    """Hook for the assessments app: placements in `source()` are in the stage "assessed"."""
    if source not in _ASSESSED_SOURCES:
        _ASSESSED_SOURCES.append(source)


def _rank(stage: PipelineStage) -> Value:
    return Value(RANK_OF[stage.value])


def derived_stage_rank() -> Case:
    """The stage rank of a placement, derived from its records (a cancelled placement gets a
    rank too; the pipeline leaves cancelled placements out). Subqueries, no joins: usable in
    an UPDATE of the placements."""
    application = StartApplication.objects.filter(placement=OuterRef("pk"))
    whens = [
        When(Q(pk__in=source()), then=_rank(PipelineStage.ASSESSED)) for source in _ASSESSED_SOURCES
    ]
    whens += [
        When(status=Placement.Status.COMPLETED, then=_rank(PipelineStage.COMPLETED)),
        When(status=Placement.Status.ACTIVE, then=_rank(PipelineStage.ACTIVE)),
        When(
            Exists(application.filter(status=StartApplication.Status.CONFIRMED)),
            then=_rank(PipelineStage.CONFIRMED),
        ),
        When(
            Exists(
                application.filter(
                    status__in=[StartApplication.Status.SUBMITTED, StartApplication.Status.SIGNED]
                )
            ),
            then=_rank(PipelineStage.SIGNING),
        ),
    ]
    return Case(*whens, default=_rank(PipelineStage.APPLICATION), output_field=IntegerField())


def stage_of_rank(rank: int) -> PipelineStage:
    return STAGES[rank]
