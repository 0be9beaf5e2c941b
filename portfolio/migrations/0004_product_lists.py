"""Give every institution with a Dutch-track programme the standard lists of DOMAIN.md.

The lists are copied here (not imported) so that this migration keeps doing what it did when
the code's lists change later. New institutions get them from `product_lists_seed`.
"""

from django.db import migrations

EXPERTISE_AREAS = (
    "Interne leerlingbegeleiding",
    "Ouderbetrokkenheid",
    "Bewegen en gezondheid/leren",
    "Jeugdzorg",
    "Vernieuwingsscholen",
    "Passend onderwijs",
    "Burgerschap",
    "Pedagogische relatie",
    "Coöperatieve werkvormen",
    "Digitale geletterdheid",
    "Schoolontwikkeling",
    "Diversiteit",
)
PRODUCT_TYPES = (
    "Een advies",
    "Een (serie) bijeenkomst(en) voor belanghebbenden",
    "Een cursus of training",
    "Een digitaal medium",
    "Een toets",
    "Een voorlichtingspakket",
    "Een lessencyclus",
    "Een plan van aanpak",
    "Een (set van) procedure(s)",
    "Een training",
    "Een protocol",
    "Een signaleringsplan",
)


def seed(apps, schema_editor):
    Programme = apps.get_model("internships", "Programme")
    lists = (
        (apps.get_model("portfolio", "ExpertiseArea"), EXPERTISE_AREAS),
        (apps.get_model("portfolio", "ProductType"), PRODUCT_TYPES),
    )
    institution_ids = set(
        Programme.objects.filter(track="NL").values_list("institution_id", flat=True)
    )
    for institution_id in institution_ids:
        for model, names in lists:
            for position, name in enumerate(names, start=1):
                model.objects.get_or_create(
                    institution_id=institution_id, name=name, defaults={"position": position}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_product_work"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
