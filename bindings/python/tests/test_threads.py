"""Python threads ingest in parallel (the GIL is released while the engine
works) and the result is the same as one thread's."""

import threading

import threadline

from conftest import at, make


def items(t):
    return [make(f"t{t}-{i}", at(0, 9, i % 60), "SMS", "PHONE",
                 f"+1415555{1000 + i}", "my bill is wrong", topic="billing")
            for i in range(500)]


def run_threads(target, n=4):
    errors = []

    def guarded(t):
        try:
            target(t)
        except Exception as e:  # reported below, not lost in the thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []


def test_threads_ingesting_one_by_one_give_consistent_results():
    engine = threadline.Engine()

    def work(t):
        for item in items(t):
            engine.ingest(item)

    run_threads(work)
    s = engine.stats()
    assert s.interactions == 2000
    assert s.customers == 500
    # Each number is one customer whichever thread brought it first.
    for i in (0, 137, 499):
        ids = {engine.linkage_of(f"t{t}-{i}").customer_id for t in range(4)}
        assert len(ids) == 1


def test_threads_ingesting_batches_match_a_single_thread():
    parallel = threadline.Engine(batch_threads=2)
    run_threads(lambda t: parallel.ingest_many(items(t), batch_size=100))
    serial = threadline.Engine()
    for t in range(4):
        serial.ingest_many(items(t))
    assert parallel.stats() == serial.stats()


def test_lookups_while_ingesting():
    engine = threadline.Engine()
    engine.ingest(make("seed", at(0), "SMS", "PHONE", "+14155550999"))
    # What each reader saw, in its own order: two readers' counts may be
    # appended to one list out of the order they were read in.
    seen = {1: [], 2: []}

    def work(t):
        if t == 0:
            engine.ingest_many(items(0))
        else:
            for _ in range(200):
                seen[t].append(engine.stats().interactions)
                engine.context(engine.linkage_of("seed").case_id)

    run_threads(work, n=3)
    for counts in seen.values():
        assert counts == sorted(counts)
        assert all(1 <= c <= 501 for c in counts)
    assert engine.stats().interactions == 501
