"""``report.html`` and one page per article, from the analysed documents.

Scraped text is untrusted: every piece of it goes through :func:`html.escape`, links are
never built from page content, file names come from document ids (hashes), and the pages
carry a Content-Security-Policy that forbids scripts other than the report's own inline
sorter and filter. The index has a dated chart of small-cap sentiment with the Russell 2000
(a static SVG, see chart.py), a table sortable by clicking a column and filterable by flag,
and under each small-cap score the sentences that weighed most. Each article page shows the
text with claims highlighted by verdict (the verdict in a tooltip and a numbered note),
promotional blocks struck through with their role and cues, tickers marked with their
symbols and figures underlined; then the small-cap score with its evidence sentences, and
each claim once: verdict, computed value against the stated one, and the price rows used.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from nlp.schema import BlockKind, BlockRole, Document

_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;
vertical-align:top}th{cursor:pointer;background:#f4f4f4}.supported{background:#d9f2d9}.contradicted{background:#f8d0d0}
.unverifiable{background:#f3f3d0}.promo{text-decoration:line-through;color:#888}.role{font-size:.8em;color:#a33}
.ent{border-bottom:2px solid #36c}.ent sup{color:#36c;font-size:.7em}.fig{text-decoration:underline dotted}
.block{margin:.6rem 0}.claim sup{font-size:.7em;font-weight:bold}svg.chart{width:100%;height:auto}
.flag{display:inline-block;font-size:.75em;background:#eee;border-radius:.6em;padding:0 .4em;margin:.1em}
details{font-size:.85em;color:#444}.ev td{font-size:.85em;padding:.1rem .4rem}.why{margin:.2rem 0 .6rem}
.filters label{margin-right:.8rem;white-space:nowrap}.wrap{overflow-x:auto}
.chartbox{overflow-x:auto}svg.chart{min-width:34rem}
@media (max-width:40rem){body{margin:1rem auto;font-size:14px}th,td{padding:.2rem .3rem}
#articles td:nth-child(3),#articles th:nth-child(3){display:none}}"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:"
_SORT_JS = ("document.querySelectorAll('th').forEach((th,i)=>th.onclick=()=>{const t=th.closest('table');"
            "const rows=[...t.tBodies[0].rows];const dir=th.dataset.dir=th.dataset.dir==='a'?'d':'a';"
            "rows.sort((x,y)=>{const a=x.cells[i].dataset.v??x.cells[i].textContent,b=y.cells[i].dataset.v??"
            "y.cells[i].textContent;const n=parseFloat(a)-parseFloat(b);const c=isNaN(n)?a.localeCompare(b):n;"
            "return dir==='a'?c:-c});rows.forEach(r=>t.tBodies[0].appendChild(r))});")
# a row is shown when it carries every ticked flag (none ticked: every row)
_FILTER_JS = ("const boxes=[...document.querySelectorAll('.filters input')];"
              "const count=document.getElementById('shown');"
              "boxes.forEach(b=>b.onchange=()=>{const want=boxes.filter(x=>x.checked).map(x=>x.value);let n=0;"
              "document.querySelectorAll('#articles tbody tr').forEach(r=>{const have=r.dataset.flags.split(' ');"
              "const ok=want.every(f=>have.includes(f));r.hidden=!ok;n+=ok});count.textContent=n});")
PROMO_ROLES = {BlockRole.SPONSORED, BlockRole.CALL_TO_ACTION, BlockRole.CHAT_ARTIFACT}


def _page(title: str, body: str, script: str = "") -> str:
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = _CSP.format(hash=digest)
    tag = f"<script>{script}</script>" if script else ""
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\"><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>{body}{tag}</body></html>")


def _score(doc: Document, target: str):
    return next((t for t in doc.sentiment if t.target == target), None)


def display_title(doc: Document) -> str:
    """The article's title for a person: the page's title unless it is a promotional block
    (a call to action the parser took for a heading) or a file path; else the first article
    heading, else the opening words of the article; the file's name only as a last resort."""
    promo = {b.text.strip() for b in doc.blocks if b.role in PROMO_ROLES}
    title = (doc.title or "").strip()
    if title and title not in promo and title != doc.source and not _looks_like_path(title):
        return title
    article = [b for b in doc.article_blocks() if b.text.strip()]
    heading = next((b.text.strip() for b in article if b.kind == BlockKind.HEADING), None)
    if heading:
        return heading
    if article:
        words = " ".join(article[0].text.split())
        first = re.split(r"(?<=[.!?])\s", words, maxsplit=1)[0]
        return first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"
    return Path(doc.source).name


