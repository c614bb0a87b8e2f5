"""What the document commands share: loading each input through a pipeline, reporting bad
inputs and warnings on stderr, and the exit code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import typer

from nlp.cli import say
from nlp.errors import FinnewsError

if TYPE_CHECKING:
    from nlp.schema import Document


class AnalysedInputs:
    """Iterate (input, analysed document); a bad input is reported and skipped.
    Call :meth:`exit` at the end: exit code 1 when any input failed."""

    def __init__(self, items: list[str], pipe, options=None) -> None:
        self.items, self.pipe, self.options = items, pipe, options
        self.failed = 0

    def __iter__(self) -> Iterator[tuple[str, Document]]:
        from nlp.batch.runner import text_name
        from nlp.parse import load_document

        for item in self.items:
            try:
                doc = load_document(item, self.options)
                doc.source = text_name(doc.source)  # a name that is not UTF-8: text, so JSON writes
                doc = self.pipe(doc)
            except FinnewsError as err:
                self.failed += 1
                say(err, "error")
                continue
            for issue in doc.errors:
                say(f"{item}: {issue.message}", "warning")
            yield item, doc

    def exit(self) -> None:
        if self.failed:
            raise typer.Exit(1)


def analysis_stages(wanted: list[str]) -> list[str]:
    """``wanted``, the stages they require, and promo (so promotional blocks are not
    analysed), in pipeline order (derived from the stages' declarations)."""
    from nlp.pipeline import with_requirements

    return with_requirements(["promo", *wanted])
