"""The engine's hard cases, through the Python package: the same journeys
tests/engine/engine_test.cc checks in C++."""

from datetime import timedelta

import pytest

import threadline
from threadline import CaseStatus, Channel, IdentityKind, LinkReason

from conftest import at, make, reply


def test_tweet_then_call_giving_the_handle_joins_the_case(engine, clock):
    tweet = make("tw-1", at(0, 19), "TWITTER", "TWITTER", "@GraceC",
                 "@AcmeCare my internet is down since this morning",
                 topic="connectivity")
    t = engine.ingest(tweet)
    assert t.reason is LinkReason.NEW_CASE and not t.continued
    r = engine.ingest(reply("tw-2", tweet, at(0, 19, 20)))
    assert (r.case_id, r.reason) == (t.case_id, LinkReason.REPLY_TO)

    call = make("vo-1", at(1, 10), "VOICE", "PHONE", "(646) 555-0134",
                "still no internet", region="US", topic="connectivity",
                identities=[{"kind": "TWITTER", "value": "gracec"}])
    c = engine.ingest(call)
    assert c.customer_id == t.customer_id
    assert c.case_id == t.case_id
    assert c.reason == LinkReason.SAME_MATTER == "SAME_MATTER"
    assert c.continued

    clock.set(at(1, 10, 30))
    ctx = engine.context(t.case_id)
    assert ctx.channels == [Channel.TWITTER, Channel.VOICE]
    assert ctx.started_on is Channel.TWITTER
    assert ctx.started_at == at(0, 19)
    assert [m.interaction_id for m in ctx.last_messages] == ["tw-1", "tw-2", "vo-1"]
    assert ctx.waiting == timedelta(minutes=30)
    assert ctx.case.status is CaseStatus.OPEN
    ids = {(i.identity.kind, i.identity.value) for i in ctx.customer.identities}
    assert (IdentityKind.PHONE, "+16465550134") in ids
    assert (IdentityKind.TWITTER, "gracec") in ids
    d = ctx.to_dict()
    assert d["channels"] == ["TWITTER", "VOICE"]
    assert d["started_at"] == "2026-01-05T19:00:00Z"
    assert d["waiting"] == 1800.0


def test_typed_interaction_is_the_same_as_a_dict(engine):
    typed = threadline.Interaction(
        id="tw-1", occurred_at=at(0), channel=Channel.TWITTER,
        direction="INBOUND", contact=("TWITTER", "@GraceC"),
        identities=[threadline.Identity(IdentityKind.EMAIL, " Grace@Example.org ")],
        text="hello")
    link = engine.ingest(typed)
    assert engine.find_customer("EMAIL", "grace@example.org").id == link.customer_id
    assert engine.find_customer(("TWITTER", "@gracec")).id == link.customer_id
    assert typed.to_dict()["contact"] == {"kind": "TWITTER", "value": "@GraceC"}


def test_every_phone_form_resolves_to_one_customer(engine):
    forms = ["(646) 555-0134", "+1 646 555 0134", "646.555.0134",
             "+1-646-555-0134", "16465550134", "011 1 646 555 0134"]
    customers = {engine.ingest(make(f"v-{i}", at(0, 9, i), "VOICE", "PHONE",
                                    form, region="US")).customer_id
                 for i, form in enumerate(forms)}
    assert len(customers) == 1
    found = engine.find_customer(("PHONE", "(646) 555-0134"), region="US")
    assert found.id in customers


def test_family_sharing_a_landline_stays_separate_people(engine):
    mum = make("v-1", at(0), "VOICE", "PHONE", "(312) 555-0100", region="US",
               identities=[{"kind": "ACCOUNT", "value": "AC-100200"}])
    son = dict(mum, id="v-2", occurred_at=at(2),
               identities=[{"kind": "ACCOUNT", "value": "ac 300 400"}])
    mum_again = dict(mum, id="v-3", occurred_at=at(3),
                     identities=[{"kind": "ACCOUNT", "value": "AC100200"}])
    a, b, c = (engine.ingest(x) for x in (mum, son, mum_again))
    assert a.customer_id != b.customer_id
    assert a.customer_id == c.customer_id


def test_brand_handle_and_hotline_never_join_customers(engine):
    for i in range(6):
        engine.ingest(make(f"tw-{i}", at(i), "TWITTER", "TWITTER", f"user{i}",
                           "@AcmeCare I already called +1 800 555 0199 twice"))
        engine.ingest(make(f"fb-{i}", at(i, 12), "FACEBOOK", "FACEBOOK",
                           f"fbuser{i}", "Called +18005550199 and nobody answers"))
    ids = [engine.linkage_of(f"{p}-{i}").customer_id
           for i in range(6) for p in ("tw", "fb")]
    assert len(set(ids)) == 12


