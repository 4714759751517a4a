"""Configuration: defaults, a TOML file overriding them, keyword overrides, and errors the user can fix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaner.config import Config, ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cleaner.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults():
    """Without a file, the documented defaults."""
    cfg = load_config()
    assert cfg == Config()
    assert cfg.dedup.sentence_threshold == 0.5
    assert cfg.boilerplate.enabled is True
    assert cfg.lang is None and cfg.min_chars == 0


def test_config_is_frozen():
    """A config cannot be changed once built (stages may rely on it)."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().min_chars = 5  # type: ignore[misc]


def test_file_overrides_thresholds(tmp_path):
    """A TOML table overrides its settings and leaves the others at their defaults."""
    cfg = load_config(write(tmp_path, "[dedup]\nsentence_threshold = 0.8\n[injected]\nmin_words = 9\n"))
    assert cfg.dedup.sentence_threshold == 0.8
    assert cfg.injected.min_words == 9
    assert cfg.dedup.num_perm == Config().dedup.num_perm
    assert cfg.boilerplate == Config().boilerplate


def test_int_is_accepted_for_float(tmp_path):
    """'sentence_threshold = 1' is read as the float 1.0."""
    cfg = load_config(write(tmp_path, "[dedup]\nsentence_threshold = 1\n"))
    assert cfg.dedup.sentence_threshold == 1.0
    assert isinstance(cfg.dedup.sentence_threshold, float)


def test_keyword_overrides_win_and_none_is_ignored(tmp_path):
    """CLI overrides come last; None means 'not given'."""
    path = write(tmp_path, "[boilerplate]\nenabled = false\n")
    cfg = load_config(path, lang="fr", min_chars=None)
    assert cfg.lang == "fr"
    assert cfg.min_chars == 0
    assert cfg.boilerplate.enabled is False


def test_top_level_settings_can_be_set_in_the_file(tmp_path):
    """The file overrides any setting, the top-level ones (lang, min_chars) included."""
    cfg = load_config(write(tmp_path, 'lang = "es"\nmin_chars = 200\n'))
    assert cfg.lang == "es"
    assert cfg.min_chars == 200


def test_html_full_metadata_switch(tmp_path):
    """HTML metadata from the cheap sources by default; `[html] full_metadata = true` asks for trafilatura's own."""
    assert Config().html.full_metadata is False
    cfg = load_config(write(tmp_path, "[html]\nfull_metadata = true\n"))
    assert cfg.html.full_metadata is True
    assert cfg.dedup == Config().dedup


def test_extra_lexicons_are_relative_to_the_file(tmp_path):
    """Relative lexicon paths are resolved against the config file's folder."""
    sub = tmp_path / "conf"
    sub.mkdir()
    cfg = load_config(write(sub, '[lexicons]\nextra = ["site.toml"]\n'))
    assert cfg.lexicons == (str((sub / "site.toml").resolve()),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[dedup]\nsentence_threshold = 'high'\n", "sentence_threshold"),
        ("[dedup]\nnum_perm = 1.5\n", "num_perm"),
        ("[boilerplate]\nenabled = 1\n", "enabled"),
        ("[dedup]\nmin_sentence_words = true\n", "min_sentence_words"),
        ("[dedup]\nfoo = 1\n", "foo"),
        ("[nonsense]\nx = 1\n", "nonsense"),
        ("dedup = 3\n", "dedup"),
        ("[lexicons]\nextra = 'site.toml'\n", "lexicons"),
        ("[html]\nfull_metadata = 'yes'\n", "full_metadata"),
        ("[html]\nfull_metadata = 1\n", "full_metadata"),
        ("[html]\nauthor_search = true\n", "author_search"),
        ("[dedup\n", "not valid TOML"),
    ],
)
def test_bad_files_raise_config_error(tmp_path, text, message):
    """Wrong types, unknown settings or sections and invalid TOML are ConfigErrors that say what is wrong."""
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_unknown_setting_lists_known_ones(tmp_path):
    """The error for an unknown key names the settings that exist."""
    with pytest.raises(ConfigError, match="sentence_threshold"):
        load_config(write(tmp_path, "[dedup]\nthreshold = 0.5\n"))


def test_missing_file(tmp_path):
    """A config file that cannot be read is a ConfigError."""
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_config_error_is_a_value_error():
    """ConfigError is a ValueError, so API callers can catch either."""
    assert issubclass(ConfigError, ValueError)
