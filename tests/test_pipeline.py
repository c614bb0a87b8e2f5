import pytest

from nlp.errors import PipelineError
from nlp.pipeline import Pipeline, register_stage
from nlp.schema import BlockKind, Document, Severity


def doc() -> Document:
    d = Document(id="x", sha256="x", source="s")
    d.set_blocks([("Hello world.", BlockKind.PARAGRAPH, {})])
    return d


class Upper:
    name = "upper"

    def __call__(self, d: Document) -> Document:
        d.meta["seen"] = d.meta.get("seen", []) + [self.name]
        return d


class Boom:
    name = "boom"

    def __call__(self, d: Document) -> Document:
        raise RuntimeError("kaput")


@register_stage("test_marker")
def make_marker(options):
    stage = Upper()
    stage.name = options.get("name", "test_marker")
    return stage


def test_stages_run_in_order_and_are_recorded():
    pipe = Pipeline(["test_marker", Upper()])
    out = pipe(doc())
    assert out.stages == ["test_marker", "upper"]
    assert out.meta["seen"] == ["test_marker", "upper"]


def test_add_before_and_after():
    pipe = Pipeline([Upper()])
    pipe.add("test_marker", before="upper")
    assert pipe.stage_names == ["test_marker", "upper"]
    with pytest.raises(PipelineError, match="E403"):
        pipe.add(Upper())


def test_failing_stage_is_recorded_and_later_stages_still_run():
    out = Pipeline([Boom(), Upper()])(doc())
    assert out.stages == ["upper"]
    assert out.errors[0].code == "E401" and out.errors[0].severity == Severity.ERROR
    assert "kaput" in out.errors[0].message


def test_strict_pipeline_raises():
    with pytest.raises(RuntimeError):
        Pipeline([Boom()], strict=True)(doc())


def test_unknown_stage_names_registered_ones():
    with pytest.raises(PipelineError, match="test_marker"):
        Pipeline(["no_such_stage"])


def test_sentence_spans_survive_whitespace_free_runs():
    from nlp.sentences import sentence_spans

    for n in (100, 101, 201, 202, 5000):
        text = "Small caps rose. " + "x" * n + " done."
        spans = sentence_spans(text)
        assert spans[0] == (0, 16) and spans[-1][1] == len(text)
