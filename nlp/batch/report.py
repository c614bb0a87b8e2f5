"""``report.html`` and one page per article, from the analysed documents.

Scraped text is untrusted: every piece of it goes through :func:`html.escape`, links are
never built from page content, file names come from document ids (hashes), and the pages
carry a Content-Security-Policy that forbids scripts other than the report's own inline
sorter. The index is sortable by clicking a column; each article page shows the text with
claims coloured by verdict (the evidence in a tooltip), promotional blocks struck through
with their role and cues, tickers marked with their symbols and figures underlined.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from nlp.schema import Document

_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
th{cursor:pointer;background:#f4f4f4}.supported{background:#d9f2d9}.contradicted{background:#f8d0d0}
.unverifiable{background:#f3f3d0}.promo{text-decoration:line-through;color:#888}.role{font-size:.8em;color:#a33}
.ent{border-bottom:2px solid #36c}.ent sup{color:#36c;font-size:.7em}.fig{text-decoration:underline dotted}
.block{margin:.6rem 0}svg{background:#fafafa}"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:"
_SORT_JS = ("document.querySelectorAll('th').forEach((th,i)=>th.onclick=()=>{const t=th.closest('table');"
            "const rows=[...t.tBodies[0].rows];const dir=th.dataset.dir=th.dataset.dir==='a'?'d':'a';"
            "rows.sort((x,y)=>{const a=x.cells[i].dataset.v??x.cells[i].textContent,b=y.cells[i].dataset.v??"
            "y.cells[i].textContent;const n=parseFloat(a)-parseFloat(b);const c=isNaN(n)?a.localeCompare(b):n;"
            "return dir==='a'?c:-c});rows.forEach(r=>t.tBodies[0].appendChild(r))});")


def _page(title: str, body: str, script: str = "") -> str:
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = _CSP.format(hash=digest)
    tag = f"<script>{script}</script>" if script else ""
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\"><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>{body}{tag}</body></html>")


def _score(doc: Document, target: str):
    return next((t for t in doc.sentiment if t.target == target), None)


def _chart(docs: list[Document]) -> str:
    points = sorted((str(d.published)[:10], _score(d, "small_caps").score) for d in docs
                    if d.published and _score(d, "small_caps"))
    if not points:
        return "<p>No dated articles with small-cap sentiment.</p>"
    w, h = 600, 160
    step = w / max(1, len(points) - 1)
    xy = [(i * step if len(points) > 1 else w / 2, h / 2 - s * (h / 2 - 10)) for i, (_, s) in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3'><title>{html.escape(d)}: {s:+.2f}</title></circle>"
                   for (x, y), (d, s) in zip(xy, points, strict=True))
    return (f"<svg width='{w}' height='{h}' role='img' aria-label='small-cap sentiment by date'>"
            f"<line x1='0' y1='{h / 2}' x2='{w}' y2='{h / 2}' stroke='#ccc'/>"
            f"<polyline points='{line}' fill='none' stroke='#36c'/>{dots}</svg>")


def _marked_block(doc: Document, index: int) -> str:
    block = doc.blocks[index]
    marks = []  # (start, end, open, close) in block coordinates
    for e in doc.entities:
        if block.start <= e.start and e.end <= block.end:
            sup = html.escape(e.symbol or e.role or "")
            marks.append((e.start - block.start, e.end - block.start, "<span class='ent'>", f"<sup>{sup}</sup></span>"))
    for f in doc.figures:
        if block.start <= f.start and f.end <= block.end:
            marks.append((f.start - block.start, f.end - block.start, "<span class='fig'>", "</span>"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for s, e, open_tag, close_tag in marks:
        if s < pos:
            continue  # overlapping marks: keep the first
        out.append(html.escape(block.text[pos:s]) + open_tag + html.escape(block.text[s:e]) + close_tag)
        pos = e
    out.append(html.escape(block.text[pos:]))
    return "".join(out)


def article_page(doc: Document) -> str:
    verdicts = {v.claim: v for v in doc.verdicts}
    claim_class = {}
    for i, c in enumerate(doc.claims):
        v = verdicts.get(i)
        claim_class[(c.start, c.end)] = (v.verdict if v else "unverifiable",
                                         json.dumps({"verdict": v.verdict, "reason": v.reason, "computed": v.computed},
                                                    default=str)[:1500] if v else "")
    parts = [f"<p><a href='../report.html'>← all articles</a></p><h1>{html.escape(doc.title or doc.source)}</h1>",
             f"<p>{html.escape(' · '.join(str(x) for x in (doc.site, doc.author, doc.published) if x))}</p>"]
    for i, block in enumerate(doc.blocks):
        text = _marked_block(doc, i)
        if block.role.value != "article":
            cues = html.escape(", ".join(block.cues))
            parts.append(f"<div class='block promo'>{text}</div><div class='role'>{html.escape(block.role.value)} "
                         f"({cues})</div>")
            continue
        claims_here = [(s, e, cls, ev) for (s, e), (cls, ev) in claim_class.items() if block.start <= s and e <= block.end]
        badge = "".join(f"<div class='{cls}' title='{html.escape(ev, quote=True)}'>{html.escape(cls)}: "
                        f"{html.escape(doc.text[s:e])}</div>" for s, e, cls, ev in claims_here)
        parts.append(f"<div class='block'>{text}{badge}</div>")
    return _page(doc.title or doc.id, "".join(parts))


def write_report(out: Path, docs: list[Document]) -> None:
    from nlp.io import atomic_write_with

    pages = out / "articles"
    pages.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc in docs:
        small = _score(doc, "small_caps")
        unsupported = sum(1 for f in doc.flags if f.name == "unsupported_claim")
        score = f"{small.score:+.2f} {small.label}" if small else "—"
        rows.append(f"<tr><td><a href='articles/{doc.id}.html'>{html.escape(doc.title or doc.source)}</a></td>"
                    f"<td>{html.escape(str(doc.published)[:10] if doc.published else '')}</td>"
                    f"<td>{html.escape(doc.site or '')}</td><td data-v='{small.score if small else 0}'>{html.escape(score)}</td>"
                    f"<td data-v='{doc.promotional_score or 0}'>{(doc.promotional_score or 0):.2f}</td>"
                    f"<td>{unsupported}</td></tr>")
        atomic_write_with(pages / f"{doc.id}.html", lambda tmp, doc=doc: Path(tmp).write_text(article_page(doc), encoding="utf-8"))
    body = (f"<h1>finnews report</h1><p>{len(docs)} articles</p><h2>Small-cap sentiment</h2>{_chart(docs)}"
            "<h2>Articles</h2><table><thead><tr><th>title</th><th>date</th><th>site</th><th>small caps</th>"
            f"<th>promotional</th><th>unsupported claims</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    atomic_write_with(out / "report.html", lambda tmp: Path(tmp).write_text(_page("finnews report", body, _SORT_JS),
                                                                    encoding="utf-8"))
