"""Stage options: a frozen dataclass per stage, built from the plain dict a user gives.

Like spaCy's validated ``default_config``: a misspelt key fails at once with the valid keys
(E406), and values are coerced to the declared type or refused (E407) — ``{"parse": "no"}``
is False, ``{"parse": "perhaps"}`` an error, never a silent True.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

from nlp.errors import Errors, PipelineError

_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0"}


def build_options(stage: str, options_type: type, raw: dict[str, Any] | Any | None) -> Any:
    """An instance of ``options_type`` (a dataclass) from ``raw`` (a dict, an instance, or None)."""
    if raw is None:
        return options_type()
    if isinstance(raw, options_type):
        return raw
    if not isinstance(raw, dict):
        raise PipelineError(Errors.E407, stage=stage, key="(options)", value=raw, expected="a dict of options")
    fields = {f.name: f for f in dataclasses.fields(options_type)}
    hints = typing.get_type_hints(options_type)
    values = {}
    for key, value in raw.items():
        if key not in fields:
            raise PipelineError(Errors.E406, stage=stage, key=key, valid=", ".join(fields) or "none")
        values[key] = coerce(stage, key, value, hints[key])
    try:
        return options_type(**values)
    except (TypeError, ValueError) as err:
        raise PipelineError(Errors.E407, stage=stage, key="(options)", value=raw, expected=str(err)) from None


def coerce(stage: str, key: str, value: Any, annotation: Any) -> Any:
    """``value`` as ``annotation`` (bool, int, float, str, Path, date, a Literal, or X | None)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        choices = typing.get_args(annotation)
        if value is None and type(None) in choices:
            return None
        errors = []
        for choice in (c for c in choices if c is not type(None)):
            try:
                return coerce(stage, key, value, choice)
            except PipelineError as err:
                errors.append(err)
        raise errors[-1]
    if origin is typing.Literal:
        allowed = typing.get_args(annotation)
        if value in allowed:
            return value
        raise PipelineError(Errors.E407, stage=stage, key=key, value=value,
                            expected="one of " + ", ".join(map(str, allowed)))
    try:
        return _SCALARS[annotation](value)
    except (KeyError, TypeError, ValueError):
        name = getattr(annotation, "__name__", str(annotation))
        raise PipelineError(Errors.E407, stage=stage, key=key, value=value, expected=f"a {name}") from None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise ValueError(value)


def _number(kind: type):
    def convert(value: Any):
        if isinstance(value, bool):
            raise ValueError(value)
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        return kind(value)

    return convert


def _str(value: Any) -> str:
    if isinstance(value, str | Path):
        return str(value)
    raise ValueError(value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


_SCALARS = {bool: _bool, int: _number(int), float: _number(float), str: _str, Path: lambda v: Path(_str(v)),
            dt.date: _date}


def describe(options_type: type | None) -> str:
    """``key=default`` for every option, for the pipeline's table."""
    if options_type is None:
        return ""
    return ", ".join(f"{f.name}={f.default!r}" for f in dataclasses.fields(options_type))
