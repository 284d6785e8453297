"""The enums of threadline, named as FORMAT.md and the .proto files write them.

Each is a str enum: Channel.TWITTER == "TWITTER", so a name from a JSON line
and a member compare equal, and members are written to JSON as their names.
"""

from __future__ import annotations

import enum
from typing import Any, Dict, Type, TypeVar

from ._errors import Error

E = TypeVar("E", bound="_Named")


class _Named(str, enum.Enum):
    """Base of the enums: str values, and the number the C++ API uses."""

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    @property
    def number(self) -> int:
        """The value's number in the .proto enum (and the C++ enum)."""
        return _NUMBERS[type(self)][self]

    @classmethod
    def parse(cls: Type[E], value: Any, field: str) -> E:
        """The member for `value` (a member, its name in any case, or its
        number). Raises Error INVALID_ARGUMENT naming `field` and the value,
        or TypeError for a value of another type."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls.__members__.get(value.upper())
            if member is not None:
                return member
            raise Error("INVALID_ARGUMENT",
                        f'field "{field}": "{value}" is not a {cls.__name__}; '
                        f"expected one of {', '.join(cls.__members__)}")
        if isinstance(value, int) and not isinstance(value, bool):
            members = _BY_NUMBER[cls]
            if 0 <= value < len(members):
                return members[value]
            raise Error("INVALID_ARGUMENT",
                        f'field "{field}": {value} is not the number of a '
                        f"{cls.__name__}")
        raise TypeError(f'field "{field}": expected a {cls.__name__} or its '
                        f"name, got {type(value).__name__} {value!r}")


class Channel(_Named):
    """Where an interaction happened."""
    CHANNEL_UNSPECIFIED = "CHANNEL_UNSPECIFIED"
    VOICE = "VOICE"
    SMS = "SMS"
    EMAIL = "EMAIL"
    WEB_CHAT = "WEB_CHAT"
    TWITTER = "TWITTER"
    FACEBOOK = "FACEBOOK"
    INSTAGRAM = "INSTAGRAM"
    WHATSAPP = "WHATSAPP"
    LINKEDIN = "LINKEDIN"
    FORUM = "FORUM"
    BLOG = "BLOG"
    VIDEO = "VIDEO"
    FAX = "FAX"
    POSTAL_MAIL = "POSTAL_MAIL"
    IN_STORE = "IN_STORE"
    WEB_FORM = "WEB_FORM"
    OTHER = "OTHER"


class Direction(_Named):
    """INBOUND comes from the customer, OUTBOUND from the brand."""
    DIRECTION_UNSPECIFIED = "DIRECTION_UNSPECIFIED"
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


class IdentityKind(_Named):
    """What kind of address an Identity value is."""
    KIND_UNSPECIFIED = "KIND_UNSPECIFIED"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    TWITTER = "TWITTER"
    FACEBOOK = "FACEBOOK"
    INSTAGRAM = "INSTAGRAM"
    WHATSAPP = "WHATSAPP"
    LINKEDIN = "LINKEDIN"
    CHAT_VISITOR = "CHAT_VISITOR"
    ACCOUNT = "ACCOUNT"
    OTHER = "OTHER"


class Disposition(_Named):
    """What an interaction did to its case: RESOLVED resolves it."""
    DISPOSITION_UNSPECIFIED = "DISPOSITION_UNSPECIFIED"
    RESOLVED = "RESOLVED"


class LinkReason(_Named):
    """Why an interaction joined its case."""
    REASON_UNSPECIFIED = "REASON_UNSPECIFIED"
    NEW_CASE = "NEW_CASE"              # nothing it continues: a new case
    REPLY_TO = "REPLY_TO"              # it answers an earlier interaction
    THREAD = "THREAD"                  # the same channel thread
    EXTERNAL_REF = "EXTERNAL_REF"      # the same host ticket reference
    SAME_MATTER = "SAME_MATTER"        # back on the same matter, case open
    REOPENED = "REOPENED"              # same matter within the reopen window
    ONLY_OPEN_CASE = "ONLY_OPEN_CASE"  # no matter stated; the one open case


class CaseStatus(_Named):
    """Whether a case is open or resolved."""
    STATUS_UNSPECIFIED = "STATUS_UNSPECIFIED"
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


class SentimentLabel(_Named):
    """The class a sentiment score falls in."""
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class AlertScope(_Named):
    """What an alert watches: one topic, or one channel."""
    TOPIC = "TOPIC"
    CHANNEL = "CHANNEL"


class IncidentStatus(_Named):
    """Whether an incident is open or resolved."""
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


class SyncPolicy(_Named):
    """When a journal syncs (threadline.open_journal): EVERY_INGEST returns
    from each ingest only once its events are on disk (survives a power
    cut); INTERVAL syncs in the background every sync_interval (survives a
    crash of the process, may lose the last interval on a power cut)."""
    EVERY_INGEST = "EVERY_INGEST"
    INTERVAL = "INTERVAL"


class FindingKind(_Named):
    """What the reply guard found wrong (see threadline/guard.h)."""
    CARD_NUMBER = "CARD_NUMBER"
    ACCOUNT_NUMBER = "ACCOUNT_NUMBER"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    CUSTOMER_IDENTITY = "CUSTOMER_IDENTITY"
    UNLABELED_NUMBER = "UNLABELED_NUMBER"
    PROFANITY = "PROFANITY"
    INSULT = "INSULT"
    SHOUTING = "SHOUTING"
    BANNED_PHRASE = "BANNED_PHRASE"
    MISSING_SIGNOFF = "MISSING_SIGNOFF"
    TOO_LONG = "TOO_LONG"
    UNCHECKED = "UNCHECKED"
    INVALID_UTF8 = "INVALID_UTF8"


# Members in number order, and each member's number: the C++ enums number
# their values in declaration order from 0, as the .proto enums do.
_BY_NUMBER: Dict[type, tuple] = {}
_NUMBERS: Dict[type, Dict[Any, int]] = {}
for _cls in (Channel, Direction, IdentityKind, Disposition, LinkReason,
             CaseStatus, SentimentLabel, FindingKind, AlertScope,
             IncidentStatus, SyncPolicy):
    _BY_NUMBER[_cls] = tuple(_cls)
    _NUMBERS[_cls] = {m: i for i, m in enumerate(_cls)}
del _cls

CHANNELS = _BY_NUMBER[Channel]
DIRECTIONS = _BY_NUMBER[Direction]
IDENTITY_KINDS = _BY_NUMBER[IdentityKind]
LINK_REASONS = _BY_NUMBER[LinkReason]
CASE_STATUSES = _BY_NUMBER[CaseStatus]
SENTIMENT_LABELS = _BY_NUMBER[SentimentLabel]
FINDING_KINDS = _BY_NUMBER[FindingKind]
ALERT_SCOPES = _BY_NUMBER[AlertScope]
INCIDENT_STATUSES = _BY_NUMBER[IncidentStatus]
DISPOSITIONS = _BY_NUMBER[Disposition]
