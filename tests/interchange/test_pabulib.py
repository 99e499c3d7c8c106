"""Pabulib ``.pb`` files: 36 real elections, malformed files, writing back, CLI output.

Every real file whose META ``rule`` we implement must give exactly the winners the city announced (the
``selected=1`` projects); files with a city-specific or unknown rule must be refused, not guessed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.domain import pb
from app.domain.pb import (
    EqualSharesOptions,
    PabulibError,
    PbElection,
    PbRuleError,
    ProjectStatus,
    RuleNotImplementedError,
    Utility,
    compute_outcome,
)
from app.interchange.pabulib import (
    dump_pb,
    outcome_to_dict,
    outcome_to_json,
    outcome_to_text,
    parse_pb,
    read_pb,
    write_pb,
)
from tests import DATA_DIR

DATA = DATA_DIR / "pabulib"
FILES = sorted(p.name for p in DATA.glob("*.pb")) if DATA.is_dir() else []

# City-specific or unknown rules: refused with "Правило не реалізовано".
REFUSED = {
    "Hungary_Budapest_2023_VIII_Jozsefvaros.pb": "unknown",
    "Poland_Poznan_2023_10_-_Swierczewo_Wilda_Zielony_Debiec.pb": "greedy-custom",
    "Poland_Poznan_2023_2_-_Kiekrz_Krzyzowniki-Smochowice_Podolany_Strzeszyn.pb": "greedy-custom",
    "Poland_Poznan_2023_7-_Morasko-Radojewo_Naramowice_Umultowo.pb": "greedy-custom",
    "Poland_Poznan_2024_6_-_Ogrody_Solacz_Winiary_Wola__small.pb": "greedy-custom",
    "Poland_Poznan_2025_9_-_Stare_Miasto__small.pb": "greedy-custom",
    "Poland_Poznan_2026_10_-_Swierczewo_Wilda_Zielony_Debiec__large.pb": "greedy-custom",
    "Poland_Warszawa_2024_Ursynow.pb": "greedy-exclusive",
    "Poland_Warszawa_2024_Wola.pb": "greedy-exclusive",
    "Poland_Warszawa_2024_Zoliborz.pb": "greedy-exclusive",
}

needs_data = pytest.mark.skipif(not FILES, reason=f"real Pabulib files not found in {DATA}")


@pytest.fixture(scope="module")
def elections() -> dict[str, PbElection]:
    """Each real file parsed once for the whole module."""
    return {name: read_pb(DATA / name) for name in FILES}


@needs_data
def test_all_34_real_files_are_present() -> None:
    assert len(FILES) == 34  # the reference set less its two largest files (tests/data/README.md)
    assert set(REFUSED) <= set(FILES)


@needs_data
@pytest.mark.parametrize("name", FILES)
def test_real_file_outcome_equals_published_winners(name: str, elections: dict[str, PbElection]) -> None:
    election = elections[name]
    if name in REFUSED:
        assert election.rule == REFUSED[name]
        with pytest.raises(RuleNotImplementedError, match="Правило не реалізовано") as info:
            compute_outcome(election)
        assert REFUSED[name] in str(info.value)
        return
    assert election.rule in pb.IMPLEMENTED_RULES
    outcome = compute_outcome(election)
    published = election.published_winners()
    assert published is not None
    assert outcome.selected_set == published
    assert outcome.cost_used <= outcome.budget
    assert {r.project_id for r in outcome.projects} == set(election.projects)
    for result in outcome.projects:
        assert result.explanation
        assert result.selected == (result.project_id in published)


@needs_data
@pytest.mark.parametrize("name", ["Poland_Warszawa_2024_Ursynow.pb", "Poland_Warszawa_2024_Zoliborz.pb"])
def test_greedy_exclusive_files_also_match_plain_greedy_on_request(name: str, elections: dict[str, PbElection]) -> None:
    """Only with an explicit override: the file's own rule stays refused."""
    election = elections[name]
    assert compute_outcome(election, "greedy").selected_set == election.published_winners()


@needs_data
def test_why_equal_shares_defaults_are_what_they_are(elections: dict[str, PbElection]) -> None:
    """Cost utilities and Add1 without an early stop at an exhaustive outcome reproduce the files; not the others."""
    wieliczka = elections["Poland_Wieliczka_2023_Green_Budget.pb"]
    early_stop = EqualSharesOptions(add1=True, comparison=True, add1_stop_when_exhaustive=True)
    assert compute_outcome(wieliczka, mes_options=early_stop).selected_set != wieliczka.published_winners()
    swiecie = elections["Poland_Swiecie_2023.pb"]
    cardinality = EqualSharesOptions(add1=True, utility=Utility.CARDINALITY)
    assert compute_outcome(swiecie, mes_options=cardinality).selected_set != swiecie.published_winners()
    # the pabutools settings (exact start, early stop) happen to agree on Świecie
    pabutools = EqualSharesOptions.pabutools(add1=True)
    assert compute_outcome(swiecie, mes_options=pabutools).selected_set == swiecie.published_winners()


