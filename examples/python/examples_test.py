"""Runs the Python examples and checks what they print."""

import os
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
OWN = ["TWITTER:@AcmeCare", "INSTAGRAM:@acme.care", "EMAIL:support@acme.com",
       "PHONE:+1 800 555 0199", "PHONE:+57 1 8000 555019",
       "PHONE:+52 800 555 0199", "PHONE:+34 900 550 199"]


def run(*args):
    done = subprocess.run([sys.executable, *map(str, args)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_twitter_to_phone():
    out = run(HERE / "twitter_to_phone.py")
    assert re.search(r"call .*case (k-\S+) \(SAME_MATTER, continued=True\)", out)
    assert "left out ACCOUNT:N/A: " in out
    assert "TWITTER → VOICE" in out
    assert "TWITTER:gracec" in out and "PHONE:+16465550134" in out
    assert "waiting for us: 3 min" in out
    # The brand's own hotline in the tweet is nobody's number.
    assert "PHONE:+18005550199" not in out
    assert out.index("internet down in Brooklyn") < out.index("Still no internet")


def test_bulk_link(tmp_path):
    journeys, linkage = tmp_path / "journeys.jsonl", tmp_path / "linkage.jsonl"
    subprocess.run([os.environ["THREADLINE_CLI"], "simulate", "--customers", "400",
                    "--seed", "3", "--out", str(journeys), "--quiet"], check=True)
    own = [x for o in OWN for x in ("--own-identity", o)]
    out = run(HERE / "bulk_link.py", journeys, "--out", linkage, *own)
    lines = journeys.read_text(encoding="utf-8").count("\n")
    m = re.search(r"Linked (\d+) interactions .*\(0 skipped\): (\d+) customers, "
                  r"(\d+) cases, (\d+) of them across channels", out)
    assert m, out
    linked, customers, cases, crossed = map(int, m.groups())
    assert linked == lines == linkage.read_text(encoding="utf-8").count("\n")
    assert 0 < customers < linked and 0 < crossed < cases
    paths = re.findall(r"^\s+\d+\s+([A-Z_]+(?: → [A-Z_]+)+)$",
                       out.split("Cases per channel path")[1].split("Top channel")[0],
                       re.M)
    assert paths, out
    assert re.search(r"Top channel switches.*\n\s+\d+\s+[A-Z_]+ → [A-Z_]+", out)
    several = re.search(r"Customers with several identities: (\d+) of (\d+)", out)
    assert several and 0 < int(several.group(1)) <= int(several.group(2)) == customers
    assert "+18005550199" not in out  # the brand's hotline identifies no one


def test_durable_journal(tmp_path):
    journal = tmp_path / "journal"
    out = run(HERE / "durable_journal.py", journal)
    assert "Linked 4 interactions: 2 customers, 2 cases" in out
    restart = out.split("Restart: the engine opens the same journal")[1]
    assert re.search(r"replayed [1-9]\d* events .*; 0 bytes cut off", restart)
    assert "Grace Clark: case k-1 (outage) TWITTER → VOICE, 2 messages" in restart
    assert "Ann Moreno: case k-2 (billing) EMAIL → WEB_CHAT" in restart
    assert re.search(r"erased customer c-\d+: 1 identities, 2 interactions, 1 cases", out)
    assert "looking her up now: NOT_FOUND" in out
    assert "copies of her address left in the journal's files: 0" in out
    assert "copies of her messages left: 0" in out
    again = out.split("Restart again")[1]
    assert re.search(r"restored snapshot [1-9]\d*, replayed 0 events: 1 customer, 1 case", again)
    # The example's claim checked independently of its own output.
    data = b"".join(p.read_bytes() for p in journal.rglob("*") if p.is_file())
    assert data and b"ann.moreno@example.org" not in data
    assert b"GraceC" in data or b"gracec" in data
