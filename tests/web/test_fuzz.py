"""Property-based requests from /openapi.json (schemathesis), in process: no request gets a 5xx.

Every operation in the OpenAPI document, GET routes and the Try it POST, gets valid and invalid
(schema-violating) requests; the bounds the document states (`dyad/web/params.py`) steer both. A third
kind puts a hostile value in any query parameter, whatever the document says: huge or negative numbers,
date-like strings of any length, any text (how issue 17's 10^30 offsets and dates got their 500s).
Examples are few and derandomized, so the run is fast and the same every time.
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the fuzz test needs schemathesis: pip install -e '.[dev]'")

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402  (schemathesis brings it)
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

pytestmark = pytest.mark.model

OPERATIONS = ["GET /api/summary", "GET /api/articles", "GET /api/articles/{doc_id}", "POST /api/try",
              "GET /api/actors", "GET /api/actors/{actor_id}", "GET /api/dyads", "GET /api/dyads/{a}/{b}",
              "GET /api/network", "GET /api/events", "GET /api/events.csv", "GET /api/sources",
              "GET /api/events/{merged_id}"]
EXAMPLES = 25
HOSTILE = st.one_of(st.integers(min_value=-10**40, max_value=10**40).map(str),
                    st.from_regex(r"[0-9]{1,40}(-[0-9]{1,3}){0,2}", fullmatch=True), st.text(max_size=40))


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed(api_schema):
    assert sorted(result.ok().label for result in api_schema.get_all_operations()) == sorted(OPERATIONS)


@st.composite
def hostile(draw, operation):
    """A valid request with hostile values in some of its query parameters."""
    case = draw(operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    names = [parameter.name for parameter in operation.query]
    if names:
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
        case.query = {**(case.query or {}), **{name: draw(HOSTILE) for name in chosen}}
    return case


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error(api_schema, label):
    operation = api_schema.find_operation_by_label(label)
    # Invalid requests where the schema allows any (a path id is any string), valid ones always.
    cases = st.one_of(operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
                      operation.as_strategy(generation_mode=GenerationMode.NEGATIVE), hostile(operation))

    @given(case=cases)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def requests_get_no_5xx(case):
        case.call_and_validate(checks=[not_a_server_error])

    requests_get_no_5xx()


# Values that broke, or could break, a query: numbers past 64 bits, years past the calendar, other digits.
EDGES = [str(10**30), str(-10**30), "9223372036854775808", "-1", "0", "", "0000", "10000", "2025-02-30",
         "1" * 50 + "-01-01", "٣", "\x00", "<b>", "x" * 300]


def test_edge_values_in_every_query_parameter(client):
    """Each query parameter of each GET operation and of its page twin, alone, set to each of EDGES: never a 5xx."""
    paths = client.get("/openapi.json").json()["paths"]
    failures = []
    for path, methods in paths.items():
        if "get" not in methods:
            continue
        url = path.replace("{", "").replace("}", "")  # path ids: any string is a valid (unknown) id
        twins = [url] if url.endswith(".csv") else [url, url.removeprefix("/api")]
        for name in [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]:
            for value in EDGES:
                for twin in twins:
                    status = client.get(twin, params={name: value}).status_code
                    if status >= 500:
                        failures.append(f"GET {twin}?{name}={value[:40]!r}: {status}")
    assert not failures, "\n".join(failures)