@needs_data
def test_selected_2_is_funding_outside_the_rule(elections: dict[str, PbElection]) -> None:
    # Gdynia 2020: project 3 (selected=2) got extra city money; greedy-no-skip alone funds only project 4.
    election = elections["Poland_Gdynia_2020_Maly_Kack__large.pb"]
    assert election.projects["3"].selected == 2
    outcome = compute_outcome(election)
    assert outcome.selected == ("4",)
    assert outcome.result_for("3").status is ProjectStatus.NOT_ENOUGH_MONEY


@needs_data
@pytest.mark.parametrize("name", FILES)
def test_counted_votes_and_points_equal_the_files_columns(name: str, elections: dict[str, PbElection]) -> None:
    election = elections[name]
    for project in election.project_inputs():
        fields = election.projects[project.id].fields
        expected_votes = int(fields["votes"]) if "votes" in fields else project.votes
        if election.warnings and project.id == "174":
            # Śródmieście Południowe: one ballot names 174 twice; Pabulib counted it twice, we count the voter once
            assert project.votes == expected_votes - 1
            continue
        assert project.votes == expected_votes
        if "score" in fields:
            assert project.points == int(fields["score"])


@needs_data
@pytest.mark.parametrize("name", FILES)
def test_export_import_round_trip_keeps_the_election_and_outcome(name: str, elections: dict[str, PbElection]) -> None:
    original = elections[name]
    again = parse_pb(dump_pb(original))
    assert again.meta == original.meta
    assert again.budget == original.budget and again.money_scale == original.money_scale
    assert [(p.id, p.cost, p.fields) for p in again.projects.values()] == [
        (p.id, p.cost, p.fields) for p in original.projects.values()
    ]
    assert [(v.voter_id, v.projects, v.points, v.extra) for v in again.votes] == [
        (v.voter_id, v.projects, v.points, v.extra) for v in original.votes
    ]
    if name not in REFUSED:
        assert compute_outcome(again).selected == compute_outcome(original).selected


@needs_data
@pytest.mark.parametrize("name", FILES)
def test_writing_reproduces_the_original_text(name: str, elections: dict[str, PbElection]) -> None:
    """Same text up to line ends and a final newline (and the one repeated approval, counted once)."""
    original = (DATA / name).read_text(encoding="utf-8").replace("\r\n", "\n").rstrip("\n") + "\n"
    if name == "Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb":
        original = original.replace("317731;174,174,", "317731;174,")
    assert dump_pb(elections[name]) == original


@needs_data
def test_write_and_read_a_file(tmp_path: Path, elections: dict[str, PbElection]) -> None:
    original = elections["Poland_Wroclaw_2017_Rejon_nr_11_250.pb"]
    target = tmp_path / "копія.pb"
    write_pb(original, target)
    # the original has Windows line ends; we write \n
    assert target.read_bytes() == (DATA / "Poland_Wroclaw_2017_Rejon_nr_11_250.pb").read_bytes().replace(b"\r\n", b"\n")
    assert compute_outcome(read_pb(target)).selected == compute_outcome(original).selected


@needs_data
def test_decimal_budgets_become_exact_smallest_units(elections: dict[str, PbElection]) -> None:
    election = elections["Poland_Krakow_2024_Krowodrza.pb"]
    assert election.money_scale == 100
    assert election.budget == 174108119
    data = outcome_to_dict(compute_outcome(election), election)
    assert data["budget"] == 1741081.19
    assert "1 741 081,19 PLN" in outcome_to_text(compute_outcome(election), election)


@needs_data
def test_rule_override_and_rule_errors(elections: dict[str, PbElection]) -> None:
    warsaw = elections["Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb"]
    assert compute_outcome(warsaw, "equalshares/add1").rule == "equalshares/add1"
    with pytest.raises(PbRuleError, match="approval і choose-1"):
        compute_outcome(elections["Poland_Czestochowa_2024_Grabowka.pb"], "equalshares")
    with pytest.raises(PabulibError, match="min_project_score_threshold"):
        compute_outcome(elections["Netherlands_Assen_2024.pb"], "greedy-threshold")
    with pytest.raises(RuleNotImplementedError, match="«greedy-custom»"):
        compute_outcome(warsaw, "greedy-custom")


