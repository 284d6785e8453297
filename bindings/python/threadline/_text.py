"""Sentiment of social text and the public reply guard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Union

from . import _threadline
from ._enums import (CHANNELS, FINDING_KINDS, SENTIMENT_LABELS, Channel,
                     FindingKind, SentimentLabel)
from ._types import Identity, IdentityLike, _Value


def _str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f'option "{name}": expected str, got '
                        f"{type(value).__name__} {value!r}")
    return value


def _strs(values: Iterable[str], name: str) -> List[str]:
    if isinstance(values, str):
        raise TypeError(f'option "{name}": expected a list of str, got the '
                        f"str {values!r}")
    return [_str(v, f"{name}[{i}]") for i, v in enumerate(values)]


def _int(value: object, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f'option "{name}": expected int, got '
                        f"{type(value).__name__} {value!r}")
    return value


@dataclass(frozen=True)
class Sentiment(_Value):
    """The sentiment of one text."""
    score: float          # -1 (most negative) .. 1 (most positive)
    label: SentimentLabel
    language: str         # "en", "es", or "" when it could not be told


def analyze_sentiment(text: str, language: str = "") -> Sentiment:
    """The sentiment of `text` (English or Spanish social text; any other
    language is detected as well as can be). `language` is an ISO 639-1 code
    when known, else "" to detect it. Never fails on content."""
    score, label, lang = _threadline.analyze_sentiment(
        _str(text, "text"), _str(language, "language"))
    return Sentiment(score, SENTIMENT_LABELS[label], lang)


def detect_language(text: str) -> str:
    """"en" or "es" from the function words, accents and punctuation of
    `text`, or "" when there is too little to tell."""
    return _threadline.detect_language(_str(text, "text"))


def is_public_channel(channel: Union[Channel, str]) -> bool:
    """Whether replies on `channel` can be read by anyone (TWITTER, FACEBOOK,
    ...; CHANNEL_UNSPECIFIED and OTHER count as public)."""
    return _threadline.is_public_channel(Channel.parse(channel, "channel").number)


@dataclass(frozen=True)
class Finding(_Value):
    """One thing wrong with a reply. reply[start:end] is the text it is
    about (character offsets of the str checked); byte_start and byte_end
    are the same span in the reply's UTF-8 bytes."""
    kind: FindingKind
    start: int
    end: int
    message: str   # for the agent; never repeats the personal data
    byte_start: int
    byte_end: int


@dataclass(frozen=True)
class GuardResult(_Value):
    """The guard's answer for one reply."""
    ok: bool
    findings: List[Finding]
    # Where to continue when a public reply holds personal data: a direct
    # message on the same network (move_to_private_message True) or EMAIL;
    # otherwise CHANNEL_UNSPECIFIED and False.
    move_to_channel: Channel
    move_to_private_message: bool


class ReplyGuard:
    """Checks an agent's reply before it goes out: personal data, profanity
    and insults (English, Spanish), shouting and the brand's own rules.
    Immutable and thread-safe.

    Keyword options (a bad one raises Error INVALID_ARGUMENT naming it):
        own_identities: the brand's phones, emails, accounts; never flagged.
        banned_phrases: words and phrases the brand never writes.
        required_signoff: text every reply must end with ("^AB").
        regions: ISO 3166 regions whose national numbers are recognized.
            Default ("US",).
        account_prefixes: letters starting the brand's account numbers.
            Default ("AC", "ACC", "ACCT", "CTA").
        max_chars: most characters a reply may have; 0 the channel's own
            limit, -1 none. Default 0.
        max_checked_bytes: bytes checked at most (at least 1024). Default
            65536.
    """

    def __init__(self, *, own_identities: Iterable[IdentityLike] = (),
                 banned_phrases: Iterable[str] = (),
                 required_signoff: str = "",
                 regions: Iterable[str] = ("US",),
                 account_prefixes: Iterable[str] = ("AC", "ACC", "ACCT", "CTA"),
                 max_chars: int = 0,
                 max_checked_bytes: int = 65536) -> None:
        self._guard = _threadline.ReplyGuard(
            [Identity.of(x, f"own_identities[{i}]")._pair()
             for i, x in enumerate(own_identities)],
            _strs(banned_phrases, "banned_phrases"),
            _str(required_signoff, "required_signoff"),
            _strs(regions, "regions"),
            _strs(account_prefixes, "account_prefixes"),
            _int(max_chars, "max_chars"),
            _int(max_checked_bytes, "max_checked_bytes"))

    def check(self, reply: str, *, channel: Union[Channel, str] = Channel.CHANNEL_UNSPECIFIED,
              private_message: bool = False,
              customer_identities: Iterable[IdentityLike] = (),
              region: str = "") -> GuardResult:
        """The findings for `reply` sent on `channel` (a direct message when
        private_message) to a customer with `customer_identities`. Never
        fails on content."""
        if not isinstance(reply, str):
            raise TypeError(f"reply: expected str, got {type(reply).__name__}")
        ok, findings, move, private = self._guard.check(
            reply, Channel.parse(channel, "channel").number,
            bool(private_message),
            [Identity.of(x, f"customer_identities[{i}]")._pair()
             for i, x in enumerate(customer_identities)],
            _str(region, "region"))
        out = []
        if findings:
            data = reply.encode("utf-8", "surrogatepass")
            for kind, begin, end, message in findings:
                start = len(data[:begin].decode("utf-8", "ignore"))
                stop = start + len(data[begin:end].decode("utf-8", "ignore"))
                out.append(Finding(FINDING_KINDS[kind], start, stop, message,
                                   begin, end))
        return GuardResult(ok, out, CHANNELS[move], private)
