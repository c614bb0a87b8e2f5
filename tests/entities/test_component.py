import pytest
import spacy

import nlp.entities.component  # noqa: F401 - registers the factory

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def pipeline(linker):
    nlp = spacy.blank("en")
    nlp.add_pipe("finnews_entity_linker", config={"set_ents": True})
    return nlp


def test_spacy_component_sets_spans_and_extensions(pipeline):
    doc = pipeline("Astera and Credo led the Russell 2000 higher, according to FactSet.")
    spans = doc.spans["finnews_entities"]
    got = [(s.text, s._.symbol, s._.kind, s._.role) for s in spans]
    assert got == [("Astera", "ALAB", "stock", "subject"), ("Credo", "CRDO", "stock", "subject"),
                   ("Russell 2000", "^RUT", "index", "subject"), ("FactSet", "FDS", "stock", "source")]
    assert [e.label_ for e in doc.ents] == ["stock", "stock", "index", "stock"]
    assert spans[0]._.exchange == "NASDAQ"


def test_component_is_listed_with_what_it_assigns(pipeline):
    meta = pipeline.get_pipe_meta("finnews_entity_linker")
    assert "span._.symbol" in meta.assigns
