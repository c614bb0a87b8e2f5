"""The stage contract: declared requirements and assignments, typed options, stages that
meet only in the Document, shared models by name."""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.errors import PipelineError
from nlp.pipeline import Pipeline, builtin_order, register_stage, with_requirements
from nlp.schema import Document

NLP = Path(__file__).resolve().parent.parent / "nlp"
STAGE_PACKAGES = {p.parent.name for p in NLP.glob("*/stage.py")}


def test_misspelt_and_mistyped_options_fail_fast_with_the_valid_keys():
    with pytest.raises(PipelineError, match=r"E406.*'treshold'.*threshold"):
        Pipeline(["entities", "figures", "claims"], {"claims": {"treshold": 0.9}})
    with pytest.raises(PipelineError, match=r"E407.*'parse'.*'perhaps'"):
        Pipeline(["entities", "figures"], {"figures": {"parse": "perhaps"}})
    with pytest.raises(PipelineError, match=r"E407.*threshold"):
        Pipeline(["entities", "figures", "claims"], {"claims": {"threshold": 3}})
    assert Pipeline(["entities", "figures"], {"figures": {"parse": "no"}}).get("figures").parse is False
    assert Pipeline(["entities", "figures", "claims"], {"claims": {"threshold": "0.7"}}).get("claims").threshold == 0.7


def test_requirements_must_come_first_and_the_order_is_derived():
    with pytest.raises(PipelineError, match=r"E405.*'claims' requires entities"):
        Pipeline(["claims"])
    with pytest.raises(PipelineError, match=r"E408.*'entities' reads blocks.role.*'promo'"):
        Pipeline(["entities", "promo"])
    assert builtin_order() == ["promo", "entities", "figures", "sentiment", "claims", "verify"]
    assert with_requirements(["claims"]) == ["entities", "figures", "claims"]


def test_a_new_stage_is_one_registration():
    @dataclass(frozen=True)
    class ShoutOptions:
        loud: bool = True

    class Shout:
        name = "shout"

        def __init__(self, options: ShoutOptions) -> None:
            self.loud = options.loud

        def __call__(self, doc: Document) -> Document:
            doc.meta["shout"] = [e.text.upper() for e in doc.entities] if self.loud else []
            return doc

    register_stage("shout", requires=("entities",), assigns=("meta.shout",), options=ShoutOptions)(Shout)
    pipe = Pipeline(["entities", "shout"], {"shout": {"loud": "yes"}})
    assert "shout" in pipe.analyze() and "meta.shout" in pipe.analyze()
    with pytest.raises(PipelineError, match="E405"):
        Pipeline(["shout"])


def test_no_stage_imports_another_stage():
    for package in STAGE_PACKAGES:
        for module in (NLP / package).rglob("*.py"):
            for node in ast.walk(ast.parse(module.read_text("utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                    [a.name for a in node.names] if isinstance(node, ast.Import) else []
                for name in names:
                    parts = name.split(".")
                    if len(parts) > 1 and parts[0] == "nlp" and parts[1] in STAGE_PACKAGES - {package}:
                        pytest.fail(f"{module.relative_to(NLP.parent)} imports {name}")


def test_every_error_code_is_defined_once_and_never_written_as_a_literal():
    import re

    from nlp.errors import Errors, Warnings

    codes = {c.name for c in Errors} | {c.name for c in Warnings}
    literal = re.compile(r"[\"'\[]([EW]\d{3})\b")
    for module in NLP.rglob("*.py"):
        if module.name == "errors.py":
            continue
        for code in literal.findall(module.read_text("utf-8")):
            pytest.fail(f"{module.relative_to(NLP.parent)} writes the code {code} as a literal "
                        f"({'defined' if code in codes else 'undefined'}); use nlp.errors")


def test_a_head_warns_when_the_shared_encoder_is_not_the_one_it_was_fitted_on(monkeypatch):
    import nlp.claims.checkworthy as checkworthy

    head = checkworthy.load_head()
    if head is None or not (head.meta or {}).get("encoder_digest"):
        pytest.skip("no check-worthiness head with an encoder digest")

    class Retrained:
        digest = "0123456789abcdef"

    monkeypatch.setattr(checkworthy, "shared_encoder", lambda name: Retrained())
    code, message = checkworthy.encoder_mismatch()
    assert code.name == "W301" and "0123456789abcdef" in message and head.meta["encoder_digest"] in message
    same = type("Same", (), {"digest": head.meta["encoder_digest"]})()
    monkeypatch.setattr(checkworthy, "shared_encoder", lambda name: same)
    assert checkworthy.encoder_mismatch() is None
