"""The report escapes everything it got from the page."""

from nlp.batch.report import article_page, write_report
from nlp.parse import parse_bytes
from nlp.promo.stage import PromoStage

HOSTILE = (b"<html><head><title>x</title></head><body><article><h1>Bad &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
           b"<p>Small caps rose 3% <img src=x onerror=alert(2)> and <a href='javascript:alert(3)'>click</a> "
           b"&lt;style&gt;body{display:none}&lt;/style&gt; &quot;'&gt;&lt;svg onload=alert(4)&gt;</p>"
           b"<p>The Russell 2000 added 1.2% on the day as traders bought small caps again and again and again.</p>"
           b"</article></body></html>")


def test_hostile_page_is_escaped(tmp_path):
    doc = PromoStage()(parse_bytes(HOSTILE, "bad.html"))
    page = article_page(doc)
    assert "<script" not in page  # article pages run no script at all
    assert "<svg onload" not in page and "<img" not in page and "onerror=" not in page
    assert "href='javascript" not in page and 'href="javascript' not in page
    assert "&lt;svg onload=alert(4)&gt;" in page  # the text survives, escaped
    write_report(tmp_path, [doc])
    index = (tmp_path / "report.html").read_text()
    assert "Content-Security-Policy" in index and "<script>alert" not in index
    assert (tmp_path / "articles" / f"{doc.id}.html").exists()
