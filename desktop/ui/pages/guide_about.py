""" "About this information": every source behind the Guide, on one page a person can read.

The page is one HTML document in a QTextBrowser, built when it is first shown and kept
per language: 107 sources as widgets would be slow to build and slow to tab through,
while one document lays out in a few milliseconds and scrolls like a leaflet.
Sources are grouped by the country they come from, in the order of the source file
(which follows the checked fact sheet); the two seed documents come last, with what
each passage says.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from desktop.content.model import Catalog, SeedDocument, Source
from desktop.textformat import format_partial_date
from desktop.ui.pages.guide_format import source_details

# Source ids start with the country they come from (cn-, jp-, kr-, ru-); the rest are
# international bodies. A new prefix simply lands in the last group.
GROUP_PREFIXES = ("cn", "jp", "kr", "ru")
STYLE = (
    "p, li { line-height: 115%; } p { margin-top: 4px; margin-bottom: 10px; }"
    " li { margin-bottom: 6px; } h3 { margin-top: 22px; } h4 { margin-top: 16px; }"
)


def _group_order(ident: str) -> int:
    prefix = ident.split("-", 1)[0]
    return GROUP_PREFIXES.index(prefix) if prefix in GROUP_PREFIXES else len(GROUP_PREFIXES)


class AboutView(QTextBrowser):
    """Read-only page listing all sources and the seed documents."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = "zh"
        self._cache: dict[tuple[str, str], str] = {}
        self._shown_key: tuple[str, str] | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDefaultStyleSheet(STYLE)
        self.document().setDocumentMargin(16)
        self.retranslate()

    def show_sources(self, lang: str) -> None:
        """Show the page in ``lang`` (built once per content and interface language)."""
        self.lang = lang
        key = (lang, self.tr("About this information"))
        if key == self._shown_key:
            return
        if key not in self._cache:
            self._cache[key] = self._build(lang)
        self.setHtml(self._cache[key])
        self._shown_key = key

    # -- building -----------------------------------------------------------------------
    def _group_title(self, prefix: str) -> str:
        return {
            "cn": self.tr("China"),
            "jp": self.tr("Japan"),
            "kr": self.tr("South Korea"),
            "ru": self.tr("Russia"),
        }.get(prefix, self.tr("International bodies and others"))

    def _build(self, lang: str) -> str:
        groups: dict[str, list[Source]] = {p: [] for p in (*GROUP_PREFIXES, "other")}
        for source in self.catalog.sources.values():
            prefix = source.id.split("-", 1)[0]
            groups[prefix if prefix in GROUP_PREFIXES else "other"].append(source)

        out = [
            "<h2>" + escape(self.tr("About this information")) + "</h2>",
            "<p>"
            + escape(
                self.tr(
                    "Everything in this guide comes from the sources below. Each topic "
                    "lists the ones it uses. Laws and rules change: before you decide, "
                    "check with the office or website named in the source."
                )
            )
            + "</p>",
            *self._facts_table(lang),
            "<h3>"
            + escape(
                self.tr("Laws, official notices and reports (%1)").replace(
                    "%1", str(len(self.catalog.sources))
                )
            )
            + "</h3>",
            "<p>"
            + escape(
                self.tr(
                    "Confidence says how well a fact was checked. High: an official text, or "
                    "several sources that agree. Medium: one source we trust."
                )
            )
            + "</p>",
        ]
        for prefix, sources in groups.items():
            if not sources:
                continue
            title = self._group_title(prefix)
            heading = self.tr("%1 (%2)").replace("%2", str(len(sources))).replace("%1", title)
            out.append(f"<h4>{escape(heading)}</h4>")
            out.extend(self._source(s, lang) for s in sources)

        out.append("<h3>" + escape(self.tr("Background papers")) + "</h3>")
        out.append(
            "<p>"
            + escape(
                self.tr(
                    "Two papers written for governments and researchers give background. "
                    "They are not rules for you. Below, each part of them is told in our "
                    "own words."
                )
            )
            + "</p>"
        )
        out.extend(self._seed(doc, lang) for doc in self.catalog.seeds.values())
        return "".join(out)

    def _facts_table(self, lang: str) -> list[str]:
        """The facts table: every figure and phone number the guide shows, with its value,
        the date of its source and the source, so a person can see how old each is."""
        facts = sorted(
            self.catalog.facts.values(),
            key=lambda f: (_group_order(f.id), f.id),
        )
        columns = (
            (self.tr("Fact"), 30),
            (self.tr("Value"), 26),
            (self.tr("As of"), 16),
            (self.tr("Source"), 28),
        )
        head = "".join(
            f"<th align='left' width='{width}%'>{escape(name)}</th>" for name, width in columns
        )
        rows = []
        for fact in facts:
            sources = ("；" if lang == "zh" else "; ").join(
                self._source_name(ref, lang) for ref in fact.sources
            )
            rows.append(
                "<tr>"
                f"<td>{escape(fact.label.get(lang))}</td>"
                f"<td>{escape(fact.value.get(lang))}</td>"
                f"<td>{escape(format_partial_date(fact.as_of_text[:7], lang))}</td>"
                f"<td>{escape(sources)}</td>"
                "</tr>"
            )
        return [
            "<h3>"
            + escape(self.tr("Figures and phone numbers (%1)").replace("%1", str(len(facts))))
            + "</h3>",
            "<p>"
            + escape(
                self.tr(
                    "Wages, quotas, fees, dates and phone numbers change. Each one is kept "
                    "once, with the date of the source it comes from. Where the guide shows "
                    "one, it shows this date next to it."
                )
            )
            + "</p>",
            "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
            f"<tr>{head}</tr>{''.join(rows)}</table>",
        ]

    def _source_name(self, ref: str, lang: str) -> str:
        try:
            found = self.catalog.resolve(ref)
        except KeyError:
            return ref
        return found.title.get(lang) if isinstance(found, Source) else found.heading.get(lang)

    def _source(self, source: Source, lang: str) -> str:
        lines = [
            f"<b>{escape(source.title.get(lang))}</b>",
            escape(source_details(source, lang)),
        ]
        if source.locator:
            lines.append(escape(self.tr("Where to find it: %1").replace("%1", source.locator)))
        lines.append(
            escape(self.tr("Checked in the project's notes: %1").replace("%1", source.where))
        )
        return "<p>" + "<br>".join(lines) + "</p>"

    def _seed(self, doc: SeedDocument, lang: str) -> str:
        facts = [doc.author.get(lang), format_partial_date(doc.published, lang)]
        if doc.publication is not None:
            facts.append(doc.publication.get(lang))
        parts = [
            f"<h4>{escape(doc.title.get(lang))}</h4>",
            f"<p>{escape(' · '.join(facts))}</p>",
            f"<p>{escape(doc.about.get(lang))}</p>",
            "<p><b>" + escape(self.tr("What it says, part by part:")) + "</b></p>",
            "<ul>",
        ]
        for passage in doc.passages:
            parts.append(
                f"<li><b>{escape(passage.heading.get(lang))}</b><br>"
                f"{escape(passage.summary.get(lang))}</li>"
            )
        parts.append("</ul>")
        return "".join(parts)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("About this information"))
        if self._shown_key is not None:
            self.show_sources(self.lang)
