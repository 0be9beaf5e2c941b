from django.db import migrations, models


def derive_action_dates(apps, schema_editor):
    """Work out the action dates of every existing placement, as the services keep them from
    now on. The calendar arithmetic lives in the service, so this calls it; a database
    without placements (every new installation) skips it."""
    if not apps.get_model("internships", "Placement").objects.exists():
        return
    from internships.models import Placement
    from internships.services.action_dates import placement_action_dates_refresh

    placement_action_dates_refresh(placements=Placement.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("internships", "0009_dashboard_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="placement",
            name="first_short_month",
            field=models.DateField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="first month with too few observations",
            ),
        ),
        migrations.AddField(
            model_name="placement",
            name="log_behind_from",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="day log behind from"
            ),
        ),
        migrations.RunPython(derive_action_dates, migrations.RunPython.noop),
    ]
