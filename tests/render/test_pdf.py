"""HTML -> PDF through Qt, checked on the PDF itself: its text (read back with pypdf),
its page size, its footer and where items fall on the pages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.content.model import Text
from desktop.render import html as H
from desktop.render import pdf as P
from tests.render.conftest import HOSTILE_NOTE, TODAY, pdf_pages, squeeze

NAME = "王小明"


def checklist(plan, catalog, lang="zh", notes=None, ticks=None):
    ctx = H.checklist_context(
        plan,
        catalog,
        lang=lang,
        person_name=NAME,
        destination_label=Text("日本", "Japan"),
        ticks=ticks or {},
        notes=notes or {},
        printed_on=TODAY,
        content_reviewed=H.content_reviewed(catalog),
    )
    return H.render("checklist.html.j2", **ctx)


@pytest.fixture(scope="module")
def zh_pdf(risky_plan, catalog):
    """The risky plan's Chinese checklist, with a hostile note, as (bytes, pages)."""
    notes = {risky_plan.checklist[1].id: HOSTILE_NOTE}
    ticks = {risky_plan.checklist[0].id: True}
    return P.html_to_pdf_bytes(
        checklist(risky_plan, catalog, notes=notes, ticks=ticks), footer_name=NAME, lang="zh"
    )


@pytest.fixture(scope="module")
def zh_pages(zh_pdf) -> list[str]:
    """The text of each page of ``zh_pdf`` (read once: pypdf takes a while on CJK)."""
    return pdf_pages(zh_pdf.data)


def test_the_chinese_checklist_holds_the_red_flags_and_items(zh_pages, risky_plan):
    text = "".join(zh_pages)
    for flag in risky_plan.red_flags:
        assert squeeze(flag.title.zh) in text
        assert squeeze(flag.do_now.zh) in text
    for item in risky_plan.checklist:
        assert squeeze(item.title.zh) in text
    for word in ("押金", "危险信号", "停止", "出发之前"):
        assert word in text


def test_the_text_layer_has_ordinary_characters_not_radicals(zh_pages):
    """Qt maps glyphs shared with Kangxi radicals to the radicals (⼯ for 工, ⻔ for 门):
    the PDF's text layer is repaired so copying and searching work."""
    text = "".join(zh_pages)
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert "出国务工" in text and "部门" in text


def test_digits_in_latin_text_survive(zh_pages):
    """Regression: the CJK fonts' locl feature once turned "alert(1)" into "alert()"."""
    text = "".join(zh_pages)
    assert "alert(1)" in text


def test_a_hostile_note_comes_out_literally(zh_pages):
    text = "".join(zh_pages)
    assert squeeze(HOSTILE_NOTE) in text
    assert "<script>alert(1)</script>" in text and "{{7*7}}" in text and "</td>" in text
    note = text[text.index("交了3万元") : text.index("还没收据")]
    assert "49" not in note


def test_ticks_show_as_ticked_and_empty_boxes(zh_pages, risky_plan):
    text = "".join(zh_pages)
    assert text.count("☑") == 1
    assert text.count("☐") == len(risky_plan.checklist) - 1


def test_footer_has_the_name_and_page_numbers_on_every_page(zh_pdf, zh_pages):
    pages = zh_pages
    assert len(pages) == zh_pdf.pages >= 2
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"{number}/{len(pages)}")
        assert NAME in text


def test_no_item_is_split_across_pages(zh_pages, risky_plan):
    pages = zh_pages

    def page_of(fragment):
        found = [i for i, text in enumerate(pages) if squeeze(fragment) in text]
        assert len(found) == 1, fragment
        return found[0]

    for item in risky_plan.checklist:
        assert page_of(item.title.zh) == page_of(item.why.zh), item.id
    for flag in risky_plan.red_flags:
        assert page_of(flag.title.zh) == page_of(flag.rule.zh), flag.id


def test_headings_stay_with_the_first_item_under_them(risky_plan, catalog):
    """The English Letter checklist used to leave "Sources" alone at a page's foot."""
    data = P.html_to_pdf_bytes(checklist(risky_plan, catalog, lang="en"), page_size="Letter")
    for text in pdf_pages(data.data):
        body = text.rsplit("/", 1)[0]  # drop the footer's page number
        for heading in ("Sources", "Whileyouwork", "Cominghome", "Beforedeparture"):
            if body.endswith(heading):
                pytest.fail(f"{heading} ends a page")


