from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery


def count_open_days(apps, schema_editor):
    """The oldest unconfirmed LIO day of every existing placement (as the day-log services
    keep it from now on)."""
    Placement = apps.get_model("internships", "Placement")
    LioDay = apps.get_model("internships", "LioDay")
    Placement.objects.update(
        first_open_day=Subquery(
            LioDay.objects.filter(placement=OuterRef("pk"), confirmed_at__isnull=True)
            .order_by()
            .values("placement")
            .annotate(first=Min("date"))
            .values("first")
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("internships", "0007_pipeline_stage"),
    ]

    operations = [
        migrations.AddField(
            model_name="placement",
            name="first_open_day",
            field=models.DateField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="first logged LIO day not confirmed",
            ),
        ),
        migrations.RunPython(count_open_days, migrations.RunPython.noop),
    ]
