"""Name normalisation and search keys: Unicode case folding, apostrophes, hyphens, whitespace."""

from __future__ import annotations

import unicodedata

import pytest

from app.domain.names import APOSTROPHE, normalize_person_name, search_key


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "`", "´", "‘", "\u02bc", "\u201b", "\u2032", "\uff07"])
def test_apostrophe_variants_are_one(apostrophe: str) -> None:
    assert normalize_person_name(f"Мар{apostrophe}яна") == f"мар{APOSTROPHE}яна"


def test_cyrillic_case_is_folded() -> None:
    # SQLite's lower() would leave these alone: it folds ASCII only.
    assert normalize_person_name("ПЕТРЕНКО Ярослав Ґудзь-ЇЖАК") == "петренко ярослав ґудзь-їжак"
    assert search_key("ЄВГЕНІЯ") == search_key("Євгенія") == "євгенія"


def test_whitespace_is_trimmed_and_collapsed() -> None:
    assert normalize_person_name("  Петренко \t Олена\u00a0 Іванівна\n") == "петренко олена іванівна"


def test_decomposed_letters_equal_precomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Йосип Їжакевич")
    assert decomposed != "Йосип Їжакевич"
    assert normalize_person_name(decomposed) == normalize_person_name("Йосип Їжакевич") == "йосип їжакевич"


def test_hyphen_variants_in_double_surnames() -> None:
    assert (
        normalize_person_name("Петренко\u2011Коваль") == normalize_person_name("Петренко–Коваль") == "петренко-коваль"
    )


def test_full_unicode_case_folding() -> None:
    assert search_key("STRASSE") == search_key("straße")


def test_latin_look_alikes_are_not_merged() -> None:
    # "Олена" with a Latin "O": deliberately a different key (see the module docstring).
    assert normalize_person_name("Oлена") != normalize_person_name("Олена")
    assert normalize_person_name("Гудзь") != normalize_person_name("Ґудзь")


def test_keys_are_idempotent_and_handle_empty_text() -> None:
    key = search_key("  Мар’яна  ПЕТРЕНКО ")
    assert search_key(key) == key
    assert search_key("") == ""
    assert search_key(" \t ") == ""


def test_search_key_keeps_other_punctuation() -> None:
    assert search_key("вул. Шевченка, 5%") == "вул. шевченка, 5%"


def test_titled_enum_keeps_values_and_titles() -> None:
    from app.domain.enums import TitledEnum

    class Colour(TitledEnum):
        RED = "red", "червоний", "red"
        PLAIN = "plain"

    assert Colour("red") is Colour.RED and Colour.RED == "red"
    assert Colour.RED.label() == "червоний" and Colour.RED.label("en") == "red"
    assert Colour.PLAIN.label("uk") == "plain"  # no titles given: the value
    assert Colour.title_of("red", "uk") == "червоний"
    assert Colour.title_of("blue") == "blue"  # unknown stored value shown as it is
