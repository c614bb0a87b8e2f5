"""End-to-end through the ``finnews`` command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_help_explains_commands():
    out = run("--help")
    assert out.returncode == 0
    # every command the README tours
    for command in ("extract", "fetch", "info", "schema", "analyze", "sql", "series", "entities", "claims",
                    "sentiment", "symbols", "market", "train"):
        assert f"│ {command} " in out.stdout, command


def test_extract_text_prints_article_only():
    out = run("extract", str(CORPORA / "news-russell-record.html"), "--format", "text")
    assert out.returncode == 0
    assert "all-time closing high" in out.stdout and "We use cookies" not in out.stdout


def test_extract_json_and_markdown():
    page = str(CORPORA / "explainer-valuation-gap.md")
    doc = json.loads(run("extract", page, "-f", "json").stdout)
    assert doc["schema_version"] and doc["blocks"][0]["kind"] == "heading"
    md = run("extract", page, "-f", "markdown").stdout
    assert md.startswith("# The valuation gap, explained") and "\n- Using the median company" in md


def test_folder_with_a_bad_file_reports_it_and_keeps_going(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_bytes((CORPORA / "blog-value-rotation.html").read_bytes())
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = run("extract", str(folder), "--out", str(tmp_path / "out"))
    assert out.returncode == 1
    assert "empty.html" in out.stderr and "E103" in out.stderr
    assert "binary.txt" in out.stderr and "E104" in out.stderr
    written = [p for p in (tmp_path / "out").glob("*.json") if p.name != "index.json"]
    assert len(written) == 1
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert index[0]["title"] == "Notes on the value rotation"


def test_missing_file_is_a_clear_error():
    out = run("extract", "no/such/file.html")
    assert out.returncode == 1 and "E101" in out.stderr and "Traceback" not in out.stderr


def test_missing_data_path_names_the_setting(tmp_path):
    out = run("--data-path", str(tmp_path / "nope"), "info")
    assert out.returncode == 2
    assert "FINNEWS_DATA" in out.stderr and "--data-path" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.shared
def test_info_shows_data_path(shared_dir):
    out = run("--data-path", str(shared_dir), "info")
    assert out.returncode == 0 and str(shared_dir.resolve()) in out.stdout and "seeds/: present" in out.stdout


def test_fetch_command_against_local_server(server, tmp_path):
    base, _ = server
    out = run("fetch", base + "/ok", base + "/missing", "--out", str(tmp_path), "--delay", "0", "--allow-private")
    assert out.returncode == 1 and "HTTP 404" in out.stderr
    rows = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    assert [r["status"] for r in rows] == [200, 404]
    again = run("fetch", base + "/ok", "--out", str(tmp_path), "--delay", "0", "--allow-private")
    assert again.returncode == 0


def test_schema_command_prints_json_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Document"


@pytest.mark.shared
def test_entities_json_one_object_per_mention(shared_dir, tmp_path):
    out = run("entities", str(CORPORA / "tickers-roundup.html"), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    first = rows[0]
    assert {"text", "start", "end", "symbol", "kind", "exchange", "role"} <= set(first)
    assert (first["text"], first["symbol"], first["exchange"]) == ("ServiceNow", "NOW", "NYSE")
    assert not any(r["text"] == "ALL" for r in rows)


@pytest.mark.shared
def test_symbols_build_writes_a_store(shared_dir, tmp_path):
    target = tmp_path / "symbols.json.gz"
    out = run("symbols", "build", "--out", str(target))
    assert out.returncode == 0, out.stderr
    assert target.stat().st_size > 10_000
    assert "symbols" in out.stdout
    shown = run("symbols", "show", "IWM", "--store", str(target))
    assert json.loads(shown.stdout)["kind"] == "etf"


def test_extract_runs_the_promo_stage():
    page = str(CORPORA / "newsletter-smallcap-weekly.html")
    text = run("extract", page, "--format", "text")
    assert text.returncode == 0
    assert "Sponsored by Meridian" not in text.stdout and "For most of the autumn" in text.stdout
    doc = json.loads(run("extract", page, "--format", "json").stdout)
    roles = {b["text"]: b["role"] for b in doc["blocks"]}
    assert roles["Sponsored by Meridian Bullion Partners"] == "sponsored"
    assert any(f["name"] == "sponsored_content" for f in doc["flags"])
    assert doc["promotional_score"] > 0
    raw = run("extract", page, "--format", "json", "--no-promo")
    assert json.loads(raw.stdout)["promotional_score"] is None


def test_claims_command_prints_claims_with_figures_and_attribution(tmp_path):
    page = tmp_path / "note.txt"
    page.write_text("Valuation check\n\nAccording to FactSet, the Russell 2000 trades at 13.6 times forward earnings "
                    "against 17.2 for the S&P 500, a 21% discount.\n\nWe think investors should stay patient.\n")
    out = run("claims", str(page), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    claims = [r for r in rows if "text" in r]
    assert len(claims) == 1 and claims[0]["attributed_to"] == "FactSet" and claims[0]["type"] == "valuation"
    assert {f["text"] for f in claims[0]["figures"]} == {"13.6 times", "17.2", "21%"}
    assert any(r.get("check") == "arithmetic_consistent" for r in rows)  # 1 - 13.6/17.2 = 20.9 %


def test_extract_main_content_settings(monkeypatch):
    """--balanced and --thorough reach the parser's options; by default the precision pass
    runs in trafilatura's fast mode."""
    from typer.testing import CliRunner

    import nlp.cli.extract as extract_cli
    from nlp.cli import _register, app

    _register()
    seen = []
    real = extract_cli.AnalysedInputs

    def recording(items, pipe, options):
        seen.append(options)
        return real(items, pipe, options)

    monkeypatch.setattr(extract_cli, "AnalysedInputs", recording)
    page = str(CORPORA / "news-russell-record.html")
    for args in ([], ["--balanced"], ["--thorough"]):
        assert CliRunner().invoke(app, ["extract", page, *args]).exit_code == 0
    assert [(o.favor_precision, o.fast_extraction) for o in seen] == [(True, True), (False, True), (True, False)]


