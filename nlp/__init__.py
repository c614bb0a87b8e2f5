"""finnews: financial-news NLP analyzer.

>>> import nlp
>>> doc = nlp.load_document("corpora/pages/newsletter-smallcap-weekly.html")
>>> print(doc.title, doc.published)
>>> print(doc.article_text()[:200])
"""

__version__ = "0.1.0"

from nlp.parse import ParseOptions, load_document, parse_bytes  # noqa: E402
from nlp.pipeline import Pipeline, register_stage  # noqa: E402
from nlp.schema import Document  # noqa: E402

__all__ = ["Document", "ParseOptions", "Pipeline", "__version__", "load_document", "parse_bytes",
           "register_stage"]