def test_configured_own_identity_never_identifies():
    engine = threadline.Engine(own_identities=[("EMAIL", "care@acme.com")])
    a = engine.ingest(make("a", at(0), "EMAIL", "EMAIL", "ann@example.org",
                           "cc care@acme.com about my bill"))
    b = engine.ingest(make("b", at(1), "EMAIL", "EMAIL", "bob@example.org",
                           "writing to care@acme.com"))
    assert a.customer_id != b.customer_id
    with pytest.raises(threadline.Error) as e:
        engine.find_customer("EMAIL", "care@acme.com")
    assert e.value.code == "NOT_FOUND"


def test_reopen_inside_the_window_new_case_after(engine):
    first = make("s-1", at(0), "SMS", "PHONE", "+34 612 345 678", topic="billing")
    a = engine.ingest(first)
    engine.ingest(reply("s-2", first, at(0, 12), disposition="RESOLVED"))
    assert engine.case(a.case_id).status is CaseStatus.RESOLVED
    assert engine.case(a.case_id).resolved_at == at(0, 12)

    back = dict(first, id="s-3", occurred_at=at(3),
                text="Following up: this is still not solved")
    b = engine.ingest(back)
    assert (b.case_id, b.reason) == (a.case_id, LinkReason.REOPENED)
    assert engine.case(a.case_id).status is CaseStatus.OPEN

    engine.ingest(reply("s-4", back, at(3, 12), disposition="RESOLVED"))
    c = engine.ingest(dict(first, id="s-5", occurred_at=at(30)))
    assert c.case_id != a.case_id
    assert c.reason is LinkReason.NEW_CASE
    assert c.customer_id == a.customer_id
    assert [k.id for k in engine.cases_of(a.customer_id)] == [a.case_id, c.case_id]


def test_reopen_window_option_is_a_timedelta():
    engine = threadline.Engine(reopen_window=timedelta(days=1))
    first = make("s-1", at(0), "SMS", "PHONE", "+34 612 345 678", topic="billing")
    a = engine.ingest(first)
    engine.ingest(reply("s-2", first, at(0, 12), disposition="RESOLVED"))
    b = engine.ingest(dict(first, id="s-3", occurred_at=at(3),
                           text="Following up: this is still not solved"))
    assert b.case_id != a.case_id


def test_merge_found_later_rewrites_earlier_linkages_and_can_be_undone(engine):
    m = engine.ingest(make("em-1", at(0), "EMAIL", "EMAIL", " Ava.King@Example.org ",
                           topic="refund"))
    f = engine.ingest(make("fb-1", at(0, 12), "FACEBOOK", "FACEBOOK", "1234567890",
                           topic="refund"))
    assert m.customer_id != f.customer_id
    c = engine.ingest(make("ch-1", at(1), "WEB_CHAT", "CHAT_VISITOR", "v-abc",
                           topic="refund",
                           identities=[{"kind": "EMAIL", "value": "ava.king@example.org"},
                                       {"kind": "FACEBOOK", "value": "1234567890"}]))
    assert c.customer_id == m.customer_id
    assert engine.linkage_of("fb-1").customer_id == m.customer_id
    assert engine.linkage_of("fb-1").case_id == engine.linkage_of("em-1").case_id
    assert engine.customer(f.customer_id).id == m.customer_id

    (record,) = engine.merges(m.customer_id)
    assert (record.survivor_id, record.absorbed_id) == (m.customer_id, f.customer_id)
    assert record.evidence_interaction_id == "ch-1"
    assert record.evidence_identity == threadline.Identity("FACEBOOK", "1234567890")
    assert not record.undone

    undone = engine.unmerge(record.id)
    assert [u.id for u in undone] == [record.id]
    assert engine.linkage_of("fb-1").customer_id == f.customer_id
    assert engine.linkage_of("em-1").customer_id == m.customer_id
    assert engine.linkage_of("fb-1").case_id != engine.linkage_of("em-1").case_id
    assert engine.merges(m.customer_id)[0].undone
    with pytest.raises(threadline.Error) as e:
        engine.unmerge(record.id)
    assert e.value.code == "FAILED_PRECONDITION"


def test_explicit_merge_and_unmerge(engine):
    a = engine.ingest(make("a", at(0), "SMS", "PHONE", "+34 612 345 678"))
    b = engine.ingest(make("b", at(1), "EMAIL", "EMAIL", "b@example.es"))
    record = engine.merge(b.customer_id, a.customer_id)
    assert record.survivor_id == a.customer_id
    assert record.evidence_identity is None
    assert engine.linkage_of("b").customer_id == a.customer_id
    with pytest.raises(threadline.Error) as e:
        engine.merge(a.customer_id, b.customer_id)
    assert e.value.code == "FAILED_PRECONDITION"
    engine.unmerge(record.id)
    assert engine.linkage_of("b").customer_id == b.customer_id


def test_idempotent_retry_and_already_exists_on_changed_content(engine):
    item = make("x-1", at(0), "SMS", "PHONE", "+14155550100", "hello")
    a = engine.ingest(item)
    assert engine.ingest(item) == a
    assert engine.stats().interactions == 1
    with pytest.raises(threadline.Error) as e:
        engine.ingest(dict(item, text="something else"))
    assert e.value.code == "ALREADY_EXISTS"
    assert "x-1" in e.value.message
    assert engine.stats().interactions == 1


