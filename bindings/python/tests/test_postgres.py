"""The PostgreSQL store from Python: an engine reopened on the same tenant
finds the same customers and cases. The server is the one ctest's
postgres_server fixture starts (or THREADLINE_TEST_POSTGRES); without one
the test fails rather than skips."""

import os
import random

import pytest

import threadline

from conftest import at, make


def connection():
    c = os.environ.get("THREADLINE_TEST_POSTGRES")
    if c:
        return c
    path = os.environ.get("THREADLINE_TEST_POSTGRES_FILE")
    assert path, ("no PostgreSQL server: set THREADLINE_TEST_POSTGRES, or run "
                  "through ctest (postgres_server fixture)")
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    assert text, f"{path} is empty: did postgres_server_start fail?"
    return text


def test_postgres_round_trip_and_erase():
    conn = connection()
    tenant = f"py-{os.getpid()}-{random.getrandbits(32)}"
    store = threadline.open_postgres(conn, tenant)
    assert tenant in store.describe()
    with threadline.Engine(store=store) as engine:
        g = engine.ingest(make("tw-1", at(0, 19), "TWITTER", "TWITTER", "@GraceC",
                               "@AcmeCare my internet is down", topic="outage"))
        a = engine.ingest(make("em-1", at(0, 20), "EMAIL", "EMAIL",
                               "ann@example.org", "My refund never arrived"))
        before = engine.stats()
    with threadline.Engine(store=threadline.open_postgres(conn, tenant)) as again:
        assert again.stats() == before
        assert again.linkage_of("tw-1") == g
        assert again.recovery().events > 0
        report = again.erase(a.customer_id)
        assert report.customer_ids == [a.customer_id]
    with threadline.Engine(store=threadline.open_postgres(conn, tenant)) as last:
        assert last.recovery().snapshot_sequence > 0
        with pytest.raises(threadline.Error) as e:
            last.find_customer("EMAIL", "ann@example.org")
        assert e.value.code == "NOT_FOUND"
        assert last.linkage_of("tw-1").customer_id == g.customer_id
    with pytest.raises(threadline.Error) as e:
        threadline.open_postgres(conn, "")
    assert e.value.code == "INVALID_ARGUMENT" and "tenant" in e.value.message
