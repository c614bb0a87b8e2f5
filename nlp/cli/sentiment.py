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
    file: Annotated[Path | None, typer.Argument(help="A text file ('-' for stdin); each line is split into "
                                                "sentences.")] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Score this text instead of a file.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Score toward a target: small_caps, "
                      "large_caps, a ticker (IWM), or any words ('Russell 2000'). A sentence that does not name "
                      "it gets the label not_mentioned and no scores.")] = None,
    model_path: Annotated[Path | None, typer.Option("--model", help="A save_pretrained folder "
                          "(default models/sentiment-minilm).")] = None,
    backend: Annotated[str, typer.Option(help="Inference backend: onnx-int8 (default, fastest), onnx, or "
                       "torch; BENCHMARKS.md has the accuracy of each.")] = "onnx-int8",
) -> None:
    """Sentence sentiment (positive / neutral / negative with calibrated probabilities), one
    JSON line per sentence: text, label, scores and, with --target, the target and the words
    that named it (or ``"label": "not_mentioned"`` when the sentence never names it)."""
    from nlp.sentences import sentence_spans
    from nlp.sentiment.model import BACKENDS, load_sentiment_model

    if (file is None) == (text is None):
        raise typer.BadParameter("give either a FILE or --text")
    if text is not None:
        lines = [text]
    elif str(file) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    # one line may hold a paragraph: scored sentence by sentence, never as a whole
    sentences = [line[a:b].strip() for line in lines for a, b in sentence_spans(line) if line[a:b].strip()]
    if backend not in BACKENDS:
        raise typer.BadParameter(f"--backend must be one of {', '.join(BACKENDS)}", param_hint="--backend")
    words = [_target_words(sentence, target) for sentence in sentences] if target else [None] * len(sentences)
    named = [i for i, w in enumerate(words) if w is not None or not target]
    model = load_sentiment_model(str(model_path) if model_path else None, backend) if named else None
    predictions = dict(zip(named, model.predict([sentences[i] for i in named], [words[i] for i in named]
                                                if target else None), strict=True)) if named else {}
    for i, sentence in enumerate(sentences):
        row: dict = {"text": sentence}
        pred = predictions.get(i)
        if pred is None:
            row.update(label="not_mentioned", mentioned=False, reason="target not mentioned")
        else:
            row.update(label=pred.label, scores={k: round(v, 4) for k, v in pred.scores.items()})
            sign = _compared(sentence, target) if target else None
            if sign is not None:  # as the sentiment stage reads it: "small caps outpaced megacaps"
                row.update(label="positive" if sign > 0 else "negative", rule="comparison", model_label=pred.label)
        if target:
            row.update(target=target, target_words=words[i])
        typer.echo(json.dumps(row, ensure_ascii=False))


def _target_words(sentence: str, target: str) -> str | None:
    """The words of the sentence that name the target (its group, its symbol, or the words
    themselves), or None when the sentence does not name it."""
    import re

    from nlp.entities import load_linker
    from nlp.sentiment.targets import groups_of

    for m in load_linker().link(sentence):
        names = (m.text.lower(), (m.symbol or "").lower())
        if target in groups_of(m.symbol, m.kind, m.size) or target.lower() in names:
            return m.text
    literal = re.search(r"(?<![\w-])" + re.escape(target.replace("_", " ")) + r"(?![\w-])", sentence, re.I)
    return literal.group() if literal else None


def _compared(sentence: str, target: str) -> int | None:
    """+1 or -1 when the sentence compares the target with another target by a comparison
    verb between the two ("small caps beat large caps"), the rule the sentiment stage applies."""
    from nlp.entities import load_linker
    from nlp.sentiment.targets import comparative_signs, groups_of

    mine, other = None, None
    for m in load_linker().link(sentence):
        if target in groups_of(m.symbol, m.kind, m.size) or target.lower() == (m.symbol or "").lower():
            mine = mine or (m.start, m.end)
        elif groups_of(m.symbol, m.kind, m.size):
            other = other or (m.start, m.end)
    if mine is None or other is None:
        return None
    first, second = sorted([mine, other])
    signs = comparative_signs(sentence, first, second)
    if signs is None:
        return None
    return signs[0] if first == mine else signs[1]
