"""Build a folder of hostile inputs for ``finnews analyze`` (and CSVs for ``finnews market
import``): everything the web and careless users feed a batch tool. Generated, never
committed; deterministic for a given seed.

    python -m tests.robustness.hostile_corpus OUT_DIR [--big-mb 50]

Writes OUT_DIR/articles/... (analyze input), OUT_DIR/market/*.csv (import input) and
OUT_DIR/manifest.json: every input file with a one-line description. Special files
(symlink loops, a dangling link, a FIFO, an unreadable file, a directory named like a page)
are listed too; the analyze run must account for every regular, readable input.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"
SENTENCE = "Small caps rose 3% this week as the Russell 2000 hit 2,450 and $IWM gained 2.1% since August. "


class Corpus:
    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.articles = root / "articles"
        self.articles.mkdir(parents=True, exist_ok=True)
        (root / "market").mkdir(exist_ok=True)
        self.rng = random.Random(seed)
        self.manifest: list[dict] = []

    def add(self, name: str, data: bytes | str, what: str, folder: str = "articles", group: str = "misc") -> Path:
        """``group``: the hostile class the input belongs to (benchmarks/robustness.py reports
        seconds per input for each)."""
        path = self.root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        self.manifest.append({"path": str(path.relative_to(self.root)), "kind": "file", "what": what,
                              "group": group})
        return path

    def special(self, path: Path, kind: str, what: str) -> None:
        self.manifest.append({"path": str(path.relative_to(self.root)), "kind": kind, "what": what})


def html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>Hostile</title></head><body>{body}</body></html>"


def build(root: Path, seed: int = 1, big_mb: int = 50) -> list[dict]:  # noqa: C901, PLR0915 - a catalogue
    c = Corpus(root, seed)
    rng = c.rng
    # -- empty, blank, binary ------------------------------------------------------
    for ext in ("html", "txt", "md", "htm"):
        c.add(f"empty.{ext}", b"", f"empty .{ext}")
    c.add("blank.txt", " \n\t\r\n  \n", "whitespace only")
    c.add("blank.html", "<html><body>   </body></html>", "HTML with no text")
    for i in range(8):
        c.add(f"binary-{i}.html", rng.randbytes(rng.choice([16, 1000, 100_000])), "random bytes named .html")
    c.add("png.html", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000), "a PNG named .html")
    c.add("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + rng.randbytes(3000), "a PDF named .txt")
    c.add("elf.md", b"\x7fELF\x02\x01\x01" + bytes(9) + rng.randbytes(4000), "an ELF binary named .md")
    page = (CORPORA / "news-russell-record.html").read_bytes()
    full = gzip.compress(page)
    c.add("gzip-full.html", full, "a whole gzip stream served without decoding")
    for cut in (10, len(full) // 2, len(full) - 5):
        c.add(f"gzip-truncated-{cut}.html", full[:cut], "truncated gzip")
    # -- huge ----------------------------------------------------------------------
    words = ("small caps rally earnings margin index breadth rate cut the of and to in " * 8).split()
    line = " ".join(rng.choice(words) for _ in range(big_mb * 1024 * 1024 // 6))
    c.add("huge-single-line.txt", line[: big_mb * 1024 * 1024], f"{big_mb} MB on a single line")
    c.add("huge-paragraph.html", html("<p>" + SENTENCE * 20_000 + "</p>"), "one 2 MB paragraph of real sentences")
    c.add("many-paragraphs.html", html("".join(f"<p>{SENTENCE}</p>" for _ in range(20_000))), "20,000 paragraphs")
    c.add("long-token.txt", "x" * 5_000_000, "a 5 MB word")
    c.add("digits.txt", "1" * 1_000_000, "a million-digit number")
    c.add("huge-attribute.html", html(f"<p title='{'a' * 3_000_000}'>Small caps rose 3%.</p>"), "3 MB attribute")
    # -- nesting -------------------------------------------------------------------
    for tag in ("div", "span", "table", "ul", "b", "blockquote"):
        inner = {"table": ("<table><tr><td>", "</td></tr></table>"), "ul": ("<ul><li>", "</li></ul>")}
        open_, close = inner.get(tag, (f"<{tag}>", f"</{tag}>"))
        c.add(f"nested-{tag}.html", html(open_ * 10_000 + SENTENCE + close * 10_000), f"10,000-deep <{tag}>")
    c.add("nested-unclosed.html", html("<div>" * 10_000 + SENTENCE), "10,000 unclosed <div>")
    c.add("nested-markdown.md", ">" * 10_000 + " " + SENTENCE, "10,000-deep Markdown quote")
    c.add("nested-list.md", "".join("  " * i + "- item\n" for i in range(2000)), "2,000-deep Markdown list")
    # -- encodings -----------------------------------------------------------------
    c.add("invalid-utf8.txt", SENTENCE.encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 50, "invalid UTF-8")
    c.add("invalid-utf8.html", html("<p>").encode() + b"\xff\xfe\xfd" * 100 + SENTENCE.encode(),
          "invalid UTF-8 in HTML")
    c.add("overlong-utf8.txt", b"\xc0\xaf\xe0\x80\xaf" * 100 + SENTENCE.encode(), "overlong UTF-8 sequences")
    c.add("surrogates.txt", SENTENCE.encode() + b"\xed\xa0\x80\xed\xbf\xbf" * 20, "encoded surrogates")
    c.add("lying-charset-utf8.html", html("<p>Caf\u00e9 small caps \u201crose\u201d 3%</p>", "<meta charset='utf-8'>")
          .encode("cp1252"), "cp1252 bytes declared utf-8")
    c.add("lying-charset-sjis.html", html("<p>Small caps — “rose” 3% ✓</p>", "<meta charset='shift_jis'>"),
          "UTF-8 declared Shift_JIS")
    c.add("lying-bom.html", b"\xff\xfe" + html("<p>" + SENTENCE + "</p>").encode(), "UTF-16 BOM on UTF-8 bytes")
    c.add("utf16.html", html("<p>" + SENTENCE + "</p>", "<meta charset='utf-16'>").encode("utf-16"), "real UTF-16")
    c.add("utf32.txt", SENTENCE.encode("utf-32"), "UTF-32 with BOM")
    c.add("unknown-charset.html", html("<p>" + SENTENCE + "</p>", "<meta charset='x-no-such-charset'>"),
          "an unknown charset name")
    c.add("ebcdic.txt", SENTENCE.encode("cp500"), "EBCDIC bytes")
    # -- control characters ----------------------------------------------------------
    c.add("nul-bytes.html", html("<p>Small\x00 caps\x00 rose 3%\x00</p>" * 20), "NUL bytes in HTML")
    c.add("nul-bytes.txt", ("Small caps\x00rose 3%.\x00\n\n" * 50), "NUL bytes in text")
    c.add("all-nul.txt", b"\x00" * 100_000, "nothing but NUL")
    c.add("zero-width.txt", "\u200b".join(SENTENCE) * 3, "zero-width space between every letter")
    c.add("bidi.html", html("<p>\u202eSmall caps rose 3%\u202c \u2066$AAPL\u2069 \u200f1,234\u200e</p>" * 10),
          "bidi overrides and isolates")
    c.add("bidi-filename-\u202etxt.md", SENTENCE, "bidi override in the file name")
    c.add("controls.txt", "".join(chr(i) for i in range(32)) * 100 + SENTENCE, "every C0 control")
    c.add("combining.txt", "S" + "\u0301" * 50_000 + " caps rose 3%", "50,000 combining marks")
    c.add("emoji.txt", ("📈🚀💰 " * 5000) + SENTENCE, "emoji flood")
    c.add("rtl-arabic.txt", "ارتفعت أسهم الشركات الصغيرة 3% " * 200, "Arabic text")
    c.add("cjk.html", html("<p>" + "小型株が3%上昇した。" * 500 + "</p>"), "Japanese text")
    # -- numbers -------------------------------------------------------------------
    for i, number in enumerate(["1e308", "99999999999999999999%", "1e-308", "-0", "NaN%", "Infinity",
                                "$" + "9" * 400, "1" + ",000" * 300, "0." + "0" * 500 + "1%",
                                "1.2.3.4.5.6.7.8.9", "--5%", "5%%%%%", "1e99999x", "½ to ¾%", "٣٤٥٪"]):
        c.add(f"number-{i:02d}.txt", f"Small caps rose {number} as the Russell 2000 hit {number} points.\n",
              f"the number {number[:30]}")
    c.add("number-soup.txt", " ".join(str(rng.random() * 10 ** rng.randint(-300, 300)) for _ in range(20_000)),
          "20,000 random floats")
    c.add("range-bomb.txt", "-".join(str(i) for i in range(50_000)) + "%", "a 50,000-part range")
    # -- entities ------------------------------------------------------------------
    tickers = ["$AAPL", "$IWM", "NVDA", "(NASDAQ: SOUN)", "ALAB", "TSLA", "Russell 2000", "IWM", "AI", "NOW"]
    c.add("tickers-10000.txt", " ".join(rng.choice(tickers) for _ in range(10_000)) + " rallied 3%.",
          "10,000 tickers in one paragraph")
    c.add("cashtags-10000.html", html("<p>" + " ".join(f"${rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') * 3}"
                                                          for _ in range(10_000)) + "</p>"), "10,000 cashtags")
    c.add("capitals.txt", " ".join("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
                                    for _ in range(20_000)), "20,000 all-capital words")
    c.add("parens.txt", "(" * 50_000 + "NASDAQ: AAPL" + ")" * 50_000, "50,000 parentheses")
    # -- scripts and markup ----------------------------------------------------------
    c.add("js-only.html", html("<noscript>Enable JavaScript</noscript><script>document.write('<p>x</p>')</script>"),
          "JavaScript-only page")
    c.add("js-app.html", html("<div id='root'></div>" + "<script src='/app.js'></script>" * 20), "an empty SPA shell")
    c.add("js-huge.html", html("<script>" + "var a=1;" * 200_000 + "</script><p>Small caps rose 3%.</p>"),
          "1.6 MB of inline script")
    c.add("xss.html", html("<h1>x<script>alert(1)</script></h1><p>Small caps <img src=x onerror=alert(2)> rose"
                           " 3% <a href='javascript:alert(3)'>now</a> &lt;script&gt;alert(4)&lt;/script&gt;</p>",
                           "<style>body{background:url(http://127.0.0.1:9/)}</style>"), "script injection")
    c.add("comments-only.html", "<!--" + "x" * 100_000 + "-->", "only a comment")
    c.add("unclosed-comment.html", html("<p>Small caps rose 3%.</p><!-- never closed " + SENTENCE * 100),
          "an unclosed comment")
    c.add("cdata.html", "<![CDATA[" + SENTENCE * 100, "unterminated CDATA")
    c.add("xml-bomb.html", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
          '&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;'
          '&c;">]><html><body><p>&d;&d;&d;&d;</p></body></html>', "entity expansion (billion laughs)")
    c.add("external-entity.html", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
          "<html><body><p>&x; small caps</p></body></html>", "external entity (XXE)")
    c.add("frameset.html", "<html><frameset><frame src='a.html'></frameset></html>", "a frameset")
    c.add("tag-soup.html", "".join(rng.choice(["<p>", "</p>", "<div", ">", "</", "<li>", "&", "&#", ";",
                                               "<table>", "<td>", "<!", "--", SENTENCE]) for _ in range(20_000)),
          "random tag soup")
    c.add("many-attributes.html", html("<p " + " ".join(f"a{i}='{i}'" for i in range(50_000)) + ">x</p>"),
          "50,000 attributes")
    c.add("entities-flood.html", html("<p>" + "&amp;&lt;&#x0;&#xD800;&#99999999;&nbsp;" * 20_000 + "</p>"),
          "broken character references")
    c.add("svg.html", html("<svg><foreignObject><p>" + SENTENCE + "</p></foreignObject></svg>" * 100), "SVG")
    # -- markdown and text --------------------------------------------------------------
    c.add("headings.md", "#" * 10_000 + " title\n" + ("# h\n" * 10_000), "10,000 headings")
    c.add("table.md", "|" + "a|" * 2000 + "\n" + ("|" + "1|" * 2000 + "\n") * 200, "a 2,000-column table")
    c.add("links.md", "[x](javascript:alert(1)) " * 5000, "5,000 javascript links")
    c.add("one-char-lines.txt", "\n".join(rng.choice("ab$%1") for _ in range(200_000)), "200,000 one-character lines")
    c.add("crlf-only.txt", "\r" * 100_000, "carriage returns only")
    c.add("dates.txt", "\n".join(f"Dec.{rng.randint(1, 40)} {rng.randint(0, 99999)}" for _ in range(5000)),
          "5,000 date-like lines")
    c.add("repeat.txt", (SENTENCE + "\n\n") * 3000, "the same paragraph 3,000 times")
    c.add("no-spaces.txt", SENTENCE.replace(" ", "") * 5000, "text without spaces")
    c.add("sentence-bomb.txt", "Small caps rose 3%. " * 20_000, "20,000 one-line sentences")
    add_pattern_traps(c)
    add_big_inputs(c, big_mb)
    # -- feeds ---------------------------------------------------------------------------
    c.add("feed.jsonl", "\n".join([json.dumps({"title": "ok", "text": SENTENCE}), "{broken", "[]", "null",
                                   json.dumps({"html": 5}), json.dumps({"text": ""}), json.dumps({"published": "x"}),
                                   json.dumps({"text": SENTENCE, "published": "31/31/99999"}), "\x00\xff"]),
          "a JSON Lines feed with broken rows")
    c.add("feed-huge-line.jsonl", json.dumps({"text": SENTENCE * 5000}), "one huge feed row")
    c.add("feed-binary.ndjson", rng.randbytes(5000), "a binary feed")
    # -- mutated real pages ---------------------------------------------------------------
    pages = sorted(CORPORA.iterdir())
    for i in range(24):
        data = bytearray(pages[i % len(pages)].read_bytes())
        how = i % 3
        if how == 0:
            data = data[: rng.randint(1, len(data))]
            what = "a corpora page cut at a random byte"
        elif how == 1:
            for _ in range(rng.randint(1, 200)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            what = "a corpora page with random bytes flipped"
        else:
            chunks = [bytes(data[k:k + 200]) for k in range(0, len(data), 200)]
            rng.shuffle(chunks)
            data = bytearray(b"".join(chunks))
            what = "a corpora page with its 200-byte chunks shuffled"
        c.add(f"mutated-{i:02d}{pages[i % len(pages)].suffix}", bytes(data), what)
    # -- names ----------------------------------------------------------------------------
    c.add("name with spaces & ' quotes.html", html("<p>" + SENTENCE + "</p>"), "spaces and quotes in the name")
    c.add("名前-ünïcödé.txt", SENTENCE, "a non-ASCII name")
    c.add(("long-" * 48) + ".txt", SENTENCE, "a 245-byte name")
    c.add("..dots...txt", SENTENCE, "dots in the name")
    c.add("sub/dir/deeper/page.html", html("<p>" + SENTENCE + "</p>"), "deep in sub-folders")
    c.add("UPPER.HTML", html("<p>" + SENTENCE + "</p>"), "an upper-case suffix")
    # -- special files -------------------------------------------------------------------
    art = c.articles
    os.symlink("..", art / "loop-up")
    c.special(art / "loop-up", "symlink", "a symlink to the parent folder (a loop)")
    os.symlink("loop-b.html", art / "loop-a.html")
    os.symlink("loop-a.html", art / "loop-b.html")
    c.special(art / "loop-a.html", "symlink", "two symlinks pointing at each other")
    c.special(art / "loop-b.html", "symlink", "two symlinks pointing at each other")
    os.symlink("no-such-file.html", art / "dangling.html")
    c.special(art / "dangling.html", "symlink", "a dangling symlink")
    os.mkfifo(art / "fifo.html")
    c.special(art / "fifo.html", "fifo", "a named pipe named .html (reading it would block)")
    (art / "folder.html").mkdir()
    c.special(art / "folder.html", "directory", "a folder named .html")
    locked = c.add("unreadable.html", html("<p>" + SENTENCE + "</p>"), "a file with no read permission")
    locked.chmod(0)
    # -- market CSVs (finnews market import) --------------------------------------------------
    good = "Date,Open,High,Low,Close,Volume\n2025-12-01,1,2,0.5,1.5,100\n2025-12-02,1.5,2.5,1,2,200\n"
    c.add("SHUFFLED.csv", "Volume,Close,Date,High,Low,Open\n100,1.5,2025-12-01,2,0.5,1\n", "shuffled columns", "market")
    c.add("NOCLOSE.csv", "Date,Open,High\n2025-12-01,1,2\n", "no close column", "market")
    c.add("BADDATES.csv", good.replace("2025-12-02", "2025-13-45") + "yesterday,1,1,1,1,1\n,,,,,\n", "bad dates",
          "market")
    c.add("NEGATIVE.csv", good + "2025-12-03,-1,-1,-1,-1,0\n2025-12-04,nan,nan,nan,inf,x\n", "bad prices", "market")
    c.add("EMPTY.csv", "", "empty CSV", "market")
    c.add("BINARY.csv", rng.randbytes(3000), "binary CSV", "market")
    c.add("HEADERONLY.csv", "Date,Close\n", "a header and nothing else", "market")
    c.add("DUPES.csv", good + good.split("\n", 1)[1], "duplicated dates", "market")
    c.add("SEMICOLON.csv", good.replace(",", ";"), "semicolon-separated", "market")
    c.add("WIDE.csv", ",".join(f"c{i}" for i in range(5000)) + "\n" + ",".join("1" * 5000) + "\n", "5,000 columns",
          "market")
    (root / "manifest.json").write_text(json.dumps(c.manifest, indent=1, ensure_ascii=False))
    return c.manifest


def add_pattern_traps(c: Corpus) -> None:
    """Small inputs (at most a few hundred KB) built to make a regular expression try every
    start position against the rest of the line: runs of an opening delimiter that never
    closes, and long whitespace runs before an end-of-line check. Real pages have such runs
    (minified code, ASCII art, tables of brackets)."""
    em = "\u2003"  # whitespace that the space-folding does not fold
    traps = {
        "brackets.md": ("[" * 150_000, "a Markdown line of 150,000 '['"),
        "image-brackets.md": ("![" * 75_000, "75,000 unclosed image links"),
        "link-targets.md": ("[x](" * 30_000, "30,000 unclosed link targets"),
        "stars.md": ("*a " * 50_000, "50,000 unclosed '*' emphasis markers"),
        "double-stars.md": ("**a " * 40_000, "40,000 unclosed '**' markers"),
        "underscores.md": ("__a " * 40_000, "40,000 unclosed '__' markers"),
        "heading-underscores.md": ("# " + "_a " * 50_000, "a heading of 50,000 '_a '"),
        "quote-backticks.md": ("> " + "`x " * 50_000, "a quote of 50,000 '`x'"),
        "heading-whitespace.md": ("# a" + em * 100_000 + "b", "a heading with 100,000 em spaces inside"),
        "front-matter-whitespace.md": ("---\ntitle: a" + em * 100_000 + "b\n---\n" + SENTENCE,
                                       "front matter with an em-space run"),
        "table-pipes.md": ("|" + " |" * 60_000 + "x", "60,000 table pipes, never closed"),
        "table-rule.md": ("| " + "-" * 150_000 + " x", "a table rule of 150,000 dashes"),
        "bullet-brackets.txt": ("- " + "[" * 150_000, "a text bullet then 150,000 '['"),
        "sentence-end-whitespace.txt": ("." * 50_000 + em * 50_000 + "x\nnext line is longer than this one",
                                        "50,000 periods then 50,000 em spaces"),
        "quote-stars.txt": ("> " + "*a " * 50_000, "a text quote of 50,000 '*a '"),
        "style-angles.html": (html("<style>" + "<" * 2_500_000), "<style> then 2.5 million '<'"),
        "body-angles.html": (html("<p>" + "<" * 150_000 + "</p>"), "150,000 '<' in a paragraph"),
        "unclosed-tags.html": (html("<p>" + "<a b" * 40_000), "40,000 unclosed tags"),
        "tab-run.html": (html("<pre>a" + " \t" * 75_000 + "b\n</pre><p>a" + " \t" * 75_000 + "b</p>"),
                         "150,000 spaces and tabs without a newline"),
        "script-angles.html": (html("<script>" + "<" * 150_000), "an unclosed <script> of '<'"),
    }
    for name, (data, what) in traps.items():
        c.add(f"trap-{name}", data, what, group="pattern-trap")


def add_big_inputs(c: Corpus, big_mb: int) -> None:
    """10-30 MB inputs (capped by ``big_mb``): past the parse byte bound, they must cost what
    their first few MB cost. Built by repeating a chunk: random choices per word would take
    longer than analysing them."""
    mb = min(30, big_mb) * 1024 * 1024
    words = " ".join(c.rng.choice(SENTENCE.split()) for _ in range(4096)) + " "
    c.add("big-line-words.txt", (words * (mb // len(words) + 1))[:mb], f"{mb >> 20} MB on one line", group="big")
    c.add("big-line-nospace.txt", "abcdefghij" * (mb // 10), f"{mb >> 20} MB line without spaces", group="big")
    c.add("big-li.html", html("<ul>" + "<li>Small caps rose in item number 12345 of the list</li>" * 200_000
                              + "</ul>"), "200,000 <li>", group="big")
    c.add("big-br.html", html("<p>" + "rose 3%<br>" * 1_000_000 + "</p>"), "a million <br>", group="big")
    c.add("big-one-char-sentences.txt", "A. " * 100_000, "100,000 one-character sentences", group="big")
    c.add("big-five-million-words.txt", ((words + "\n") * (5_000_000 // 4096 + 1)), "five million words",
          group="big")
    c.add("big-markdown.md", ("## Small caps\n\n" + SENTENCE * 3 + "\n\n- item *one*\n\n") * (mb // 350),
          f"{mb >> 20} MB of Markdown", group="big")
    c.add("big-divs.html", html(("<div class='x'><p>" + SENTENCE + "</p></div>") * (mb // 130)),
          f"{mb >> 20} MB of <div><p>", group="big")
    c.add("big-gzip.html", gzip.compress(html("<p>" + SENTENCE * (40 * 1024 * 1024 // len(SENTENCE)) + "</p>")
                                         .encode()), "gzip of a 40 MB page", group="big")
    row = json.dumps({"title": "big", "text": SENTENCE * (8 * 1024 * 1024 // len(SENTENCE))})
    # the short rows are what a scraper dumps: a wire story every tenth row (20 stories,
    # repeated), the rest empty or broken; what is measured is reading the feed, not the models
    wire = [json.dumps({"title": f"wire {k}", "text": f"Small caps rose {k}% today."}) for k in range(20)]
    junk = ["null", json.dumps({"text": ""}), "[]", json.dumps({"html": 5})]
    small = [wire[i // 10 % 20] if i % 10 == 0 else junk[i % 4] for i in range(20_000)]
    c.add("big-feed.jsonl", "\n".join([small[0], row, *small[1:]]) + "\n",
          "one 8 MB row and 20,000 short rows (2,000 wire stories, the rest broken)", group="big-feed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-mb", type=int, default=50)
    args = parser.parse_args()
    manifest = build(args.out, args.seed, args.big_mb)
    print(f"{len(manifest)} hostile inputs in {args.out}")


if __name__ == "__main__":
    main()
