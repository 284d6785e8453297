"""Type stubs of the _threadline extension: the thin C++ layer under the
threadline package. Values cross it as tuples of plain values (enums as their
numbers, times as microseconds since the Unix epoch, None for "never"); the
package turns them into its dataclasses. Every call releases the GIL while
the engine works and raises threadline.Error for a failed status."""

from typing import Any, Dict, List, Optional, Tuple

Error: type

class ManualClock:
    """A clock that moves only when told. Thread-safe."""
    def __init__(self, start_us: int) -> None: ...
    def now_us(self) -> int:
        """The clock's time, in microseconds since the epoch."""
    def set_us(self, us: int) -> None:
        """Sets the clock."""
    def advance_us(self, us: int) -> None:
        """Moves the clock on."""

def default_identity_limits() -> List[int]:
    """EngineOptions' default limit of identities per kind, by kind number."""

class Engine:
    """threadline::Engine. Thread-safe."""
    def __init__(self, options: Dict[str, Any]) -> None:
        """Engine::Open with the options dict threadline.Engine builds. An
        alert_listener callable is called with the GIL taken back; what it
        raises goes to sys.unraisablehook."""
    def ingest_json(self, line: str) -> Tuple[str, str, str, int, bool]:
        """Parses one FORMAT.md line and ingests it; the linkage tuple."""
    def ingest_json_many(self, lines: List[str]) -> List[Any]:
        """Parses and ingests a batch through IngestBatch; per line a
        linkage tuple or a threadline.Error."""
    def linkage_of(self, interaction_id: str) -> Tuple[str, str, str, int, bool]:
        """Engine::LinkageOf."""
    def customer(self, customer_id: str) -> tuple:
        """Engine::GetCustomer."""
    def find_customer(self, kind: int, value: str, region: str) -> tuple:
        """Engine::FindCustomer."""
    def case(self, case_id: str) -> tuple:
        """Engine::GetCase."""
    def cases_of(self, customer_id: str) -> List[tuple]:
        """Engine::CasesOf."""
    def timeline(self, customer_id: str) -> List[tuple]:
        """Engine::Timeline."""
    def context(self, case_id: str) -> tuple:
        """Engine::Context."""
    def merge(self, customer_a: str, customer_b: str) -> tuple:
        """Engine::Merge."""
    def unmerge(self, merge_id: str) -> List[tuple]:
        """Engine::Unmerge."""
    def merges(self, customer_id: str) -> List[tuple]:
        """Engine::Merges."""
    def set_case_status(self, case_id: str, status: int, at_us: int) -> None:
        """Engine::SetCaseStatus."""
    def stats(self) -> Tuple[int, int, int, int, int, int]:
        """Engine::Stats: interactions, customers, cases, identities, merges,
        shared identities."""
    def close(self) -> None:
        """Drops the engine and closes its store; later calls raise
        FAILED_PRECONDITION."""
    @property
    def closed(self) -> bool: ...
    def recovery(self) -> tuple:
        """Engine::Recovery: (store, snapshot_sequence, events,
        last_sequence, dropped_bytes, dropped, snapshot_taken_us or None,
        took_us)."""
    def checkpoint(self) -> None:
        """Engine::Checkpoint."""
    def erase(self, customer_id: str) -> Tuple[List[str], int, int, int]:
        """Engine::Erase: (customer_ids, identities, interactions, cases)."""
    def alerts(self) -> List[tuple]:
        """Engine::Alerts: alert tuples (see threadline.Alert)."""
    def incidents(self) -> List[tuple]:
        """Engine::Incidents: incident tuples (see threadline.Incident)."""
    def incident(self, incident_id: str) -> tuple:
        """Engine::GetIncident."""
    def add_to_incident(self, incident_id: str, case_id: str, at_us: int) -> None:
        """Engine::AddToIncident."""
    def remove_from_incident(self, incident_id: str, case_id: str,
                             at_us: int) -> None:
        """Engine::RemoveFromIncident."""
    def reply_to_incident(self, incident_id: str, text: Dict[str, str],
                          private_text: Dict[str, str], agent_id: str,
                          at_us: int, resolve: bool,
                          id_prefix: str) -> List[tuple]:
        """Engine::ReplyToIncident: the reply interactions as tuples."""
    def resolve_incident(self, incident_id: str, at_us: int) -> None:
        """Engine::ResolveIncident."""

class Store:
    """A store not yet given to an engine (then `taken`)."""
    def describe(self) -> str:
        """Store::Describe."""
    @property
    def taken(self) -> bool: ...

def open_journal(dir: str, sync: int, interval_us: int,
                 create_if_missing: bool) -> Store:
    """OpenJournal with SyncPolicy number `sync`."""
def open_postgres(connection: str, tenant: str) -> Store:
    """OpenPostgresStore."""

def analyze_sentiment(text: str, language: str) -> Tuple[float, int, str]:
    """The built-in lexicon analyzer: (score, label number, language)."""
def detect_language(text: str) -> str:
    """DetectLanguage."""
def is_public_channel(channel: int) -> bool:
    """IsPublicChannel."""

class ReplyGuard:
    """threadline::ReplyGuard. Immutable, thread-safe."""
    def __init__(self, own_identities: List[Tuple[int, str]],
                 banned_phrases: List[str], required_signoff: str,
                 regions: List[str], account_prefixes: List[str],
                 max_chars: int, max_checked_bytes: int) -> None: ...
    def check(self, reply: str, channel: int, private_message: bool,
              customer_identities: List[Tuple[int, str]],
              region: str) -> Tuple[bool, List[Tuple[int, int, int, str]], int, bool]:
        """ReplyGuard::Check; finding offsets in bytes of the UTF-8 reply."""

def link_jsonl(in_path: str, out_path: str, options: Dict[str, Any],
               progress: bool) -> tuple:
    """The `threadline link` pipeline: (lines, linked, skipped,
    cross_channel_cases, [(from, to, count)], stats tuple, seconds,
    [(line, message)])."""
def run_command(command: str, args: List[str]) -> int:
    """Runs a subcommand of the `threadline` command; its exit code."""
def time_cpp_ingest(path: str, options: Dict[str, Any],
                    batch_size: int) -> Tuple[int, float]:
    """Parses every line of `path` in C++, then times only IngestBatch:
    (interactions ingested, seconds)."""
