"""Queries compiled once per process (issue 13). A query whose SQL depends on nothing but a few ids costs the
ORM hundreds of Python calls to build and compile on every request, a UNION of several thousands; running its
SQL costs a few dozen. `rows(name, build, *values)` compiles `build(*stand_ins)` once per database (alias and
vendor), then only runs its SQL with `values` in the stand-ins' places. The rows are the database's own values:
no field converts them (`from_db_value`; a boolean is 0 or 1 on SQLite), so it suits text, numbers and ids.
(`reports.dashboard` compiles the navigation's counts once the same way.)"""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

STAND_INS = (-730_001_917, -730_001_919, -730_001_923)  # ids no row has, found again among the parameters
_compiled: dict[tuple[str, str, str], tuple[str, tuple[Any, ...]]] = {}


def rows(name: str, build: Callable[..., QuerySet[Any, Any]], *values: int) -> list[tuple[Any, ...]]:
    """The rows (tuples) of the queryset `build(*stand_ins)` with `values` (ids) for the stand-ins; `name` names
    the query (one per shape of SQL)."""
    stand_ins = STAND_INS[: len(values)]
    key = (connection.alias, connection.vendor, name)
    if key not in _compiled:
        sql, params = build(*stand_ins).query.sql_with_params()
        if any(stand_in not in params for stand_in in stand_ins):
            raise ValueError(f"{name}: a stand-in is not among the query's parameters")
        _compiled[key] = (sql, tuple(params))
    sql, params = _compiled[key]
    real = dict(zip(stand_ins, values, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(sql, [real.get(p, p) if type(p) is int else p for p in params])
        return cursor.fetchall()
