"""eventwire: dated news articles → structured, source-linked political event data.

The public API::

    import eventwire
    for record in eventwire.extract(["articles.jsonl"]):
        ...                                   # eventwire.extract/1 contract records
    report = eventwire.ingest(["articles.jsonl"], db="eventwire.db")
    with eventwire.Store("eventwire.db") as store:
        store.events(eventwire.Filters(actor="Petro"))
"""

from .api import IngestReport, __version__, analyze_paths, extract, ingest, summary
from .config import ConfigError, Settings, load_settings
from .contract import SCHEMA, to_record
from .readers import read_articles
from .nlp import ModelError
from .pipeline import analyze
from .records import (
    Actor,
    ActorRef,
    AnalyzedDocument,
    Article,
    Event,
    Mention,
    Place,
    Quote,
    ReadError,
    Span,
)
from .store import Filters, QueryError, Store, StoreError

__all__ = [
    "__version__",
    "SCHEMA",
    "Actor",
    "ActorRef",
    "AnalyzedDocument",
    "Article",
    "ConfigError",
    "Event",
    "Filters",
    "IngestReport",
    "Mention",
    "ModelError",
    "Place",
    "QueryError",
    "Quote",
    "ReadError",
    "Settings",
    "Span",
    "Store",
    "StoreError",
    "analyze",
    "analyze_paths",
    "extract",
    "ingest",
    "load_settings",
    "read_articles",
    "summary",
    "to_record",
]
