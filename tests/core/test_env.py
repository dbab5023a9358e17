import pytest
from django.core.exceptions import ImproperlyConfigured

from tahub.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("TRUE", True), ("1", True), ("false", False)])
def test_env_bool_reads_true_and_false(monkeypatch, value, expected):
    monkeypatch.setenv("TAHUB_X", value)
    assert env_bool("TAHUB_X") is expected


@pytest.mark.parametrize("value", ["yes", "no", "on", "2", "ture"])
def test_env_bool_rejects_anything_else(monkeypatch, value):
    monkeypatch.setenv("TAHUB_X", value)
    with pytest.raises(ImproperlyConfigured, match=f"TAHUB_X must be true/false/1/0, not '{value}'"):
        env_bool("TAHUB_X")


def test_env_defaults_apply_when_unset(monkeypatch):
    monkeypatch.delenv("TAHUB_X", raising=False)
    assert (env_bool("TAHUB_X", True), env_int("TAHUB_X", 5), env_str("TAHUB_X", "a")) == (True, 5, "a")
    assert env_list("TAHUB_X", ["h"]) == ["h"]


def test_env_int_rejects_text(monkeypatch):
    monkeypatch.setenv("TAHUB_X", "12s")
    with pytest.raises(ImproperlyConfigured, match="TAHUB_X must be an integer, not '12s'"):
        env_int("TAHUB_X", 0)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("TAHUB_X", " a.example.org, ,b.example.org ")
    assert env_list("TAHUB_X") == ["a.example.org", "b.example.org"]