@needs_data
def test_cli_json_and_text(elections: dict[str, PbElection]) -> None:
    election = elections["Poland_Czestochowa_2025_Tysiaclecie.pb"]
    outcome = compute_outcome(election)
    data = json.loads(outcome_to_json(outcome, election))
    assert data["rule"] == "greedy-threshold"
    assert data["budget"] == 656405
    assert set(data["selected"]) == election.published_winners()
    assert data["cost_used"] == outcome.cost_used == 650094
    assert data["threshold"] == 300
    assert data["matches_published"] is True
    assert len(data["projects"]) == 55
    assert data["tie_break"] == ["more-votes", "lower-cost", "project-id"]
    text = outcome_to_text(outcome, election)
    assert text.startswith("District PB in Częstochowa, Tysiąclecie\nПравило: greedy-threshold")
    assert "Бюджет: 656 405 PLN" in text
    assert "Збігається з оголошеними переможцями (selected=1): так" in text
    assert "нижче порогу" in text


@needs_data
def test_equal_shares_json_reports_per_voter_budget(elections: dict[str, PbElection]) -> None:
    election = elections["Netherlands_Assen_2024.pb"]
    data = outcome_to_dict(compute_outcome(election), election)
    assert data["rule"] == "equalshares/add1"
    assert isinstance(data["per_voter_budget"], int)
    assert any("Add1" in note for note in data["notes"])


# --- synthetic files -----------------------------------------------------------------------------------------

VALID = """META
key;value
description;Тестова громада
num_projects;3
num_votes;3
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
1;60;2;Сквер;0
2;50;2;"Лавки; урни";1
3;30;1;Ліхтарі;1
VOTES
voter_id;vote;age
v1;1,2;30
v2;1,3;41
v3;2;
"""


def test_valid_synthetic_file() -> None:
    election = parse_pb(VALID)
    assert election.projects["2"].name == "Лавки; урни"
    assert election.votes[1].projects == ("1", "3")
    assert election.votes[2].extra == ("",)
    outcome = compute_outcome(election)
    # 1 and 2 both have 2 votes: the cheaper 2 goes first, then 1 no longer fits and 3 does
    assert outcome.selected == ("2", "3")
    assert outcome.selected_set == election.published_winners()
    assert dump_pb(election) == VALID


def test_parse_accepts_path_bytes_and_text(tmp_path: Path) -> None:
    path = tmp_path / "t.pb"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    for source in (path, str(path), path.read_bytes(), VALID):
        assert list(parse_pb(source).projects) == ["1", "2", "3"]


def _replace_line(text: str, number: int, new: str | None) -> str:
    lines = text.split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


