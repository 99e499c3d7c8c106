"""Small elections for the outcome-rule tests."""

from __future__ import annotations

from app.domain.pb import ProjectInput


def P(pid: str, cost: int, votes: int, points: int | None = None) -> ProjectInput:  # noqa: N802 - reads like a table
    return ProjectInput(pid, cost, votes, points)


ELECTION = [P("A", 60, 50), P("B", 50, 40), P("C", 30, 30), P("D", 10, 20), P("E", 5, 3)]
"""Five projects, votes descending; with a budget of 100 ``greedy`` funds A, C and D."""
