"""The professional-product journey of issue 7, in Dutch: a Dutch student (Anna Dijkstra, who has
not started) submits the start form, the coordinator approves it and assigns the graduation
supervisor, the plan of approach and the final report are accepted, the practice supervisor
(without an account) fills in and signs the evaluation form from the e-mail link, the graduation
supervisor records both results, and the signed form is a PDF with its verification code."""

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from internships.models import Person
from portfolio.demo import seed_portfolio
from portfolio.demo_files import tiny_pdf

from .conftest import OpenPage
from .support import Logins, assert_accessible, download, link_in_mail, log_in, screenshot

STUDENT = "anna.dijkstra@student.pabo-zuidwest.example"
GRADUATION_SUPERVISOR = "f.jansen@pabo-zuidwest.example"
PRACTICE_SUPERVISOR = "r.dekker@destarter.example"  # Anna's mentor, no account


@pytest.fixture
def product_demo(demo: None) -> None:
    seed_portfolio()


def _upload(page: Page, name: str) -> None:
    page.goto("/portfolio/product/")
    file = {"name": f"{name}.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf(name)}
    page.locator("#id_file").set_input_files(file)
    page.get_by_role("button", name="Uploaden").click()
    expect(
        page.get_by_text("Geüpload: je afstudeerbegeleider heeft een e-mail gekregen.")
    ).to_be_visible()
    assert_accessible(page)


def _accept(supervisor: Page, product_url: str) -> None:
    supervisor.goto(product_url)
    assert_accessible(supervisor)
    review = supervisor.locator("form[action$='/review/']")
    review.get_by_role("textbox", name=re.compile("^Feedback")).fill("Helder. Geaccepteerd.")
    review.get_by_label("Accepteren: hiermee sluit de fase af").check()
    review.get_by_role("button", name="Versturen").click()
    expect(supervisor.get_by_text("Geaccepteerd: de fase is afgesloten.")).to_be_visible()
    assert_accessible(supervisor)


def _start(page: Page) -> None:
    log_in(page, STUDENT)
    assert_accessible(page)
    page.goto("/portfolio/product/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn beroepsproduct")
    assert_accessible(page)
    page.get_by_role("link", name="Startformulier invullen").click()
    assert_accessible(page)
    page.locator("#id_title").fill("Rekenkring in groep 5")
    page.locator("#id_question").fill("De school wil dat leerlingen meer van elkaar leren.")
    page.locator("#id_expertise_area").select_option(label="Coöperatieve werkvormen")
    page.locator("#id_product_type").select_option(label="Een lessencyclus")
    page.get_by_role("button", name="Indienen bij de stagecoördinator").click()
    expect(
        page.get_by_text("Je startformulier is ingediend bij de stagecoördinator.")
    ).to_be_visible()
    assert_accessible(page)


def _approve(coordinator: Page) -> str:
    log_in(coordinator, Logins.COORDINATOR_NL)
    assert_accessible(coordinator)
    coordinator.goto("/portfolio/products/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Anna Dijkstra").click()
    assert_accessible(coordinator)
    supervisor = Person.objects.get(email=GRADUATION_SUPERVISOR)
    coordinator.locator("#id_graduation_supervisor").select_option(value=str(supervisor.pk))
    coordinator.get_by_role("button", name="Goedkeuren en toewijzen").click()
    expect(coordinator.get_by_text("Goedgekeurd: fase I is begonnen.")).to_be_visible()
    assert_accessible(coordinator)
    return coordinator.url


def _evaluate(practice_supervisor: Page) -> None:
    practice_supervisor.goto(link_in_mail(PRACTICE_SUPERVISOR))
    expect(practice_supervisor.get_by_role("heading", level=1)).to_have_text(
        "Evaluatieformulier: beroepsproduct van Anna Dijkstra"
    )
    assert_accessible(practice_supervisor)
    for name in ("usable", "independent", "data"):
        practice_supervisor.locator(f"input[name={name}][value=yes]").check()
        practice_supervisor.locator(f"#id_{name}_motivation").fill("Ja, dat klopt.")
    practice_supervisor.locator("input[name=advice][value=pass]").check()
    practice_supervisor.locator("#id_advice_motivation").fill("Een bruikbaar product.")
    practice_supervisor.get_by_role("button", name="Opslaan").click()
    expect(practice_supervisor.get_by_text("Het evaluatieformulier is opgeslagen.")).to_be_visible()
    assert_accessible(practice_supervisor)
    practice_supervisor.get_by_label(re.compile("Ik heb het formulier hierboven gelezen")).check()
    practice_supervisor.get_by_role("button", name="Ondertekenen").click()
    expect(
        practice_supervisor.get_by_text("Dank je wel: je handtekening is vastgelegd.")
    ).to_be_visible()
    assert_accessible(practice_supervisor)


@pytest.mark.usefixtures("product_demo")
def test_a_dutch_student_completes_the_professional_product(
    page: Page, open_page: OpenPage
) -> None:
    _start(page)
    coordinator = open_page()
    product_url = _approve(coordinator)

    supervisor = open_page()
    log_in(supervisor, GRADUATION_SUPERVISOR)
    assert_accessible(supervisor)
    _upload(page, "Plan van aanpak")
    _accept(supervisor, product_url)
    _upload(page, "Eindrapport")
    _accept(supervisor, product_url)

    _evaluate(open_page())

    supervisor.goto(product_url)
    expect(supervisor.get_by_text("Een bruikbaar product.")).to_be_visible()
    for part in (1, 2):
        form = supervisor.locator(f"form[action$='/parts/{part}/assess/']")
        form.get_by_label("Behaald", exact=True).check()
        form.get_by_role("textbox", name=re.compile("^Motivering")).fill("Voldoet.")
        form.get_by_role("button").click()
        expect(supervisor.get_by_text("Het oordeel is vastgelegd.")).to_be_visible()
    assert_accessible(supervisor)
    screenshot(supervisor, "professional-product-completed", docs=True)

    page.goto("/portfolio/product/")
    expect(page.get_by_text("Beide onderdelen zijn behaald")).to_be_visible()
    assert_accessible(page)
    name, data = download(page, page.get_by_role("link", name=re.compile("evaluatieformulier")))
    assert name.startswith("evaluatieformulier-anna-dijkstra") and name.endswith(".pdf")
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "Evaluatieformulier beroepsproduct" in text
    assert "Rik Dekker" in text and "Verificatiecode" in text
