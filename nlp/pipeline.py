"""A pipeline runs named stages over documents.

A stage is any callable ``Document -> Document`` with a ``name``. Stages are registered
by name with :func:`register_stage` (like spaCy's ``@Language.factory``), declaring what
they read from the :class:`~nlp.schema.Document` and what they assign to it, and the frozen
dataclass of their options::

    @dataclass(frozen=True)
    class FigureOptions:
        parse: bool = True

    @register_stage("figures", requires=("entities",), reads=("blocks.role",), assigns=("figures",),
                    options=FigureOptions)
    def make_figures(options: FigureOptions) -> Stage: ...

    pipe = Pipeline(["promo", "entities", "figures"], {"figures": {"parse": False}})
    doc = pipe(load_document("page.html"))
    print(pipe.analyze())                          # stage, requires, reads, assigns, options

``requires``: fields an earlier stage must assign (E405 names the stage to add); ``reads``:
fields used when present, so a stage assigning them must come first (E408). Options are
checked when the pipeline is built: an unknown key is E406, a value of the wrong type E407.
:func:`builtin_order` gives finnews's own stages in an order that satisfies all of this —
the batch, the CLI's ``--stages`` and its help are derived from it.

A stage that raises does not lose the document: the failure is recorded in
``doc.errors`` (code E401) and the remaining stages still run, unless ``strict=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from nlp.errors import Errors, PipelineError
from nlp.schema import Document, Severity


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[Any], Stage]
# what a document has before any stage runs (set by parsing)
PARSED_FIELDS = ("text", "blocks", "title", "published", "site", "author", "url", "meta")


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: StageFactory
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    options: type | None = None  # a frozen dataclass; None: the factory takes the raw dict


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(name: str, *, requires: Iterable[str] = (), reads: Iterable[str] = (),
                   assigns: Iterable[str] = (), options: type | None = None) -> Callable[[StageFactory], StageFactory]:
    """Register a factory that builds the stage ``name`` from its options."""

    def wrap(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(reads), tuple(assigns), options)
        return factory

    return wrap


def stage_spec(name: str) -> StageSpec:
    if name not in _REGISTRY:
        _import_builtin(name)
    if name not in _REGISTRY:
        raise PipelineError(Errors.E402, name=name, known=", ".join(registered_stages()) or "none")
    return _REGISTRY[name]


def registered_stages() -> list[str]:
    """Stages registered so far, and finnews's own (``nlp/<name>/stage.py``), imported or not."""
    return sorted(set(_REGISTRY) | set(_builtin_names()))


def _builtin_names() -> list[str]:
    from pathlib import Path

    return sorted(p.parent.name for p in Path(__file__).parent.glob("*/stage.py"))


def builtin_order(names: Iterable[str] | None = None) -> list[str]:
    """finnews's own stages (or ``names``) in an order where every stage comes after those
    assigning what it requires or reads; ties keep the alphabetical order."""
    wanted = sorted(set(names) if names is not None else _builtin_names())
    specs = {n: stage_spec(n) for n in wanted}
    order: list[str] = []
    while specs:
        ready = [n for n, spec in specs.items()
                 if not any(set(spec.requires + spec.reads) & set(other.assigns)
                            for m, other in specs.items() if m != n)]
        if not ready:
            raise PipelineError(Errors.E408, stage=next(iter(specs)), field="a field", later="another stage")
        order.append(ready[0])
        del specs[ready[0]]
    return order


def with_requirements(names: Iterable[str]) -> list[str]:
    """``names`` plus the stages that assign what they require (transitively), in
    :func:`builtin_order`: ``["claims"]`` → entities, figures, claims."""
    chosen = set(names)
    todo = list(chosen)
    while todo:
        for field_name in stage_spec(todo.pop()).requires:
            if field_name in PARSED_FIELDS or any(field_name in stage_spec(n).assigns for n in chosen):
                continue
            provider = next((n for n in _builtin_names() if field_name in stage_spec(n).assigns), None)
            if provider is not None:
                chosen.add(provider)
                todo.append(provider)
    return builtin_order(chosen)


def stage_table(names: Iterable[str]) -> str:
    """:func:`describe_stages` as aligned text."""
    rows = describe_stages(names)
    if not rows:
        return ""
    cols = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols).rstrip(), "  ".join("-" * widths[c] for c in cols)]
    return "\n".join(lines + ["  ".join(r[c].ljust(widths[c]) for c in cols).rstrip() for r in rows])


def describe_stages(names: Iterable[str]) -> list[dict[str, str]]:
    """One row per stage: what it requires, reads and assigns, and its options (as
    ``nlp.analyze_pipes()`` shows a spaCy pipeline)."""
    from nlp.options import describe

    rows = []
    for name in names:
        spec = stage_spec(name)
        rows.append({"stage": name, "requires": ", ".join(spec.requires) or "-", "reads": ", ".join(spec.reads) or "-",
                     "assigns": ", ".join(spec.assigns) or "-", "options": describe(spec.options) or "-"})
    return rows


def create_stage(name: str, options: dict[str, Any] | None = None) -> Stage:
    from nlp.options import build_options

    spec = stage_spec(name)
    built = build_options(name, spec.options, options) if spec.options is not None else (options or {})
    stage = spec.factory(built)
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
        self.check()

    def check(self) -> None:
        """Every registered stage's requirements are assigned by an earlier stage (E405), and
        nothing it reads is assigned only later (E408)."""
        assigned = set(PARSED_FIELDS)
        names = self.stage_names
        for i, name in enumerate(names):
            spec = _REGISTRY.get(name)
            if spec is None:
                continue  # a stage object of the user's own: no declaration to check
            for field_name in spec.requires:
                if field_name not in assigned:
                    providers = [n for n, other in _REGISTRY.items() if field_name in other.assigns]
                    raise PipelineError(Errors.E405, stage=name, field=field_name,
                                        providers=" or ".join(providers) or "a stage assigning it",
                                        order=", ".join(names))
            for later in names[i + 1:]:
                other = _REGISTRY.get(later)
                clash = next((f for f in spec.reads if other and f in other.assigns), None)
                if clash:
                    raise PipelineError(Errors.E408, stage=name, field=clash, later=later)
            assigned |= set(spec.assigns)

    def analyze(self) -> str:
        """The pipeline as a table: stage, requires, reads, assigns, options."""
        return stage_table(n for n in self.stage_names if n in _REGISTRY)

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
