"""Every failure is threadline.Error with the status code's name, or a
TypeError, and the message names the field and the value."""

from datetime import datetime, timedelta

import pytest

import threadline

from conftest import at, make


def error_of(f, *args, **kwargs):
    with pytest.raises(threadline.Error) as e:
        f(*args, **kwargs)
    return e.value


def test_error_is_an_exception_with_code_and_message(engine):
    e = error_of(engine.case, "k-404")
    assert isinstance(e, Exception)
    assert e.code == "NOT_FOUND"
    assert "k-404" in e.message
    assert str(e).startswith("NOT_FOUND: ")


@pytest.mark.parametrize("call", [
    lambda e: e.linkage_of("nope"),
    lambda e: e.customer("c-404"),
    lambda e: e.case("k-404"),
    lambda e: e.cases_of("c-404"),
    lambda e: e.timeline("c-404"),
    lambda e: e.context("k-404"),
    lambda e: e.unmerge("m-404"),
    lambda e: e.find_customer("EMAIL", "nobody@example.org"),
    lambda e: e.set_case_status("k-404", "RESOLVED", at(0)),
])
def test_unknown_ids_are_not_found(engine, call):
    assert error_of(call, engine).code == "NOT_FOUND"


def test_merge_with_an_unknown_customer_is_not_found(engine):
    a = engine.ingest(make("a", at(0), "SMS", "PHONE", "+34 612 345 678"))
    assert error_of(engine.merge, a.customer_id, "c-12345").code == "NOT_FOUND"


@pytest.mark.parametrize("field", ["id", "occurred_at", "channel", "direction", "contact"])
def test_missing_required_field_names_it(engine, field):
    item = make("x", at(0), "SMS", "PHONE", "+14155550100")
    del item[field]
    e = error_of(engine.ingest, item)
    assert e.code == "INVALID_ARGUMENT"
    assert field in e.message
    assert engine.stats().interactions == 0


@pytest.mark.parametrize("field,value,shown", [
    ("channel", "TWEETER", "TWEETER"),
    ("direction", "SIDEWAYS", "SIDEWAYS"),
    ("disposition", "DONE", "DONE"),
    ("channel", 99, "99"),
])
def test_bad_enum_names_name_field_and_value(engine, field, value, shown):
    item = make("x", at(0), "SMS", "PHONE", "+14155550100")
    item[field] = value
    e = error_of(engine.ingest, item)
    assert e.code == "INVALID_ARGUMENT"
    assert field in e.message and shown in e.message


def test_bad_identity_kind_names_the_path(engine):
    item = make("x", at(0), "SMS", "PIGEON", "+14155550100")
    e = error_of(engine.ingest, item)
    assert "contact.kind" in e.message and "PIGEON" in e.message


@pytest.mark.parametrize("field,value", [
    ("text", 42), ("id", ["a"]), ("occurred_at", 1767600000),
    ("identities", {"kind": "EMAIL"}), ("reply_to", True),
])
def test_wrong_types_name_field_and_value(engine, field, value):
    item = make("x", at(0), "SMS", "PHONE", "+14155550100")
    item[field] = value
    e = error_of(engine.ingest, item)
    assert e.code == "INVALID_ARGUMENT"
    assert field in e.message


def test_bad_and_naive_times(engine):
    item = make("x", "2026-13-05T10:00:00Z", "SMS", "PHONE", "+14155550100")
    e = error_of(engine.ingest, item)
    assert "occurred_at" in e.message and "2026-13-05" in e.message
    item["occurred_at"] = datetime(2026, 1, 5, 10)
    e = error_of(engine.ingest, item)
    assert e.code == "INVALID_ARGUMENT"
    assert "occurred_at" in e.message and "naive" in e.message


def test_not_a_dict_is_a_type_error(engine):
    with pytest.raises(TypeError, match="dict"):
        engine.ingest(["x"])
    with pytest.raises(TypeError, match="set"):
        engine.ingest(dict(make("x", at(0), "SMS", "PHONE", "+1415555"), text={1}))