def test_timeline_crosses_channels_in_time_order(engine):
    t = engine.ingest(make("tw-1", at(0), "TWITTER", "TWITTER", "@ann", "help"))
    engine.ingest(make("vo-1", at(1), "VOICE", "PHONE", "+14155550100", "calling",
                       identities=[{"kind": "TWITTER", "value": "ann"}]))
    timeline = engine.timeline(t.customer_id)
    assert [(e.interaction_id, e.channel) for e in timeline] == [
        ("tw-1", Channel.TWITTER), ("vo-1", Channel.VOICE)]
    assert timeline[1].occurred_at == at(1)


def test_set_case_status(engine, clock):
    a = engine.ingest(make("e-1", at(0), "EMAIL", "EMAIL", "mia@example.com"))
    clock.set(at(0, 15))
    engine.set_case_status(a.case_id, "RESOLVED")
    k = engine.case(a.case_id)
    assert (k.status, k.resolved_at) == (CaseStatus.RESOLVED, at(0, 15))
    engine.set_case_status(a.case_id, CaseStatus.OPEN, at(1))
    assert engine.case(a.case_id).status is CaseStatus.OPEN


def test_ingest_many_is_ingest_in_order(engine):
    tweet = make("tw-1", at(0, 19), "TWITTER", "TWITTER", "@GraceC", "internet down",
                 topic="connectivity")
    links = engine.ingest_many([tweet, reply("tw-2", tweet, at(0, 20)),
                                make("vo-1", at(1), "VOICE", "PHONE", "+14155550100",
                                     identities=[threadline.Identity("TWITTER", "gracec")],
                                     topic="connectivity")],
                               batch_size=2)
    assert [l.interaction_id for l in links] == ["tw-1", "tw-2", "vo-1"]
    assert len({l.case_id for l in links}) == 1
    assert links[1].reason is LinkReason.REPLY_TO


def test_ingest_many_across_batches_keeps_each_result_in_its_place(engine):
    # Batches are linked on a thread of their own while the next is read:
    # results, refusals included, still come back in input order.
    items = []
    for i in range(30):
        items.append(make(f"em-{i}", at(i // 12, i % 12), "EMAIL", "EMAIL",
                          f"p{i % 7}@example.com"))
        if i % 6 == 0:
            items.append({"id": f"bad-{i}"})  # refused by the engine's parser
        if i % 10 == 0:
            items.append(f"not a dict {i}")  # refused before it
    results = engine.ingest_many(items, batch_size=4, return_errors=True)
    assert len(results) == len(items)
    for item, result in zip(items, results):
        if isinstance(item, dict) and item["id"].startswith("em-"):
            assert result == engine.linkage_of(item["id"])
        else:
            assert isinstance(result, threadline.Error)
    assert len({r.customer_id for r in results
                if isinstance(r, threadline.Linkage)}) == 7
    with pytest.raises(threadline.BatchError):
        engine.ingest_many(items, batch_size=4)


def test_ingest_many_on_a_closed_engine_raises(engine):
    engine.close()
    with pytest.raises(threadline.Error) as e:
        engine.ingest_many([make(f"em-{i}", at(0, i), "EMAIL", "EMAIL",
                                 "a@example.com") for i in range(10)],
                           batch_size=3)
    assert e.value.code == "FAILED_PRECONDITION"


def test_results_have_readable_repr_and_dicts(engine):
    link = engine.ingest(make("tw-1", at(0), "TWITTER", "TWITTER", "@GraceC"))
    assert repr(link).startswith("Linkage(interaction_id='tw-1'")
    assert "LinkReason.NEW_CASE" in repr(link)
    assert link.to_dict() == {"interaction_id": "tw-1", "customer_id": link.customer_id,
                              "case_id": link.case_id, "reason": "NEW_CASE",
                              "continued": False}
    assert engine.customer(link.customer_id).to_dict()["identities"][0]["identity"] == {
        "kind": "TWITTER", "value": "gracec"}
    assert engine.stats().to_dict()["interactions"] == 1


def test_ingest_names_the_identities_it_left_out(engine):
    item = make("e-1", at(0), "EMAIL", "EMAIL", "not-an-email",
                "Where is my refund?",
                identities=[{"kind": "ACCOUNT", "value": "AC-305510"}])
    linked = engine.ingest(item)
    assert [(g.identity.kind, g.identity.value)
            for g in linked.ignored_identities] == [
                (IdentityKind.EMAIL, "not-an-email")]
    assert "not-an-email" in linked.ignored_identities[0].why
    assert linked.to_dict()["ignored_identities"][0]["identity"] == {
        "kind": "EMAIL", "value": "not-an-email"}
    # Only the ingest that links it reports them.
    assert engine.ingest(item).ignored_identities == ()
    assert engine.linkage_of("e-1").ignored_identities == ()
    [batch] = engine.ingest_many([make("e-2", at(1), "SMS", "PHONE", "+1 12")])
    assert [g.identity.value for g in batch.ignored_identities] == ["+1 12"]
