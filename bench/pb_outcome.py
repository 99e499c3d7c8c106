"""Participatory-budget outcomes on a big real election: our code next to pabutools 1.2.3, in one run.

    python bench/pb_outcome.py [FILE.pb] [--repeat 3] [--add1-pabutools]

Default file: ``../shared/data/pabulib/Poland_Warszawa_2026.pb`` (61,668 voters, 83 projects).
Measured, each from a parsed file, ballots to winners (ours through ``compute_outcome``, the path of
``hromada pb outcome``):

* parse/import of the file;
* ``greedy`` — ours (``pb.greedy``) vs ``greedy_utilitarian_welfare(sat_class=Cost_Sat)``, which
  orders by votes as Pabulib's ``greedy`` does;
* ``equalshares`` — ours vs ``method_of_equal_shares(sat_class=Cost_Sat)`` (both: exact B/n per voter);
* ``equalshares/add1`` — ours with pabutools' Add1 settings (start at B/n, stop at an exhaustive
  outcome) and with the Pabulib settings.  pabutools needs about nine minutes for Add1 on this file
  (one full MES per step, 185 steps), so it runs only with ``--add1-pabutools``.

Winners must be identical.  Targets: parse < 3 s; ours ≥ 50× faster than pabutools for both rules.
pabutools is a bench-only extra (``pip install pabutools==1.2.3``); without it that side is skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain import pb  # noqa: E402
from app.domain.pb import EqualSharesOptions, Outcome, PbElection, compute_outcome  # noqa: E402
from app.interchange.pabulib import read_pb  # noqa: E402

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib" / "Poland_Warszawa_2026.pb"
PARSE_TARGET_S = 3.0
SPEEDUP_TARGET = 50.0

T = TypeVar("T")


def timed(func: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """The result of ``func`` and its best wall time over ``repeat`` runs."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return result, best


def ours(election: PbElection, rule: str, options: EqualSharesOptions | None = None) -> Outcome:
    """The same path as ``hromada pb outcome --rule RULE``: count the ballots, apply the rule."""
    return compute_outcome(election, rule, mes_options=options)


def add1_steps(outcome: Outcome) -> int:
    """How many per-voter increments Add1 made (from the outcome's note)."""
    note = next(n for n in outcome.notes if n.startswith("Доповнення Add1"))
    return int(note.split("збільшень на ")[1].split(": ")[1].split(")")[0])


def line(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<44} {seconds * 1000:>11.1f} ms  {extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for our timings (default 3)")
    parser.add_argument("--add1-pabutools", action="store_true", help="also run pabutools Add1 (about 30 min)")
    args = parser.parse_args()

    print(f"File: {args.file}")
    election, t_parse = timed(lambda: read_pb(args.file), args.repeat)
    print(
        f"Voters: {len(election.votes):,}; projects: {len(election.projects)}; budget: "
        f"{pb.format_amount(election.budget, election.money_scale)} {election.currency}; "
        f"META rule: {election.rule}"
    )
    print(f"\nOurs (best of {args.repeat}):")
    line("parse/import", t_parse, "PASS" if t_parse < PARSE_TARGET_S else f"FAIL (target < {PARSE_TARGET_S} s)")
    greedy, t_greedy = timed(lambda: ours(election, "greedy"), args.repeat)
    line("greedy", t_greedy, f"{len(greedy.selected)} winners")
    mes, t_mes = timed(lambda: ours(election, "equalshares", EqualSharesOptions.pabutools()), args.repeat)
    line("equalshares", t_mes, f"{len(mes.selected)} winners")
    mes_add1, t_add1 = timed(lambda: ours(election, "equalshares/add1", EqualSharesOptions.pabutools(add1=True)))
    steps = add1_steps(mes_add1)
    line("equalshares/add1, pabutools settings", t_add1, f"{len(mes_add1.selected)} winners, {steps} steps")
    pab_add1, t_pab_add1 = timed(lambda: ours(election, "equalshares/add1"))
    line("equalshares/add1, Pabulib settings", t_pab_add1, f"{len(pab_add1.selected)} winners")
    published = election.published_winners()
    if published is not None and election.rule in pb.IMPLEMENTED_RULES:
        own = compute_outcome(election)
        print(f"  META rule {election.rule}: winners equal the published ones: {own.selected_set == published}")

    try:
        from pabutools.election import Cost_Sat, parse_pabulib  # type: ignore[import-not-found]
        from pabutools.rules import (  # type: ignore[import-not-found]
            greedy_utilitarian_welfare,
            method_of_equal_shares,
        )
    except ImportError:
        print("\npabutools is not installed: its side is skipped (pip install pabutools==1.2.3).")
        return 0 if t_parse < PARSE_TARGET_S else 1

    print("\npabutools 1.2.3 (one run each):")
    (instance, profile), p_parse = timed(lambda: parse_pabulib(str(args.file)))
    line("parse/import", p_parse)

    def names(allocation: Any) -> frozenset[str]:
        return frozenset(p.name for p in allocation)

    p_greedy_alloc, p_greedy = timed(lambda: greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat))
    line("greedy_utilitarian_welfare(Cost_Sat)", p_greedy)
    p_mes_alloc, p_mes = timed(lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat))
    line("method_of_equal_shares(Cost_Sat)", p_mes)
    p_add1_names: frozenset[str] | None = None
    p_add1 = 0.0
    if args.add1_pabutools:
        p_add1_alloc, p_add1 = timed(
            lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
        )
        p_add1_names = names(p_add1_alloc)
        line("method_of_equal_shares(Cost_Sat, increment 1)", p_add1)
    else:
        print(f"  {'method_of_equal_shares(Cost_Sat, increment 1)':<44} not run (--add1-pabutools; ~9 min here)")

    print("\nComparison:")
    checks = [
        ("greedy", greedy.selected_set == names(p_greedy_alloc), t_greedy, p_greedy),
        ("equalshares", mes.selected_set == names(p_mes_alloc), t_mes, p_mes),
    ]
    if p_add1_names is not None:
        checks.append(("equalshares/add1", mes_add1.selected_set == p_add1_names, t_add1, p_add1))
    ok = t_parse < PARSE_TARGET_S
    print(f"  {'parse/import':<18} ours {t_parse:7.3f} s  pabutools {p_parse:7.3f} s  ratio {p_parse / t_parse:6.1f}×")
    for label, same, ours_s, theirs_s in checks:
        ratio = theirs_s / ours_s
        verdict = "PASS" if ratio >= SPEEDUP_TARGET and same else f"FAIL (target ≥ {SPEEDUP_TARGET:.0f}×, same winners)"
        winners = "identical winners" if same else "WINNERS DIFFER"
        print(
            f"  {label:<18} ours {ours_s:7.3f} s  pabutools {theirs_s:8.3f} s  "
            f"speed-up {ratio:6.1f}×  {winners}  {verdict}"
        )
        ok = ok and ratio >= SPEEDUP_TARGET and same
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
