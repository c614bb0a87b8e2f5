"""The output folder's lock, in the Python API as in the CLI."""

import pytest

from nlp.batch import output_lock
from nlp.errors import PipelineError


def test_a_second_run_on_a_locked_folder_fails_at_once(tmp_path):
    with output_lock(tmp_path), pytest.raises(PipelineError, match="E112"), output_lock(tmp_path):
        pass
    with output_lock(tmp_path):  # released
        pass


def test_temporary_files_of_a_killed_run_are_swept_under_the_lock(tmp_path):
    (tmp_path / "cache").mkdir()
    stale = [tmp_path / ".articles.jsonl.abc123.tmp", tmp_path / "cache" / ".x.json.def456.tmp"]
    for path in stale:
        path.write_text("half a file")
    keep = tmp_path / "notes.tmp"
    keep.write_text("not ours")
    with output_lock(tmp_path):
        assert not any(p.exists() for p in stale) and keep.exists()


def test_the_cache_fingerprint_covers_models_and_rule_data(tmp_path):
    from nlp.batch.runner import ROOT, files_digest, fingerprinted_files

    names = {p.relative_to(ROOT).as_posix() for p in fingerprinted_files(ROOT)}
    assert {"nlp/figures/data/lexicon.json", "nlp/promo/data/cues.json",
            "models/sentiment-minilm/model.safetensors", "models/checkworthy-head/head.npz"} <= names
    a = tmp_path / "a.json"
    a.write_text("{}")
    before = files_digest(tmp_path, [a])
    a.write_text('{"edited": true}')
    assert files_digest(tmp_path, [a]) != before
