"""``finnews sentiment``: sentence and target sentiment from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app


@app.command()
def sentiment(
    file: Annotated[Path | None, typer.Argument(help="A file with one sentence per line ('-' for stdin).")] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Score this text instead of a file.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Score toward a target: small_caps, "
                      "large_caps, a ticker (IWM), or any words ('Russell 2000').")] = None,
    model_path: Annotated[Path | None, typer.Option("--model", help="A save_pretrained folder "
                          "(default models/sentiment-minilm).")] = None,
    backend: Annotated[str, typer.Option(help="Inference backend: onnx-int8 (default, fastest), onnx, or "
                       "torch; BENCHMARKS.md has the accuracy of each.")] = "onnx-int8",
) -> None:
    """Sentence sentiment (positive / neutral / negative with calibrated probabilities), one
    JSON line per sentence: text, label, scores and, with --target, the target and the words
    that named it."""
    from nlp.sentiment.model import load_sentiment_model

    if (file is None) == (text is None):
        raise typer.BadParameter("give either a FILE or --text")
    if text is not None:
        lines = [text]
    elif str(file) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = [line.strip() for line in lines if line.strip()]
    from nlp.sentiment.model import BACKENDS

    if backend not in BACKENDS:
        raise typer.BadParameter(f"--backend must be one of {', '.join(BACKENDS)}", param_hint="--backend")
    model = load_sentiment_model(str(model_path) if model_path else None, backend)
    words = [_target_words(line, target) for line in lines] if target else None
    for line, i, pred in zip(lines, range(len(lines)), model.predict(lines, words), strict=True):
        row = {"text": line, "label": pred.label, "scores": {k: round(v, 4) for k, v in pred.scores.items()}}
        if target:
            row["target"] = target
            row["target_words"] = words[i]
        typer.echo(json.dumps(row, ensure_ascii=False))


def _target_words(sentence: str, target: str) -> str:
    """The words of the sentence that name the target group or symbol, else a generic name."""
    from nlp.entities import load_linker
    from nlp.sentiment.targets import GROUP_NAMES, groups_of

    linker = load_linker()
    for m in linker.link(sentence):
        if target in groups_of(m.symbol, m.kind, m.size) or target == m.text:
            return m.text
    return GROUP_NAMES.get(target, target)