@pytest.mark.parametrize(("size", "box"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size(risky_plan, catalog, size, box):
    data = P.html_to_pdf_bytes(checklist(risky_plan, catalog, lang="en"), page_size=size)
    reader = PdfReader(io.BytesIO(data.data))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_unknown_page_size_is_refused():
    with pytest.raises(ValueError, match="page_size"):
        P.html_to_pdf_bytes("<p>x</p>", page_size="A5")


def test_the_bilingual_checklist_holds_both_languages(risky_plan, catalog):
    data = P.html_to_pdf_bytes(checklist(risky_plan, catalog, lang="zh+en"), footer_name=NAME)
    (text,) = pdf_pages(data.data, slice(0, 1))
    flag = risky_plan.red_flags[0]
    assert squeeze(flag.title.zh) in text and squeeze(flag.title.en) in text
    assert text.index(squeeze(flag.title.zh)) < text.index(squeeze(flag.title.en))
    assert squeeze(flag.do_now.zh) in text and squeeze(flag.do_now.en) in text


@pytest.mark.parametrize("lang", H.PRINT_LANGS)
def test_the_card_holds_12308_and_the_japan_lines(risky_plan, catalog, lang):
    ctx = H.card_context(
        risky_plan, catalog, lang=lang, entries={"agency": "某某公司"}, destination="japan"
    )
    data = P.html_to_pdf_bytes(H.render("card.html.j2", **ctx), footer_name=NAME)
    text = "".join(pdf_pages(data.data))
    assert "+86-10-12308" in text
    # police, fire and FRESC; never the superseded or unconfirmed hotline numbers
    assert "110" in text and "119" in text and "0570-011000" in text
    assert "0120-150-520" not in text and "0120-531-402" not in text
    assert "某某公司" in text
    assert data.pages == 1  # the copies fill one sheet, no card on a second page


def test_the_plan_prints(risky_plan, catalog):
    ctx = H.plan_context(
        risky_plan, catalog, lang="zh", person_name=NAME, printed_on=TODAY, content_reviewed=TODAY
    )
    data = P.html_to_pdf_bytes(H.render("plan.html.j2", **ctx), footer_name=NAME)
    assert data.pages > 2
    (last,) = pdf_pages(data.data, slice(-1, None))
    assert last.endswith(f"{data.pages}/{data.pages}")
    # The plan ends with its sources; the last one cited is on the last page.
    notes = H.plan_context(
        risky_plan, catalog, lang="zh", person_name="", printed_on=TODAY, content_reviewed=TODAY
    )["footnotes"]
    assert squeeze(notes[-1]["text"][0]["text"]) in last


def test_chinese_is_drawn_with_the_simplified_chinese_font(zh_pdf):
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    if not {"Passage Sans SC", "Noto Sans CJK SC"} & families:
        pytest.skip("neither Passage's font subset nor Noto Sans CJK SC is here")
    reader = PdfReader(io.BytesIO(zh_pdf.data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # Passage's own subset when it was made (it leads the font list), else the system's.
    expected = "PassageSansSC" if "Passage Sans SC" in families else "CJKsc"
    assert any(expected in f for f in fonts), fonts
    assert not any("CJKjp" in f for f in fonts), fonts


def test_html_to_pdf_writes_the_file_and_returns_the_page_count(risky_plan, catalog, tmp_path):
    out = tmp_path / "清单.pdf"
    pages = P.html_to_pdf(checklist(risky_plan, catalog), out, footer_name=NAME)
    assert pages == len(PdfReader(out).pages)
    assert [p.name for p in tmp_path.iterdir()] == ["清单.pdf"]


def test_an_unwritable_path_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        P.html_to_pdf("<p>x</p>", tmp_path / "no" / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_paint_to_printer_draws_the_same_pages(risky_plan, catalog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    P.ensure_gui_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = P.paint_to_printer(checklist(risky_plan, catalog), printer, NAME, "zh")
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    first = squeeze(reader.pages[0].extract_text())
    assert first.endswith(f"1/{pages}") and NAME in first
    # Printing to a file goes through the same repair of the text layer.
    assert not [c for c in first if 0x2E80 <= ord(c) <= 0x2FDF]


def test_painting_on_a_printer_device_gives_the_footer(risky_plan, catalog, tmp_path):
    """The preview/printer path (``_paint`` on a QPrinter rather than our own writer)."""
    from PySide6.QtPrintSupport import QPrinter

    P.ensure_gui_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "device.pdf"
    printer.setOutputFileName(str(out))
    pages = P._paint(
        checklist(risky_plan, catalog, lang="en"), printer, footer_name="Wang", lang="en"
    )
    reader = PdfReader(out)
    assert len(reader.pages) == pages >= 2
    last = squeeze(reader.pages[-1].extract_text())
    assert last.endswith(f"{pages}/{pages}") and "Wang" in last


@pytest.mark.parametrize("destination", ["japan", "korea", "russia", "third_country"])
@pytest.mark.parametrize("lang", H.PRINT_LANGS)
def test_every_card_fits_one_sheet(risky_plan, catalog, destination, lang):
    """The copies fill one sheet whatever the destination: a help line more makes a card
    taller than a wallet and pushes the last copy onto a second page."""
    ctx = H.card_context(risky_plan, catalog, lang=lang, entries={}, destination=destination)
    data = P.html_to_pdf_bytes(H.render("card.html.j2", **ctx), footer_name=NAME)
    assert data.pages == 1