def _looks_like_path(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Za-z]:)?[^\s]*[/\\][^\s]*|[^\s/\\]+\.(?:txt|text|md|markdown|html?|body)", text))


def _chart(docs: list[Document], store) -> str:
    from nlp.batch.chart import sentiment_svg

    svg = sentiment_svg(docs, store)
    return svg if svg is not None else "<p>No dated articles with small-cap sentiment.</p>"


def _marked(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` escaped, with the tickers and figures wholly inside it marked."""
    marks = []  # (start, end, open, close) relative to ``start``
    for e in doc.entities:
        if start <= e.start and e.end <= end:
            sup = html.escape(e.symbol or e.role or "")
            marks.append((e.start - start, e.end - start, "<span class='ent'>", f"<sup>{sup}</sup></span>"))
    for f in doc.figures:
        if start <= f.start and f.end <= end:
            marks.append((f.start - start, f.end - start, "<span class='fig'>", "</span>"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    text, out, pos = doc.text[start:end], [], 0
    for s, e, open_tag, close_tag in marks:
        if s < pos:
            continue  # overlapping marks: keep the first
        out.append(html.escape(text[pos:s]) + open_tag + html.escape(text[s:e]) + close_tag)
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _block_html(doc: Document, index: int, claim_notes: dict[int, tuple[str, str]]) -> str:
    """A block's text with each claim inside it highlighted once (class = verdict, tooltip =
    the verdict as JSON) and numbered to its note below."""
    block = doc.blocks[index]
    inside = sorted((c.start, c.end, i) for i, c in enumerate(doc.claims)
                    if block.start <= c.start and c.end <= block.end)
    out, pos = [], block.start
    for s, e, i in inside:
        if s < pos:
            continue  # claims do not overlap; if one did, it is still listed in the notes
        verdict, tooltip = claim_notes[i]
        out.append(_marked(doc, pos, s))
        out.append(f"<span class='claim {verdict}' title='{html.escape(tooltip, quote=True)}'>{_marked(doc, s, e)}"
                   f"<sup>[{i + 1}]</sup></span>")
        pos = e
    out.append(_marked(doc, pos, block.end))
    return "".join(out)


def _why(check) -> str:
    if check is None or check.computed is None:
        return ""
    span = str(check.window_end) if check.window_start in (None, check.window_end) else \
        f"{check.window_start} to {check.window_end}"
    low, high = check.tolerance_low, check.tolerance_high
    stated = ("" if low is None and high is None else f"; stated {low:g} or more" if high is None
              else f"; stated {high:g} or less" if low is None else f"; stated {low:g} to {high:g}")
    asserted = f" (text: {check.asserted:g})" if check.asserted is not None else ""
    return f"{check.measure} of {check.instrument}, {span}: computed {check.computed:.4g}{stated}{asserted}"


def _evidence_rows(check) -> str:
    if check is None or not check.rows:
        return ""
    cells = "".join(f"<tr><td>{html.escape(str(r.get('symbol', '')))}</td><td>{html.escape(str(r.get('date', '')))}"
                    f"</td><td>{html.escape(str(r.get('field', '')))}</td><td>{html.escape(str(r.get('value', '')))}"
                    f"</td></tr>" for r in check.rows)
    return f"<table class='ev'><thead><tr><th>symbol</th><th>date</th><th>field</th><th>value</th></tr></thead>" \
           f"<tbody>{cells}</tbody></table>"


def _claim_notes(doc: Document) -> tuple[dict[int, tuple[str, str]], str]:
    verdicts = {v.claim: v for v in doc.verdicts}
    notes, items = {}, []
    for i, c in enumerate(doc.claims):
        v = verdicts.get(i)
        verdict = v.verdict if v else "unchecked"
        check = v.deciding if v else None
        computed = check.computed if check is not None else None
        notes[i] = (verdict, json.dumps({"verdict": verdict, "reason": v.reason if v else None,
                                         "computed": computed}, default=str)[:1500])
        why = _why(check) or (v.reason if v and v.reason else "not checked against market data")
        items.append(f"<li id='claim-{i + 1}' value='{i + 1}'><span class='{verdict}'>{html.escape(verdict)}</span>"
                     f" <span class='kind'>{html.escape(c.claim_type or '')}</span><div class='why'>"
                     f"{html.escape(why)}</div>{_evidence_rows(check)}</li>")
    section = f"<h2>Claims ({len(doc.claims)})</h2><ol class='claims'>{''.join(items)}</ol>" if items else ""
    return notes, section


def _evidence_sentences(doc: Document, target: str = "small_caps") -> str:
    hit = _score(doc, target)
    if hit is None:
        return ""
    items = "".join(f"<li>{doc.sentences[i].targets.get(target, 0):+.2f} “{html.escape(doc.sentences[i].text)}”</li>"
                    for i in hit.evidence if i < len(doc.sentences))
    return f"<ul class='evidence'>{items}</ul>" if items else ""


def article_page(doc: Document) -> str:
    notes, claims_section = _claim_notes(doc)
    small = _score(doc, "small_caps")
    title = display_title(doc)
    parts = [f"<p><a href='../report.html'>← all articles</a></p><h1>{html.escape(title)}</h1>",
             f"<p>{html.escape(' · '.join(str(x) for x in (doc.site, doc.author, doc.published) if x))}</p>"]
    if small is not None:
        parts.append(f"<h2>Small-cap sentiment: {small.score:+.2f} ({html.escape(small.label)}, "
                     f"{small.sentences} sentences)</h2><p>The sentences that weighed most:</p>"
                     f"{_evidence_sentences(doc)}")
    if doc.flags:
        parts.append("<p>Flags: " + "".join(f"<span class='flag'>{html.escape(f.name)}</span>"
                                            for f in sorted(doc.flags, key=lambda f: f.name)) + "</p>")
    parts.append("<h2>Text</h2>")
    for i, block in enumerate(doc.blocks):
        if block.role != BlockRole.ARTICLE:
            cues = html.escape(", ".join(block.cues))
            parts.append(f"<div class='block promo'>{_marked(doc, block.start, block.end)}</div><div class='role'>"
                         f"{html.escape(block.role.value)} ({cues})</div>")
            continue
        parts.append(f"<div class='block'>{_block_html(doc, i, notes)}</div>")
    parts.append(claims_section)
    return _page(title, "".join(parts))


def _index_row(doc: Document) -> str:
    small = _score(doc, "small_caps")
    unsupported = sum(1 for v in doc.verdicts if v.verdict == "contradicted")
    flags = sorted({f.name for f in doc.flags})
    score = f"{small.score:+.2f} {small.label}" if small else "—"
    evidence = _evidence_sentences(doc)
    why = f"<details><summary>why</summary>{evidence}</details>" if evidence else ""
    day = str(doc.published)[:10] if doc.published else ""
    return (f"<tr data-flags='{html.escape(' '.join(flags), quote=True)}'><td><a href='articles/{doc.id}.html'>"
            f"{html.escape(display_title(doc))}</a></td><td>{html.escape(day)}</td>"
            f"<td>{html.escape(doc.site or '')}</td><td data-v='{small.score if small else -9}'>{html.escape(score)}"
            f"{why}</td><td data-v='{doc.promotional_score or 0}'>{(doc.promotional_score or 0):.2f}</td>"
            f"<td>{unsupported}</td><td>{''.join(f'<span class=flag>{html.escape(f)}</span>' for f in flags)}</td>"
            "</tr>")


def write_report(out: Path, docs: list[Document], store: str | Path | None = None) -> None:
    """``store``: the market store the chart reads the Russell 2000 from (none: no index)."""
    from nlp.io import atomic_write_with

    pages = out / "articles"
    pages.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        atomic_write_with(pages / f"{doc.id}.html", lambda tmp, doc=doc: Path(tmp).write_text(article_page(doc),
                                                                                              encoding="utf-8"))
    flags = sorted({f.name for d in docs for f in d.flags})
    boxes = "".join(f"<label><input type='checkbox' value='{html.escape(f, quote=True)}'> {html.escape(f)}</label>"
                    for f in flags)
    filters = f"<p class='filters'>Only articles flagged: {boxes}</p>" if flags else ""
    body = (f"<h1>finnews report</h1><p><span id='shown'>{len(docs)}</span> of {len(docs)} articles</p>"
            f"<h2>Small-cap sentiment</h2><div class='chartbox'>{_chart(docs, store)}</div>"
            f"<h2>Articles</h2>{filters}<div class='wrap'>"
            "<table id='articles'><thead><tr><th>title</th><th>date</th><th>site</th><th>small caps</th>"
            "<th>promotional</th><th>unsupported claims</th><th>flags</th></tr></thead>"
            f"<tbody>{''.join(_index_row(d) for d in docs)}</tbody></table></div>")
    atomic_write_with(out / "report.html", lambda tmp: Path(tmp).write_text(
        _page("finnews report", body, _SORT_JS + _FILTER_JS), encoding="utf-8"))
