"""A pipeline runs named stages over documents.

A stage is any callable ``Document -> Document`` with a ``name``. Stages are registered
by name with :func:`register_stage` (like spaCy's ``@Language.factory``), so a pipeline can
be built from a list of names and later issues add stages without touching the others::

    @register_stage("promo")
    def make_promo(options: dict) -> Stage: ...

    pipe = Pipeline(["promo", "entities"])
    doc = pipe(load_document("page.html"))

A stage that raises does not lose the document: the failure is recorded in
``doc.errors`` (code E401) and the remaining stages still run, unless ``strict=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from nlp.errors import Errors, PipelineError
from nlp.schema import Document, Severity


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[dict[str, Any]], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a factory that builds the stage ``name`` from an options dict."""

    def wrap(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def registered_stages() -> list[str]:
    """Stages registered so far, and finnews's own (``nlp/<name>/stage.py``), imported or not."""
    from pathlib import Path

    builtin = {p.parent.name for p in Path(__file__).parent.glob("*/stage.py")}
    return sorted(set(_REGISTRY) | builtin)


def create_stage(name: str, options: dict[str, Any] | None = None) -> Stage:
    if name not in _REGISTRY:
        _import_builtin(name)
    if name not in _REGISTRY:
        raise PipelineError(Errors.E402, name=name, known=", ".join(registered_stages()) or "none")
    stage = _REGISTRY[name](options or {})
    if not getattr(stage, "name", None):
        stage.name = name  # type: ignore[misc]
    return stage


def _import_builtin(name: str) -> None:
    """finnews's own stages live in ``nlp.<name>.stage`` and register on import."""
    import importlib

    try:
        importlib.import_module(f"nlp.{name}.stage")
    except ModuleNotFoundError as err:
        if err.name not in (f"nlp.{name}", f"nlp.{name}.stage"):
            raise


class Pipeline:
    def __init__(
        self,
        stages: Iterable[str | Stage] = (),
        options: dict[str, dict[str, Any]] | None = None,
        strict: bool = False,
    ) -> None:
        self.strict = strict
        self._stages: list[Stage] = []
        for item in stages:
            self.add(item, (options or {}).get(item) if isinstance(item, str) else None)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self._stages]

    def add(
        self,
        stage: str | Stage,
        options: dict[str, Any] | None = None,
        *,
        before: str | None = None,
        after: str | None = None,
    ) -> Stage:
        built = create_stage(stage, options) if isinstance(stage, str) else stage
        if built.name in self.stage_names:
            raise PipelineError(Errors.E403, name=built.name)
        position = len(self._stages)
        if before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        self._stages.insert(position, built)
        return built

    def get(self, name: str) -> Stage:
        return self._stages[self._index(name)]

    def _index(self, name: str) -> int:
        try:
            return self.stage_names.index(name)
        except ValueError:
            raise PipelineError(Errors.E402, name=name, known=", ".join(self.stage_names)) from None

    def __call__(self, doc: Document) -> Document:
        for stage in self._stages:
            try:
                doc = stage(doc)
            except Exception as err:  # noqa: BLE001 - a failing stage must not lose the document
                if self.strict:
                    raise
                doc.add_issue(
                    stage.name,
                    Errors.E401.name,
                    Errors.E401.value.format(stage=stage.name, reason=f"{type(err).__name__}: {err}"),
                    Severity.ERROR,
                )
                continue
            doc.stages.append(stage.name)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def __repr__(self) -> str:
        return f"Pipeline({self.stage_names})"
