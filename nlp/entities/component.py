"""The entity linker as a spaCy component, for use in your own spaCy pipelines::

    import spacy
    import nlp.entities.component  # registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("finnews_entity_linker")
    doc = nlp("Astera and Credo led the Russell 2000 higher.")
    [(s.text, s._.symbol, s._.kind, s._.role) for s in doc.spans["finnews_entities"]]

Mentions go to ``doc.spans[spans_key]`` (label = kind). With ``set_ents=True`` they also
replace overlapping ``doc.ents``. A mention that does not align with token boundaries is
expanded to the enclosing tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.entities import load_linker
from nlp.entities.linker import EntityLinker

_ATTRS = ("symbol", "kind", "exchange", "role", "name", "size", "confidence")
for _attr in _ATTRS:
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


class FinnewsEntityLinker:
    def __init__(self, name: str, linker: EntityLinker, spans_key: str, set_ents: bool) -> None:
        self.name = name
        self.linker = linker
        self.spans_key = spans_key
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.linker.link(doc.text):
            span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
            if span is None:
                continue
            for attr in _ATTRS:
                setattr(span._, attr, getattr(m, attr))
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            keep = [e for e in doc.ents if all(e.end <= s.start or s.end <= e.start for s in spans)]
            doc.ents = filter_spans(keep + spans)
        return doc


@Language.factory(
    "finnews_entity_linker",
    assigns=["doc.spans", "span._.symbol", "span._.kind", "span._.exchange", "span._.role"],
    default_config={"store_path": None, "spans_key": "finnews_entities", "set_ents": False},
)
def make_finnews_entity_linker(
    nlp: Language, name: str, store_path: str | None, spans_key: str, set_ents: bool
) -> FinnewsEntityLinker:
    return FinnewsEntityLinker(name, load_linker(store_path), spans_key, set_ents)
