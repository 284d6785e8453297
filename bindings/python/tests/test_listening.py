"""Social listening from Python: an outage wave raises an alert delivered to
a Python callback and groups into an incident, answered and resolved once;
sentiment trends in cases and contexts. The waves are those of
tests/listening/scenario.h."""

import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest

import threadline
from threadline import (AlertScope, CaseStatus, Channel, Direction,
                        IncidentStatus, LinkReason)

from conftest import make

DAY0 = datetime(2026, 1, 5, tzinfo=timezone.utc)

ENGLISH = ["Internet is down in my area, no connection at all",
           "No internet since this morning, is there an outage?",
           "Service is down, the router shows no signal"]
SPANISH = ["Sin internet en mi zona, no hay conexión",
           "Se cayó el servicio de internet, el módem no tiene señal",
           "¿Hay una falla? Llevo horas sin internet"]
WAVE_CHANNELS = ["TWITTER", "FACEBOOK", "TWITTER", "EMAIL"]
STEADY = ["I was charged twice on my bill this month, terrible",
          "My refund never arrived, this is awful",
          "The package is late again, so annoying",
          "I cannot log in to my account, very frustrating",
          "La factura llegó con un cobro doble, pésimo servicio",
          "Mi pedido no ha llegado, qué mal servicio"]


# Judges waves from the first message, with no day of history to learn the
# usual levels from first.
UNTAUGHT = threadline.ListeningOptions(learning_period=timedelta(0))


def inbound(id, when, channel, handle, text):
    kind, value = {"TWITTER": ("TWITTER", "@" + handle),
                   "FACEBOOK": ("FACEBOOK", handle)}.get(
                       channel, ("EMAIL", handle + "@example.org"))
    return make(id, when, channel, kind, value, text)


def steady_traffic(days):
    """Three complaints an hour on six matters, each from a new customer."""
    out = []
    n = 0
    for h in range(days * 24):
        for k in range(3):
            out.append(inbound(f"s-{n}", DAY0 + timedelta(hours=h, minutes=7 + 20 * k),
                               ["EMAIL", "TWITTER", "FACEBOOK"][n % 3],
                               f"steady{n}", STEADY[n % 6]))
            n += 1
    return out


