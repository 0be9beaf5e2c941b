from django.db import migrations, models
from django.db.models import Case, Exists, OuterRef, Value, When


def derive_stages(apps, schema_editor):
    """The stage of every existing placement, as `internships.pipeline.derived_stage_rank()`
    derives it today (ranks: 1 application, 2 signing, 3 confirmed, 4 active, 5 completed,
    6 assessed)."""
    Placement = apps.get_model("internships", "Placement")
    StartApplication = apps.get_model("internships", "StartApplication")
    LessonAssessment = apps.get_model("assessments", "LessonAssessment")
    application = StartApplication.objects.filter(placement=OuterRef("pk"))
    assessed = LessonAssessment.objects.filter(
        status="completed", result__in=["pass", "fail"]
    ).values("placement")
    Placement.objects.update(
        stage_rank=Case(
            When(pk__in=assessed, then=Value(6)),
            When(status="completed", then=Value(5)),
            When(status="active", then=Value(4)),
            When(Exists(application.filter(status="confirmed")), then=Value(3)),
            When(Exists(application.filter(status__in=["submitted", "signed"])), then=Value(2)),
            default=Value(1),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("internships", "0006_history"),
        ("assessments", "0002_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="placement",
            name="stage_rank",
            field=models.PositiveSmallIntegerField(
                default=1, editable=False, verbose_name="pipeline stage"
            ),
        ),
        migrations.RunPython(derive_stages, migrations.RunPython.noop),
    ]
