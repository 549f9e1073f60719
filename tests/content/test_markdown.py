"""render_markdown: the allowed Markdown works, and nothing an author writes becomes live HTML."""

from __future__ import annotations

import jinja2
import pytest

from desktop.content.markdown import render_markdown


class TestAllowedMarkdown:
    def test_paragraphs_bold_lists_headings(self) -> None:
        html = render_markdown("### 出发前\n\n第一段。\n\n- 带上**护照**\n- 复印件\n\n1. 一\n2. 二")
        assert html == (
            "<h3>出发前</h3>\n<p>第一段。</p>\n"
            "<ul>\n<li>带上<strong>护照</strong></li>\n<li>复印件</li>\n</ul>\n"
            "<ol>\n<li>一</li>\n<li>二</li>\n</ol>"
        )

    def test_safe_link_is_kept(self) -> None:
        assert render_markdown("[MOFCOM](https://www.mofcom.gov.cn)") == (
            '<p><a href="https://www.mofcom.gov.cn">MOFCOM</a></p>'
        )

    def test_ampersand_and_code_show_as_written(self) -> None:
        assert render_markdown("A & B") == "<p>A &amp; B</p>"
        assert render_markdown("`<b>`") == "<p><code>&lt;b&gt;</code></p>"


class TestEscaping:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
            (
                '<div>\n<a href="javascript:x">hi</a>\n</div>',
                '<p>&lt;div&gt;\n&lt;a href="javascript:x"&gt;hi&lt;/a&gt;\n&lt;/div&gt;</p>',
            ),
            ("<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>"),
            ("**<b>bold</b>**", "<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>"),
            ("{{ 7*7 }} {% for x in y %}", "<p>{{ 7*7 }} {% for x in y %}</p>"),
        ],
    )
    def test_raw_html_comes_out_literally(self, source: str, expected: str) -> None:
        assert render_markdown(source) == expected

    @pytest.mark.parametrize(
        "source",
        [
            "[click](javascript:alert(1))",
            "[click](JavaScript:alert(1))",
            "[click](file:///etc/passwd)",
            "[click](data:text/html,<script>x</script>)",
        ],
    )
    def test_unsafe_link_targets_are_dropped(self, source: str) -> None:
        html = render_markdown(source)
        assert "href" not in html
        assert "click" in html

    def test_images_become_their_alt_text(self) -> None:
        html = render_markdown("![a map](file:///C:/secret.png) and ![x](http://e.org/t.png)")
        assert "<img" not in html and "src" not in html
        assert html == "<p><span>a map</span> and <span>x</span></p>"

    def test_safe_in_a_jinja_template(self) -> None:
        env = jinja2.Environment(autoescape=True)
        page = env.from_string("<div>{{ body|safe }}</div>").render(
            body=render_markdown("{{ 7*7 }} <script>x</script>")
        )
        assert page == "<div><p>{{ 7*7 }} &lt;script&gt;x&lt;/script&gt;</p></div>"
        assert "49" not in page

    def test_no_state_leaks_between_calls(self) -> None:
        render_markdown("[a]: https://example.org\n\n[link][a]")
        assert render_markdown("[link][a]") == "<p>[link][a]</p>"