def outage_wave(start, count, minutes, prefix="w"):
    """`count` customers in `minutes`, alternating English and Spanish."""
    return [inbound(f"{prefix}-{i}",
                    start + timedelta(seconds=60 * minutes * i // count),
                    WAVE_CHANNELS[i % 4], f"{prefix}user{i}",
                    (SPANISH if i % 2 else ENGLISH)[(i // 2) % 3])
            for i in range(count)]


def test_wave_alerts_a_python_callback_that_calls_back_in():
    seen = []
    engine = None

    def on_alert(alert):
        # Called with the GIL held and no engine lock: calling back in works.
        seen.append((alert, [a.id for a in engine.alerts()],
                     engine.stats().interactions,
                     threading.current_thread().name))

    engine = threadline.Engine(alert_listener=on_alert)
    engine.ingest_many(steady_traffic(2))
    wave = outage_wave(DAY0 + timedelta(hours=50), 40, 60)
    for w in wave[:20]:  # one by one, then a batch: both paths tell it
        engine.ingest(w)
    engine.ingest_many(wave[20:])

    alerts = engine.alerts()
    assert alerts and [s[0] for s in seen] == alerts
    first = alerts[0]
    assert isinstance(first, threadline.Alert)
    assert first.id == "a-1" and first.scope is AlertScope.TOPIC
    assert first.topic == "connectivity"
    start = DAY0 + timedelta(hours=50)
    assert start <= first.raised_at <= start + timedelta(hours=1)
    assert first.count >= 12 and first.count > 4 * first.expected
    assert first.window == timedelta(hours=1)
    assert first.samples and first.samples[0].occurred_at >= start
    assert first.channels[0].channel in (Channel.TWITTER, Channel.FACEBOOK)
    # Inside the callback the engine already lists the alert.
    assert "a-1" in seen[0][1] and seen[0][2] > 0
    assert seen[0][3] == threading.current_thread().name
    d = first.to_dict()
    assert d["scope"] == "TOPIC" and d["window"] == 3600.0
    assert "Alert(id='a-1'" in repr(first)


def test_listener_exception_goes_to_unraisablehook(monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)

    def broken(alert):
        raise ValueError(f"pager down for {alert.id}")

    engine = threadline.Engine(listening=UNTAUGHT, alert_listener=broken)
    engine.ingest_many(outage_wave(DAY0, 24, 60))
    assert engine.alerts()  # the ingests went on
    assert engine.stats().interactions == 24
    assert reported and isinstance(reported[0].exc_value, ValueError)
    assert "pager down for a-1" in str(reported[0].exc_value)


def test_wave_groups_into_an_incident_answered_and_resolved_once():
    engine = threadline.Engine(listening=UNTAUGHT)
    wave = outage_wave(DAY0, 24, 60)
    engine.ingest_many(wave)
    billing = inbound("b-1", DAY0 + timedelta(minutes=30), "EMAIL", "payer",
                      "I was charged twice on my bill this month")
    engine.ingest(billing)

    incidents = engine.incidents()
    assert len(incidents) == 1
    inc = incidents[0]
    assert isinstance(inc, threadline.Incident)
    assert (inc.id, inc.status, inc.topic) == ("i-1", IncidentStatus.OPEN,
                                                "connectivity")
    members = {engine.linkage_of(w["id"]).case_id for w in wave}
    assert set(inc.case_ids) == members
    assert len(inc.customer_ids) == len(wave)
    assert engine.linkage_of("b-1").case_id not in inc.case_ids
    assert engine.incident("i-1") == inc
    with pytest.raises(threadline.Error) as e:
        engine.incident("i-9")
    assert e.value.code == "NOT_FOUND"

    # Cases and the handoff context name their incident.
    spanish_case = engine.linkage_of("w-1").case_id
    assert engine.case(spanish_case).incident_id == "i-1"
    ctx = engine.context(spanish_case)
    assert (ctx.incident_id, ctx.incident_cases) == ("i-1", len(wave))

    # Taken out by hand, and put back.
    engine.remove_from_incident("i-1", spanish_case, DAY0 + timedelta(hours=2))
    assert spanish_case not in engine.incident("i-1").case_ids
    assert engine.case(spanish_case).incident_id == ""
    engine.add_to_incident("i-1", spanish_case, DAY0 + timedelta(hours=2))
    assert spanish_case in engine.incident("i-1").case_ids

    text = {"en": "We know about the outage; engineers are on it.",
            "es": "Sabemos de la falla; ya estamos trabajando."}
    sent = engine.reply_to_incident("i-1", text=text, agent_id="agent-1",
                                    at=DAY0 + timedelta(hours=3))
    assert len(sent) == len(inc.case_ids)
    by_id = {w["id"]: w for w in wave}
    for out in sent:
        assert isinstance(out, threadline.Interaction)
        assert out.direction is Direction.OUTBOUND and out.agent_id == "agent-1"
        asked = by_id[out.reply_to]
        assert out.channel == asked["channel"]
        spanish = asked["text"] in SPANISH
        assert out.language == ("es" if spanish else "en")
        assert ("Sabemos" if spanish else "We know") in out.text
        if out.channel is Channel.TWITTER:
            assert out.text.startswith(asked["contact"]["value"] + " ")
        link = engine.linkage_of(out.id)
        assert link.case_id == engine.linkage_of(asked["id"]).case_id
        assert link.reason is LinkReason.REPLY_TO
    # A retry (same reply, same time: same ids) sends nothing twice.
    before = engine.stats().interactions
    engine.reply_to_incident(
        "i-1", threadline.IncidentReply(text=text, agent_id="agent-1",
                                        at=DAY0 + timedelta(hours=3)))
    assert engine.stats().interactions == before

    with pytest.raises(threadline.Error) as e:
        engine.reply_to_incident("i-1", text={}, at=DAY0)
    assert e.value.code == "INVALID_ARGUMENT"

    engine.resolve_incident("i-1", DAY0 + timedelta(hours=4))
    resolved = engine.incident("i-1")
    assert resolved.status is IncidentStatus.RESOLVED
    assert all(engine.case(c).status is CaseStatus.RESOLVED
               for c in resolved.case_ids)
    for call in (lambda: engine.resolve_incident("i-1", DAY0 + timedelta(hours=5)),
                 lambda: engine.reply_to_incident("i-1", text={"en": "Fixed."})):
        with pytest.raises(threadline.Error) as e:
            call()
        assert e.value.code == "FAILED_PRECONDITION"
    assert resolved.to_dict()["status"] == "RESOLVED"


def test_listening_options_tune_or_turn_off_the_warning():
    quiet = threadline.Engine(
        listening=threadline.ListeningOptions(alerts=False, incidents=False))
    quiet.ingest_many(outage_wave(DAY0, 24, 60))
    assert quiet.alerts() == [] and quiet.incidents() == []
    keen = threadline.Engine(listening={"incident_min_cases": 30})
    keen.ingest_many(outage_wave(DAY0, 24, 60))
    assert keen.incidents() == []
    with pytest.raises(TypeError, match="listening"):
        threadline.Engine(listening={"no_such_option": 1})
    with pytest.raises(TypeError, match="alert_min_volume"):
        threadline.Engine(listening={"alert_min_volume": "many"})
    with pytest.raises(threadline.Error) as e:
        threadline.Engine(listening={"alert_min_ratio": -1.0})
    assert e.value.code == "INVALID_ARGUMENT"
    with pytest.raises(TypeError, match="alert_listener"):
        threadline.Engine(alert_listener="pager")


def test_sentiment_trend_in_case_and_context():
    t = DAY0
    first = make("t-1", t, "TWITTER", "TWITTER", "@moody",
                 "Thanks, the new plan looks great!")
    worse = make("t-2", t + timedelta(minutes=10), "TWITTER", "TWITTER", "@moody",
                 "This is the worst service ever, I am furious", reply_to="t-1")
    last = make("t-3", t + timedelta(minutes=20), "TWITTER", "TWITTER", "@moody",
                "ok, it works now", reply_to="t-2")
    engine = threadline.Engine()
    links = engine.ingest_many([first, worse, last])
    case_id = links[-1].case_id
    assert {l.case_id for l in links} == {case_id}
    s = engine.context(case_id).sentiment
    assert isinstance(s, threadline.SentimentTrend)
    assert s.scored == 3
    assert s.first > 0.3 and s.worst < -0.3 and s.last > s.worst
    assert s.worst_interaction_id == "t-2"
    assert engine.case(case_id).sentiment == s
    assert s.to_dict()["worst_interaction_id"] == "t-2"

    off = threadline.Engine(sentiment=False)
    off.ingest_many([first, worse, last])
    assert off.context(case_id).sentiment.scored == 0
    assert off.linkage_of("t-3").case_id == case_id


def test_listener_called_from_several_ingesting_threads_does_not_deadlock():
    seen = []
    lock = threading.Lock()
    engine = None

    def on_alert(alert):
        incidents = engine.incidents()  # back into the engine, GIL held
        with lock:
            seen.append((alert.id, len(incidents)))

    engine = threadline.Engine(listening=UNTAUGHT, alert_listener=on_alert)
    wave = outage_wave(DAY0, 40, 60)
    threads = [threading.Thread(target=lambda part=part: [engine.ingest(w) for w in part])
               for part in (wave[0::2], wave[1::2])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert engine.stats().interactions == 40
    assert sorted(a for a, _ in seen) == [a.id for a in engine.alerts()]
    assert seen
