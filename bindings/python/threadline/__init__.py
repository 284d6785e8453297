"""threadline: one thread per customer inquiry across every channel.

The threadline C++ engine from Python. Hand it each interaction (a tweet, a
call, an email, a chat...) as a dict in the FORMAT.md shape or an
Interaction; it answers who the customer is across all their identities,
which case the interaction continues and why, and what the next agent needs
to know.

Example:
    import threadline
    from datetime import datetime, timezone

    engine = threadline.Engine(own_identities=["TWITTER:@AcmeCare"])
    link = engine.ingest({
        "id": "tw-1", "occurred_at": "2026-01-05T19:43:00Z",
        "channel": "TWITTER", "direction": "INBOUND",
        "contact": {"kind": "TWITTER", "value": "@GraceC"},
        "text": "@AcmeCare my internet is down"})
    print(link.customer_id, link.case_id, link.reason)
    print(engine.context(link.case_id))

Engine(journal_dir=...) keeps every change in a journal that the next
Engine on that directory loads (store=open_journal(...) or open_postgres(...)
to choose the store); erase() forgets a customer. Inbound messages are scored
for sentiment, and negative waves raise Alerts (alert_listener=callable) and
group cases into Incidents answered once with reply_to_incident().

Every failure is a threadline.Error with .code ("INVALID_ARGUMENT",
"NOT_FOUND", ...) and a message naming the field, the value and the rule.
"""

from ._errors import BatchError, Error
from . import _threadline  # noqa: F401  (after _errors: it raises their Error)
from ._bulk import (BadLine, ChannelSwitch, LeftOutIdentity, LinkSummary,
                    link_jsonl)
from ._engine import Engine, ManualClock
from ._stores import Store, open_journal, open_postgres
from ._enums import (AlertScope, CaseStatus, Channel, Direction, Disposition,
                     FindingKind, IdentityKind, IncidentStatus, LinkReason,
                     SentimentLabel, SyncPolicy)
from ._text import (Finding, GuardResult, ReplyGuard, Sentiment,
                    analyze_sentiment, detect_language, is_public_channel)
from ._reports import (Alert, AlertSample, ChannelCount, ErasureReport,
                       Incident, IncidentReply, ListeningOptions,
                       RecoveryReport)
from ._types import (Case, ContextMessage, Customer, CustomerIdentity,
                     EngineStats, HandoffContext, Identity, IgnoredIdentity,
                     Interaction, Linkage, MergeRecord, SentimentTrend,
                     TimelineEntry)

__version__ = "0.1.0"

__all__ = [
    "Alert", "AlertSample", "AlertScope", "ChannelCount", "ErasureReport",
    "Incident", "IncidentReply", "IncidentStatus", "ListeningOptions",
    "RecoveryReport", "SentimentTrend", "Store", "SyncPolicy",
    "open_journal", "open_postgres",
    "BadLine", "BatchError", "Case", "CaseStatus", "Channel", "ChannelSwitch",
    "ContextMessage", "Customer", "CustomerIdentity", "Direction",
    "Disposition", "Engine", "EngineStats", "Error", "Finding", "FindingKind",
    "GuardResult", "HandoffContext", "Identity", "IdentityKind",
    "IgnoredIdentity",
    "Interaction", "LeftOutIdentity", "LinkReason", "LinkSummary", "Linkage",
    "ManualClock",
    "MergeRecord", "ReplyGuard", "Sentiment", "SentimentLabel",
    "TimelineEntry", "analyze_sentiment", "detect_language",
    "is_public_channel", "link_jsonl",
]
