"""``finnews sql`` and ``finnews series``: reading a batch's outputs."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import QUIET_OPTION, VERBOSE, VERBOSE_OPTION, app, say, set_verbosity

CELL_WIDTH = 60  # a table cell is cut here (with …): one long text must not push every row off screen


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL over the views articles, blocks, entities, figures, claims, "
                     "sentences.")],
    db: Annotated[Path, typer.Option("--db", help="The finnews.duckdb of an analyze output.")
                  ] = Path("out/analysis/finnews.duckdb"),
    fmt: Annotated[SqlFormat, typer.Option("--format", "-f", help="table: aligned columns, NULL shown as NULL and "
                   f"cells cut at {CELL_WIDTH} characters; csv: RFC 4180 with a header, NULL as an empty field; "
                   "json: JSON Lines, one object per row, NULL as null.")] = SqlFormat.table,
) -> None:
    """Query a batch's tables with SQL (DuckDB)."""
    import duckdb

    from nlp.errors import DataPathError, Errors

    if not db.exists():
        raise DataPathError(Errors.E003, name=db.name, path=db.parent, origin="--db")
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")  # published is stored in UTC; show it so, whatever the machine's zone
        # DuckDB's own values (None, int, datetime), not a DataFrame's: NULL stays NULL, not NaN
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as err:
        say(err, "error")
        raise typer.Exit(2) from None
    finally:
        con.close()
    if fmt == SqlFormat.json:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=_json_value))
    elif fmt == SqlFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else _text(v) for v in row] for row in rows])
    else:
        typer.echo(format_table(columns, rows))


def _json_value(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _text(value: object) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """Aligned plain-text columns; NULL as ``NULL``, line breaks inside a cell as spaces."""
    def cell(value: object) -> str:
        text = "NULL" if value is None else " ".join(_text(value).split())
        return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r[i], int | float) or r[i] is None for r in rows)
               for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)
                         ).rstrip()

    return "\n".join([line(columns), *(line(r) for r in cells)] + ([] if rows else ["(no rows)"]))


@app.command()
def series(
    folder: Annotated[Path, typer.Argument(help="An analyze output folder.")],
    target: Annotated[str, typer.Option(help="small_caps, large_caps or a symbol.")] = "small_caps",
    freq: Annotated[str, typer.Option(help="D (daily) or W (weekly, ending Friday).")] = "D",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Parquet file to write (default: "
                   "FOLDER/series-TARGET-FREQ.parquet, beside the analysis it came from).")] = None,
    returns: Annotated[bool, typer.Option("--returns/--no-returns", help="Join forward IWM, IWB and IWM−IWB "
                       "returns from the market store, named by horizon in trading days: iwm_return_1d "
                       "(--freq D) or iwm_return_5d (--freq W).")] = False,
    store_path: Annotated[Path | None, typer.Option("--store", help="Market store for --returns.")] = None,
    quiet: Annotated[bool, QUIET_OPTION] = False,
    verbose: Annotated[bool, VERBOSE_OPTION] = False,
) -> None:
    """Sentiment series per day or week, every period from the first dated article to the
    last (empty ones too): mean/median score, counts, positive/negative shares of articles
    and of sentences, dispersion, promotional articles excluded and near-duplicates
    collapsed; no look-ahead. Articles left out (no date, no score toward TARGET) are
    counted on stderr.

    Exit codes: 0 the series was written; 2 a usage error (FOLDER is not an analyze output,
    a bad option), with nothing written."""
    from nlp.batch.series import build_series
    from nlp.errors import Errors, UsageError
    from nlp.io import atomic_write_with
    from nlp.market.store import default_store_path

    set_verbosity(quiet, verbose)
    if freq not in ("D", "W"):
        raise typer.BadParameter("choose D (daily) or W (weekly)", param_hint="--freq")
    if not (folder / "articles.jsonl").is_file():
        raise UsageError(Errors.E123, path=folder)
    target_file = out if out is not None else folder / f"series-{target}-{freq}.parquet"
    if target_file.is_dir():
        raise typer.BadParameter(f"{target_file} is a folder; give the Parquet file to write", param_hint="--out")
    frame = build_series(folder, target, freq, (store_path or default_store_path()) if returns else None)
    dropped = frame.attrs.get("dropped", {})
    atomic_write_with(target_file, lambda tmp: frame.to_parquet(tmp, index=False))
    if dropped.get("undated"):
        say(f"{dropped['undated']} article(s) without a publication date left out (no day to place them on)", "note")
    if dropped.get("no_score"):
        say(f"{dropped['no_score']} dated article(s) with no sentence about {target} left out", "note")
    if frame.empty:
        say(f"no dated article in {folder} has a score toward {target}; the series is empty", "note")
    say(f"{len(frame)} rows -> {target_file} (promotional excluded: {dropped.get('promotional', 0)}, "
        f"duplicates collapsed: {dropped.get('duplicates', 0)})")
    say(f"wrote {target_file}", at=VERBOSE)
    with _wide_display():
        typer.echo(frame.to_string(index=False, na_rep="-"))


def _wide_display():
    import pandas as pd

    return pd.option_context("display.max_columns", None, "display.width", 200)
