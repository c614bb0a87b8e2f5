import pytest

from nlp import config
from nlp.errors import DataPathError


@pytest.fixture(autouse=True)
def reset():
    yield
    config.set_data_path(None)


def test_override_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path / "nowhere"))
    config.set_data_path(tmp_path)
    dp = config.data_path()
    assert dp.path == tmp_path.resolve() and dp.origin == "--data-path"


def test_environment_variable_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path))
    assert config.data_path().origin == config.ENV_VAR


def test_missing_path_names_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(DataPathError) as err:
        config.data_path()
    assert "FINNEWS_DATA" in str(err.value) and "--data-path" in str(err.value)


def test_require_reports_missing_item(tmp_path):
    config.set_data_path(tmp_path)
    with pytest.raises(DataPathError, match="seeds"):
        config.data_path().require("seeds")
