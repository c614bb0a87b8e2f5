"""finnews: financial-news NLP analyzer.

>>> import nlp
>>> doc = nlp.load_document("corpora/pages/newsletter-smallcap-weekly.html")
>>> print(doc.title, doc.published)
>>> print(doc.article_text()[:200])
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

# imported on first use (PEP 562), so that a command which never parses a page (``finnews
# sentiment --text``) does not pay a second for trafilatura and the parser at start-up
_EXPORTS = {"ParseOptions": "nlp.parse", "load_document": "nlp.parse", "parse_bytes": "nlp.parse",
            "Pipeline": "nlp.pipeline", "register_stage": "nlp.pipeline", "Document": "nlp.schema"}

__all__ = ["Document", "ParseOptions", "Pipeline", "__version__", "load_document", "parse_bytes",
           "register_stage"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
