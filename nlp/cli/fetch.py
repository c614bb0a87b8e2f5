"""``finnews fetch``: download pages politely into a folder, with a manifest, for ``finnews analyze``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import QUIET_OPTION, VERBOSE_OPTION, app, say, set_verbosity


@app.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="http(s) URLs to fetch.")] = None,
    urls_file: Annotated[Path | None, typer.Option("--urls", help="File with one URL per line "
                         "(# comments and blank lines ignored).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the page cache and "
                   "manifest.jsonl.")] = Path("fetched"),
    delay: Annotated[float, typer.Option(help="Minimum seconds between requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(help="Read timeout in seconds.")] = 20.0,
    max_bytes: Annotated[int, typer.Option(help="Largest response accepted, in bytes.")] = 10 * 1024 * 1024,
    retries: Annotated[int, typer.Option(help="Retries on 429/5xx and network errors.")] = 3,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots", help="Do not read robots.txt "
                             "(only for sites you own).")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private, loopback and "
                             "link-local addresses (your own network; refused by default). A redirect "
                             "from a public address into a private one is refused even so.")] = False,
    quiet: Annotated[bool, QUIET_OPTION] = False,
    verbose: Annotated[bool, VERBOSE_OPTION] = False,
) -> None:
    """Fetch pages politely into a cache folder, with a manifest.

    robots.txt is honoured, requests to one host are spaced by --delay, 429/5xx are retried
    with backoff, and a cache with conditional GET means re-fetching an unchanged page
    downloads nothing. Only public http(s) addresses are fetched unless --allow-private.

    Each fetch appends a row to OUT/manifest.jsonl (url, final_url, status, fetched_at,
    content_type, sha256, saved_path, error). Bodies are stored as OUT/pages/<sha256>.body.
    `finnews analyze OUT` then analyses each URL's latest fetched page, with its URL, final
    URL, content type and fetch time.

    Exit codes: 0 every URL was fetched; 1 some failed (each reported on stderr);
    2 a usage error (no URLs, an unreadable --urls file), with nothing fetched or written.
    """
    from nlp.errors import Errors, UsageError

    set_verbosity(quiet, verbose)
    wanted = list(urls or [])
    if urls_file is not None:
        try:
            lines = urls_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or str(err)
            raise UsageError(Errors.E124, path=urls_file, reason=reason) from None
        wanted += [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]
    if not wanted:
        raise typer.BadParameter("give URLs as arguments or with --urls FILE")
    from nlp.scrape import Fetcher, FetchOptions  # imported when the command runs, not at start-up

    options = FetchOptions(min_delay=delay, read_timeout=timeout, max_bytes=max_bytes,
                           retries=retries, respect_robots=not ignore_robots, cache_dir=out,
                           allow_private=allow_private)
    with Fetcher(options) as fetcher:
        results = fetcher.fetch_many(wanted, manifest=out / "manifest.jsonl")
    failed = 0
    for r in results:
        if r.error:
            failed += 1
            say(r.error, "error")
        else:
            note = " (unchanged, from cache)" if r.from_cache else ""
            say(f"{r.status} {r.url} -> {r.saved_path}{note}")
    if failed:
        raise typer.Exit(1)
