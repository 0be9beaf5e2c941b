"""The standard lists of the professional product (DOMAIN.md, *beroepsproduct*): copied into
an institution's own lists, which its coordinator then manages."""

STANDARD_EXPERTISE_AREAS = (
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
STANDARD_PRODUCT_TYPES = (
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
