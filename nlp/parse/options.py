"""Options for turning input into a document (trafilatura-style: one object, not many arguments)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    max_input_bytes: int = 64 * 1024 * 1024
    """Inputs larger than this are refused with E105 (after gzip decompression)."""
    max_parse_bytes: int = 2 * 1024 * 1024
    """Input past this many bytes (after gzip decompression) is cut before parsing, at a line
    break or a space, with warning W111: a 30 MB file costs what its first 2 MB cost. Above
    every real page measured: of the 878 pages of trafilatura's evaluation set the median is 79 KB, the
    99th percentile 660 KB and the largest 1.6 MB (scripts, styles and markup included); a
    40,000-word feature is about 250 KB of text."""
    max_extract_elements: int = 20_000
    """A page of more elements than this skips trafilatura: its main content is chosen by
    finnews's own container vote, which costs a fifth as much on such pages (a 1 MB list of
    18,000 items: 6 s against 1.5 s). Twice the largest real page: of the pages of trafilatura's
    evaluation set the median has 722 elements, the 99th percentile 3,109, the largest 10,112."""
    max_text_chars: int = 100_000
    """A safety cap, not an article length: texts longer than this (about 16,000 words, as long
    as the longest magazine features, two and a half times the 40,000-character cap that once
    cut real long reads) are cut at a block boundary with warning W108. Every model stage costs
    time in proportion to the text, so this cap, more than the byte bound, decides what a
    pathological input costs: at 2,000,000 characters a hostile input of one-character sentences
    ran past the 60 s article limit in the figures stage, at 250,000 one took 50 s of model stages
    on a busy machine (BENCHMARKS.md, robustness)."""
    max_depth: int = 400
    """Elements nested deeper than this are flattened into their ancestor at this depth."""
    keep_all_text: bool = False
    """Skip main-content selection: every visible block of the page becomes a block."""
    min_block_chars: int = 1
    """Blocks shorter than this (after whitespace folding) are dropped."""
    url: str | None = None
    """The page's URL when known (dates in URLs, site name, resolving links)."""
    content_type: str | None = None
    """The HTTP Content-Type header when known (its charset wins over the page's own)."""
    favor_precision: bool = True
    """Main content from trafilatura's precision setting (with the check below) rather than
    its balanced one; BENCHMARKS.md has both."""
    fast_extraction: bool = True
    """trafilatura's ``fast`` mode: no second opinion from its readability/justext fallbacks.
    A quarter faster for 0.002 Zyte F1 (BENCHMARKS.md); turn off for the last bit of accuracy."""
    recheck_below_share: float = 0.15
    """When trafilatura's precision setting keeps less than this share of the page's visible
    text, the balanced setting is run too ..."""
    precision_keeps_share: float = 0.5
    """... and replaces it when the precision text is less than this share of the balanced one."""
    recheck_below_container_share: float = 0.5
    """Also run the balanced setting when the page marks its content (one ``<main>`` or one
    ``<article>``) and the precision setting keeps less than this share of that element's
    text: a live blog's entries are sibling sections, and the fast setting keeps the first."""