def test_wrong_types_of_ids_and_options_are_type_errors(engine):
    with pytest.raises(TypeError, match="case_id"):
        engine.case(7)
    with pytest.raises(TypeError, match="reopen_window"):
        threadline.Engine(reopen_window=7)
    with pytest.raises(TypeError, match="clock"):
        threadline.Engine(clock="now")


def test_bad_options_name_the_option():
    e = error_of(threadline.Engine, default_region="usa")
    assert e.code == "INVALID_ARGUMENT" and "default_region" in e.message
    e = error_of(threadline.Engine, own_identities=[("PHONE", "abc")])
    assert "own_identities" in e.message
    e = error_of(threadline.Engine, own_identities=["PIGEON:@x"])
    assert "PIGEON" in e.message
    e = error_of(threadline.Engine, batch_threads=0)
    assert "batch_threads" in e.message
    assert error_of(threadline.Engine, reopen_window=-timedelta(hours=1)).code == \
        "INVALID_ARGUMENT"


def test_bad_case_status(engine):
    a = engine.ingest(make("a", at(0), "SMS", "PHONE", "+34 612 345 678"))
    assert error_of(engine.set_case_status, a.case_id, "CLOSED", at(1)).code == \
        "INVALID_ARGUMENT"
    assert error_of(engine.set_case_status, a.case_id, "STATUS_UNSPECIFIED",
                    at(1)).code == "INVALID_ARGUMENT"


def test_ingest_many_reports_each_failure_and_keeps_the_rest(engine):
    good = make("ok-1", at(0), "SMS", "PHONE", "+14155550100")
    bad = dict(good, id="bad-1", channel="TWEETER")
    with pytest.raises(threadline.BatchError) as e:
        engine.ingest_many([good, bad, "not a dict", dict(good, id="ok-2")])
    err = e.value
    assert isinstance(err, threadline.Error)
    assert [i for i, _ in err.failures] == [1, 2]
    assert "item 1" in err.message and "TWEETER" in err.message
    assert isinstance(err.results[0], threadline.Linkage)
    assert isinstance(err.results[3], threadline.Linkage)
    assert engine.stats().interactions == 2

    results = engine.ingest_many([dict(good, id="ok-3"), bad], return_errors=True)
    assert isinstance(results[0], threadline.Linkage)
    assert isinstance(results[1], threadline.Error)
    assert results[1].code == "INVALID_ARGUMENT"


def test_ingest_many_conflicting_retry_is_already_exists(engine):
    item = make("x-1", at(0), "SMS", "PHONE", "+14155550100", "hello")
    engine.ingest(item)
    results = engine.ingest_many([item, dict(item, text="changed")], return_errors=True)
    assert isinstance(results[0], threadline.Linkage)
    assert results[1].code == "ALREADY_EXISTS"


def test_text_with_lone_surrogates_is_repaired_as_broken_utf8_is(engine):
    # A file read with errors="surrogateescape" keeps its bad bytes as lone
    # surrogates; its text and display name are repaired, not refused.
    text = b"caf\xe9 ok".decode("utf-8", "surrogateescape")
    item = make("t-1", at(0), "SMS", "PHONE", "+14155550100", text,
                display_name="Jos\udce9 \U0001F600")
    linked = engine.ingest(item)
    ctx = engine.context(linked.case_id)
    assert ctx.last_messages[-1].text == "caf\ufffd ok"
    assert ctx.customer.display_names == ["Jos\ufffd \U0001F600"]
    assert engine.ingest(item).case_id == linked.case_id  # the same again
    [again] = engine.ingest_many([threadline.Interaction(**item)])
    assert again.case_id == linked.case_id
    # Elsewhere a repaired value could equal another: refused, by field.
    e = error_of(engine.ingest, make("t-2", at(0), "SMS", "PHONE",
                                     "+14155550100", "hi", topic="x\udce9"))
    assert e.code == "INVALID_ARGUMENT" and '"topic"' in e.message
