"""Scorecard tables: a row read cell by cell under its header row."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.verify.query import Plan, Query, rules

_MAX_CELLS = 24  # a scorecard has a handful of columns; a 2,000-column table is not read cell by cell
_NUMERIC_CELL = re.compile(r"^[+\-−$]?\s?\d[\d,.]*\s?(?:%|pts?|points)?$", re.I)


@lru_cache(maxsize=1)
def table_columns() -> tuple[tuple[re.Pattern, str], ...]:
    """Scorecard column headers and the sentence each makes of its cell (data: measures.json)."""
    _, measures = rules()
    return tuple((re.compile(p, re.I), t) for p, t in measures["table_columns"])


def plan_table_row(planner, row: str, entities: list, block: int, heading: str | None, columns: list[str]):
    """A scorecard row ("S&P 500 | 6,173.07 | +3.4% | +4.4%") under its header ("Index |
    Close | Week | MTD"): each cell read as the sentence its column makes of it ("closed at
    6,173.07", "+3.4% on the week"), about the row's label (the cells before the first
    number, kept as written so its entities keep their offsets). A number under a column
    that names no price measure (a P/E, a yield) is not read."""
    cells = row.split(" | ")
    first = next((i for i, c in enumerate(cells) if _NUMERIC_CELL.match(c.strip())), 0)
    if first == 0:
        return Plan(reason="no market figure or record to check", kind="no_measure")
    label = " | ".join(cells[:first]) + " "
    named = [e for e in entities if e.end <= len(label)]
    queries: list[Query] = []
    for i, cell in enumerate(cells[first:first + _MAX_CELLS], first):
        header = columns[i].strip().lower() if i < len(columns) else ""
        template = next((t for pattern, t in table_columns() if pattern.match(header)), None)
        if template is None and not _NUMERIC_CELL.match(cell.strip()):
            template = "{cell}"  # a remark ("record close Friday") under a column of its own
        if template is not None:
            queries += planner.plan(label + template.format(cell=cell.strip()), named, block, heading=heading).queries
    return Plan(queries) if queries else Plan(reason="no market figure or record to check", kind="no_measure")
