"""Python function calls per request, counted by cProfile: a measure of a page's cost that does not depend on how
busy the machine is (unlike its time), so a test can fail when a change brings back a cost per row."""

import cProfile
import pstats


def python_calls(client, path, params=None):
    """The Python function calls (built-ins included, as cProfile counts them) of one GET, after one warm-up
    GET (templates compiled, translations loaded, lazy objects set up): (calls, response)."""
    client.get(path, params)
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        response = client.get(path, params)
    finally:
        profiler.disable()
    return pstats.Stats(profiler).total_calls, response


def calls_per_row(client, path, few, many, *, rows):
    """How many more calls a page makes for each more row it lists, between two queries of the same shape (`few`
    and `many`: parameters that list fewer and more rows, with the same fixed cost). `rows(response)` counts the
    rows a response lists. Returns (calls per row, rows listed by `few`, rows listed by `many`)."""
    calls_few, response_few = python_calls(client, path, few)
    calls_many, response_many = python_calls(client, path, many)
    n_few, n_many = rows(response_few), rows(response_many)
    assert n_many - n_few >= 20, f"the two queries should differ by 20 rows or more, not {n_many - n_few}"
    return (calls_many - calls_few) / (n_many - n_few), n_few, n_many