def test_train_sentiment_refuses_an_unknown_or_untaught_transfer_set(tmp_path):
    unknown = run("train", "sentiment", "--out", str(tmp_path / "m"), "--teacher", str(tmp_path),
                  "--transfer", "reddit")
    assert unknown.returncode == 2 and "finer-ord" in unknown.stderr
    untaught = run("train", "sentiment", "--out", str(tmp_path / "m"), "--transfer", "finer-ord")
    assert untaught.returncode == 2 and "--teacher" in untaught.stderr
    assert not (tmp_path / "m").exists()


def test_sentiment_splits_lines_into_sentences_and_says_when_the_target_is_absent(tmp_path):
    lines = tmp_path / "s.txt"
    lines.write_text("Small caps rallied hard. Treasury yields rose after the jobs report.\n"
                     "The Russell 2000 fell 2%.\n")
    out = run("sentiment", str(lines), "--target", "small_caps")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Small caps rallied hard.", "Treasury yields rose after the jobs report.",
                                         "The Russell 2000 fell 2%."]
    assert rows[1]["label"] == "not_mentioned" and rows[1]["mentioned"] is False and "scores" not in rows[1]
    assert rows[0]["label"] in ("positive", "neutral", "negative") and rows[2]["target_words"] == "Russell 2000"


def test_sentiment_reads_a_comparison_as_the_sentiment_stage_does():
    for target, label in (("small_caps", "positive"), ("large_caps", "negative")):
        out = run("sentiment", "--text", "Small caps outpaced large caps this month.", "--target", target)
        row = json.loads(out.stdout.splitlines()[0])
        assert (row["label"], row["rule"]) == (label, "comparison") and "model_label" in row
