"""Durability from Python: a journal that survives closing the engine,
checkpoints and the recovery report, and erasure that leaves no byte of the
customer in the journal's files."""

import os
from datetime import timedelta

import pytest

import threadline
from threadline import CaseStatus

from conftest import at, make, reply


def _journey(engine):
    """Two customers: Grace on Twitter then by phone (one case), Ann by
    email. Returns Grace's linkage."""
    tweet = make("tw-1", at(0, 19), "TWITTER", "TWITTER", "@GraceC",
                 "@AcmeCare my internet is down", topic="connectivity")
    g = engine.ingest(tweet)
    engine.ingest(reply("tw-2", tweet, at(0, 19, 20)))
    engine.ingest(make("vo-1", at(1, 10), "VOICE", "PHONE", "(646) 555-0134",
                       "still no internet", region="US", topic="connectivity",
                       identities=[{"kind": "TWITTER", "value": "gracec"}]))
    engine.ingest(make("em-1", at(1, 11), "EMAIL", "EMAIL",
                       "ann.private@example.org", "My refund never arrived",
                       topic="billing"))
    return g


def _files(d):
    for root, _, names in os.walk(d):
        for n in names:
            yield os.path.join(root, n)


def test_journal_round_trip_keeps_customers_and_cases(tmp_path):
    d = tmp_path / "journal"
    with threadline.Engine(journal_dir=d) as engine:
        g = _journey(engine)
        engine.set_case_status(g.case_id, CaseStatus.RESOLVED, at(1, 12))
        before_customer = engine.customer(g.customer_id)
        before_case = engine.case(g.case_id)
        before_stats = engine.stats()
        assert engine.recovery().store.startswith("journal")
        # One engine per journal: a second opener is refused while it is open.
        with pytest.raises(threadline.Error) as e:
            threadline.Engine(journal_dir=d)
        assert e.value.code == "FAILED_PRECONDITION"
    assert engine.closed
    with pytest.raises(threadline.Error) as e:
        engine.stats()
    assert e.value.code == "FAILED_PRECONDITION"

    with threadline.Engine(journal_dir=d) as again:
        assert again.stats() == before_stats
        assert again.customer(g.customer_id) == before_customer
        assert again.case(g.case_id) == before_case
        assert again.case(g.case_id).status is CaseStatus.RESOLVED
        assert again.linkage_of("vo-1").case_id == g.case_id
        r = again.recovery()
        assert r.events > 0 and r.snapshot_sequence == 0
        assert r.dropped_bytes == 0 and r.snapshot_taken_at is None
        # The same id again is a retry, not a second interaction.
        assert again.ingest(make("em-1", at(1, 11), "EMAIL", "EMAIL",
                                 "ann.private@example.org",
                                 "My refund never arrived",
                                 topic="billing")).continued is False
        assert again.stats().interactions == before_stats.interactions


def test_store_from_open_journal_serves_one_engine(tmp_path):
    store = threadline.open_journal(tmp_path / "j", sync="interval",
                                    sync_interval=timedelta(milliseconds=5))
    assert "journal" in repr(store)
    engine = threadline.Engine(store=store)
    _journey(engine)
    with pytest.raises(threadline.Error) as e:
        threadline.Engine(store=store)
    assert e.value.code == "FAILED_PRECONDITION"
    engine.close()
    with threadline.Engine(journal_dir=tmp_path / "j") as again:
        assert again.stats().interactions == 4
    with pytest.raises(threadline.Error) as e:
        threadline.open_journal(tmp_path / "k", sync="sometimes")
    assert e.value.code == "INVALID_ARGUMENT" and "sync" in e.value.message


def test_open_journal_without_create_if_missing_makes_nothing(tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(threadline.Error) as e:
        threadline.open_journal(missing, create_if_missing=False)
    assert e.value.code == "NOT_FOUND" and str(missing) in e.value.message
    assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(threadline.Error) as e:
        threadline.open_journal(empty, create_if_missing=False)
    assert e.value.code == "NOT_FOUND"
    assert list(empty.iterdir()) == []
    with pytest.raises(TypeError):
        threadline.open_journal(empty, create_if_missing="no")
    with threadline.Engine(journal_dir=tmp_path / "j") as engine:
        _journey(engine)
    store = threadline.open_journal(tmp_path / "j", create_if_missing=False)
    with threadline.Engine(store=store) as again:
        assert again.stats().interactions == 4


def test_checkpoint_bounds_what_the_next_open_replays(tmp_path, clock):
    d = tmp_path / "journal"
    with threadline.Engine(journal_dir=d, clock=clock) as engine:
        _journey(engine)
        engine.checkpoint()
        engine.ingest(make("em-2", at(2, 9), "EMAIL", "EMAIL",
                           "ann.private@example.org", "Any news on my refund?",
                           topic="billing"))
    with threadline.Engine(journal_dir=d) as again:
        r = again.recovery()
        assert r.snapshot_sequence > 0
        assert r.snapshot_taken_at == at(0)  # the engine's clock
        # Only the events of the ingest after the checkpoint are replayed.
        assert 1 <= r.events < r.snapshot_sequence
        assert r.last_sequence == r.snapshot_sequence + r.events
        assert again.stats().interactions == 5
        assert r.to_dict()["snapshot_taken_at"] == "2026-01-05T09:00:00Z"
    with pytest.raises(threadline.Error) as e:
        threadline.Engine().checkpoint()
    assert e.value.code == "FAILED_PRECONDITION"


def test_erase_forgets_the_customer_down_to_the_journal_bytes(tmp_path):
    d = tmp_path / "journal"
    email = "ann.private@example.org"
    with threadline.Engine(journal_dir=d) as engine:
        g = _journey(engine)
        ann = engine.find_customer("EMAIL", email)
        report = engine.erase(ann.id)
        assert report.customer_ids == [ann.id]
        assert (report.identities, report.interactions, report.cases) == (1, 1, 1)
        assert report.to_dict()["customer_ids"] == [ann.id]
        for call in (lambda: engine.customer(ann.id),
                     lambda: engine.find_customer("EMAIL", email),
                     lambda: engine.linkage_of("em-1"),
                     lambda: engine.erase(ann.id)):
            with pytest.raises(threadline.Error) as e:
                call()
            assert e.value.code == "NOT_FOUND"
        # Others are untouched.
        assert engine.linkage_of("vo-1").customer_id == g.customer_id
        # The same identity seen again is a new customer.
        back = engine.ingest(make("em-9", at(3, 9), "EMAIL", "EMAIL", email,
                                  "Hello again"))
        assert back.customer_id != ann.id and not back.continued
        fresh = engine.customer(back.customer_id)
        engine.erase(fresh.id)
    data = b"".join(open(f, "rb").read() for f in _files(d))
    assert data, "the journal wrote nothing"
    assert email.encode() not in data
    assert b"refund never arrived" not in data
    assert b"GraceC" in data or b"gracec" in data  # the others stay
    with threadline.Engine(journal_dir=d) as again:
        with pytest.raises(threadline.Error) as e:
            again.find_customer("EMAIL", email)
        assert e.value.code == "NOT_FOUND"
        assert again.linkage_of("tw-1").customer_id == g.customer_id


def test_bad_durability_options_are_named():
    with pytest.raises(TypeError, match="store"):
        threadline.Engine(store="/tmp/x")
    with pytest.raises(threadline.Error) as e:
        threadline.Engine(snapshot_every=-1)
    assert e.value.code == "INVALID_ARGUMENT"
    assert "snapshot_every" in e.value.message
