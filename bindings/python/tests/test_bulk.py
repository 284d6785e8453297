"""link_jsonl and `python3 -m threadline`: the `threadline link` pipeline
from Python, checked against the engine fed the same lines as dicts."""

import json
import subprocess
import sys

import pytest

import threadline

OWN = ["TWITTER:@AcmeCare", "INSTAGRAM:@acme.care", "EMAIL:support@acme.com",
       "PHONE:+1 800 555 0199", "PHONE:+57 1 8000 555019",
       "PHONE:+52 800 555 0199", "PHONE:+34 900 550 199"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "threadline", *args],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def journeys(tmp_path_factory):
    path = tmp_path_factory.mktemp("bulk") / "journeys.jsonl"
    done = run("simulate", "--customers", "300", "--seed", "5", "--out", str(path),
               "--quiet")
    assert done.returncode == 0, done.stderr
    return path


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_link_jsonl_matches_the_engine_fed_the_same_dicts(journeys, tmp_path):
    out = tmp_path / "linkage.jsonl"
    summary = threadline.link_jsonl(journeys, out, own_identities=OWN)
    inputs = read_jsonl(journeys)
    lines = read_jsonl(out)
    assert summary.lines == summary.linked == len(inputs) == len(lines)
    assert summary.skipped == 0 and summary.bad_lines == []
    assert [l["interaction_id"] for l in lines] == [i["id"] for i in inputs]
    assert set(lines[0]) == {"interaction_id", "customer_id", "case_id", "reason",
                             "continued"}

    engine = threadline.Engine(own_identities=OWN)
    engine.ingest_many(inputs)
    for line in lines:
        assert engine.linkage_of(line["interaction_id"]).to_dict() == line
    assert engine.stats() == summary.stats
    assert summary.stats.customers < summary.stats.interactions
    assert 0 < summary.cross_channel_cases <= summary.stats.cases
    top = summary.switches[0]
    assert top.count >= summary.switches[-1].count
    assert "→" in str(top)


def test_link_jsonl_skips_bad_lines_and_names_them(journeys, tmp_path):
    src = tmp_path / "with-bad.jsonl"
    good = journeys.read_text(encoding="utf-8").splitlines()[:20]
    src.write_text("\n".join(good[:5] + ['{"id": "x", "channel": "TWEETER"}']
                             + good[5:]) + "\n", encoding="utf-8")
    summary = threadline.link_jsonl(src, tmp_path / "out.jsonl", batch_threads=1)
    assert (summary.lines, summary.linked, summary.skipped) == (21, 20, 1)
    (bad,) = summary.bad_lines
    assert bad.line == 6


def test_link_jsonl_counts_the_identities_it_left_out(tmp_path):
    src = tmp_path / "left-out.jsonl"
    line = ('{"id": "e%d", "occurred_at": "2026-01-05T10:00:00Z", '
            '"channel": "EMAIL", "direction": "INBOUND", '
            '"contact": {"kind": "EMAIL", "value": "bad-%d"}}')
    src.write_text("\n".join(line % (i, i) for i in range(1, 8)) + "\n",
                   encoding="utf-8")
    summary = threadline.link_jsonl(src, tmp_path / "out.jsonl")
    assert (summary.linked, summary.ignored_identities) == (7, 7)
    assert [g.line for g in summary.first_ignored] == [1, 2, 3, 4, 5]
    first = summary.first_ignored[0]
    assert first.identity == threadline.Identity("EMAIL", "bad-1")
    assert '"bad-1"' in first.why


def test_link_jsonl_missing_file_is_an_error(tmp_path):
    with pytest.raises(threadline.Error) as e:
        threadline.link_jsonl(tmp_path / "nope.jsonl", tmp_path / "out.jsonl")
    assert e.value.code == "NOT_FOUND"
    assert "nope.jsonl" in e.value.message


def test_module_link_writes_what_link_jsonl_writes(journeys, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    threadline.link_jsonl(journeys, a, own_identities=OWN)
    own_flags = [x for o in OWN for x in ("--own-identity", o)]
    done = run("link", "--in", str(journeys), "--out", str(b), *own_flags)
    assert done.returncode == 0, done.stderr
    assert a.read_bytes() == b.read_bytes()
    assert "customers" in done.stderr and "cross-channel" in done.stderr


def test_module_help_and_usage_errors():
    done = run("--help")
    assert done.returncode == 0
    for command in ("link", "simulate", "score", "sentiment", "guard"):
        assert command in done.stdout
    assert run().returncode == 2
    bad = run("frobnicate")
    assert bad.returncode == 2 and "unknown command" in bad.stderr
    link_help = run("link", "--help")
    assert link_help.returncode == 0 and "--own-identity" in link_help.stdout
    assert run("link", "--frobnicate").returncode == 2
