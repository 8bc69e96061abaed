"""Settings from defaults, config file, environment and arguments."""

from __future__ import annotations

import pytest

from eventwire.config import DEFAULT_MODEL, ConfigError, load_settings
from eventwire.nlp import ModelError, load_pipeline


def test_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_CONFIG", raising=False)
    assert load_settings().model == DEFAULT_MODEL


def test_priority_file_env_argument(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eventwire.toml").write_text('[eventwire]\nmodel = "from_file"\nbatch_size = 8\n')
    assert load_settings().model == "from_file"
    monkeypatch.setenv("EVENTWIRE_MODEL", "from_env")
    assert load_settings().model == "from_env"
    assert load_settings(model="from_arg").model == "from_arg"
    assert load_settings().batch_size == 8


@pytest.mark.parametrize(
    "content, message",
    [
        ("[eventwire]\nmodle = 'x'\n", "unknown setting"),
        ("[eventwire]\nbatch_size = 'many'\n", "must be an integer"),
        ("[eventwire]\nbatch_size = 0\n", "at least 1"),
        ("[eventwire\n", "invalid TOML"),
    ],
)
def test_bad_config_files_name_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(path)
    assert "bad.toml" in str(info.value)


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_pipeline"):
        load_pipeline("no_such_pipeline")