MALFORMED = [
    ("порожній", "", 1, "файл порожній"),
    ("лише пробіли", " \n \n", 1, "файл порожній"),
    ("немає VOTES", VALID.split("VOTES")[0], 13, "розділу VOTES немає"),
    ("немає PROJECTS", "\n".join(VALID.split("\n")[:8] + VALID.split("\n")[13:]), 9, "очікувався розділ PROJECTS"),
    ("немає META", "\n".join(VALID.split("\n")[8:]), 1, "очікувався розділ META"),
    ("немає заголовка META", _replace_line(VALID, 2, None), 2, "заголовок розділу META"),
    ("немає заголовка PROJECTS", _replace_line(VALID, 10, None), 10, "немає стовпця «project_id»"),
    ("META без заголовка, одразу PROJECTS", "META\nPROJECTS\n", 2, "після «META» має бути рядок заголовків"),
    ("вартість не число", _replace_line(VALID, 11, "1;6o;2;Сквер;0"), 11, "«6o» — не є числом"),
    ("від'ємна вартість", _replace_line(VALID, 11, "1;-60;2;Сквер;0"), 11, "від'ємна вартість проєкту «1»"),
    ("зайвий стовпець", _replace_line(VALID, 13, "3;30;1;Ліхтарі;1;x"), 13, "очікувалось 5 стовпців"),
    ("бракує стовпця в голосі", _replace_line(VALID, 17, "v2;1,3"), 17, "очікувалось 3 стовпців"),
    ("невідомий проєкт", _replace_line(VALID, 18, "v3;9;"), 18, "невідомий проєкт «9»"),
    ("бюджет не число", _replace_line(VALID, 6, "budget;сто"), 6, "бюджет «сто» не є числом"),
    ("немає бюджету", _replace_line(VALID, 6, None), 7, "ключа «budget»"),
    ("невідомий тип", _replace_line(VALID, 7, "vote_type;ranked"), 7, "невідомий тип голосування"),
    ("num_votes", _replace_line(VALID, 5, "num_votes;4"), 5, "num_votes = 4, а у файлі 3"),
    ("повтор виборця", _replace_line(VALID, 17, "v1;1,3;41"), 17, "уже голосував у рядку 16"),
    ("повтор проєкту", _replace_line(VALID, 12, "1;50;2;Лавки;1"), 12, "уже був у рядку 11"),
    ("повтор ключа", _replace_line(VALID, 4, "budget;100"), 6, "уже був у рядку 4"),
    ("лапки", _replace_line(VALID, 12, '2;50;2;"Лавки"урни;1'), 12, "лапки"),
    ("немає стовпця cost", _replace_line(VALID, 10, "project_id;price;votes;name;selected"), 10, "«cost»"),
    ("кома в id", _replace_line(VALID, 13, "3,4;30;1;Ліхтарі;1"), 13, "містить кому"),
    ("розділ після VOTES", VALID + "META\n", 19, "після розділу VOTES"),
    ("порожній проєкт у голосі", _replace_line(VALID, 18, "v3;2,;"), 18, "порожній ідентифікатор"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_files_are_refused_with_a_line_number(text: str, line: int, fragment: str) -> None:
    with pytest.raises(PabulibError) as info:
        parse_pb(text.encode("utf-8"))
    assert info.value.line == line
    assert str(info.value).startswith(f"Рядок {line}: ")
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_not_utf8_is_refused_with_the_line_of_the_first_bad_byte() -> None:
    with pytest.raises(PabulibError, match=r"^Рядок 3: файл не в кодуванні UTF-8") as info:
        parse_pb(VALID.encode("cp1251"))
    assert info.value.line == 3


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PabulibError, match="Не вдалося прочитати файл"):
        read_pb(tmp_path / "немає.pb")


CUMULATIVE = """META
key;value
num_projects;2
num_votes;2
budget;10
vote_type;cumulative
rule;greedy
max_sum_points;5
PROJECTS
project_id;cost
a;6
b;5
VOTES
voter_id;vote;points
1;a,b;3,2
2;b;5
"""


def test_cumulative_points_rank_projects() -> None:
    election = parse_pb(CUMULATIVE)
    inputs = {p.id: p for p in election.project_inputs()}
    assert (inputs["a"].votes, inputs["a"].points) == (1, 3)
    assert (inputs["b"].votes, inputs["b"].points) == (2, 7)
    assert compute_outcome(election).selected == ("b",)
    assert parse_pb(dump_pb(election)).votes[0].points == (3, 2)


@pytest.mark.parametrize(
    ("line", "new", "fragment"),
    [
        (15, "1;a,b;3", "у голосі проєктів: 2, а балів: 1"),
        (15, "1;a,b;3,x", "бал «x» не є числом"),
        (15, "1;a,b;3,-2", "від'ємний бал"),
        (15, "1;a,a;3,2", "указано в голосі двічі"),
        (14, "voter_id;vote", "стовпець «points»"),
    ],
)
def test_cumulative_ballot_errors(line: int, new: str, fragment: str) -> None:
    text = _replace_line(CUMULATIVE, line, new)
    if line == 14:
        text = text.replace("1;a,b;3,2", "1;a,b").replace("2;b;5", "2;b")
    with pytest.raises(PabulibError, match=f"^Рядок {line}: .*{re.escape(fragment)}"):
        parse_pb(text)


def test_ordinal_ballots_get_borda_points() -> None:
    text = _replace_line(CUMULATIVE, 6, "vote_type;ordinal")
    text = text.replace("voter_id;vote;points", "voter_id;vote").replace("1;a,b;3,2", "1;a,b").replace("2;b;5", "2;b")
    inputs = {p.id: p for p in parse_pb(text).project_inputs()}
    assert (inputs["a"].points, inputs["b"].points) == (2, 2)
    with pytest.raises(PabulibError, match="^Рядок 15: той самий проєкт"):
        parse_pb(text.replace("1;a,b", "1;a,a"))


def test_scoring_ballots_add_the_default_score() -> None:
    text = _replace_line(CUMULATIVE, 6, "vote_type;scoring\ndefault_score;1")
    inputs = {p.id: p for p in parse_pb(text).project_inputs()}
    assert (inputs["a"].points, inputs["b"].points) == (4, 7)


def test_choose_1_allows_one_project_and_approval_repeats_are_counted_once() -> None:
    choose = _replace_line(VALID, 7, "vote_type;choose-1")
    with pytest.raises(PabulibError, match="^Рядок 16: тип голосування choose-1 дозволяє один проєкт"):
        parse_pb(choose)
    repeated = parse_pb(_replace_line(VALID, 18, "v3;2,2;"))
    assert repeated.votes[2].projects == ("2",)
    assert repeated.warnings == ["Рядок 18: проєкт «2» указано в голосі двічі; враховано один раз."]


def test_equal_shares_on_a_synthetic_file() -> None:
    text = _replace_line(VALID, 8, "rule;equalshares/add1")
    outcome = compute_outcome(parse_pb(text))
    assert outcome.rule == "equalshares/add1"
    assert outcome.cost_used <= 100
    assert all(r.explanation for r in outcome.projects)
