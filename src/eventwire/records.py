"""Typed records that flow between the pipeline stages.

Every stage takes and returns these plain dataclasses; the contract of
``eventwire extract`` (``to_contract`` in :mod:`eventwire.contract`) and the
store are built from them.  Offsets are Python string indices into
``Article.text`` (start inclusive, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Article:
    """One input document, as every reader produces it."""

    id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD
    title: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    origin: str | None = None  # "file:line" the article came from, for messages
    errors: list[str] = field(default_factory=list)  # problems that did not stop it


@dataclass(frozen=True)
class ReadError:
    """An input (file or line) that could not be read; reported and skipped."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass
class Mention:
    """A stretch of text that names an actor (named entity, title, pronoun …)."""

    span: Span
    label: str  # spaCy entity label or mention kind ("PERSON", "GPE", "TITLE", "PRON" …)
    sentence: int  # index into AnalyzedDocument.sentences


@dataclass
class Actor:
    id: str  # document-local id: "a1", "a2", …
    name: str
    mentions: list[Mention]
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    cameo_code: str | None = None
    kb_id: str | None = None
    former: bool = False  # out of the office the knowledge base knows them for, on the document date
    deceased: bool = False


@dataclass
class ActorRef:
    actor_id: str
    span: Span


@dataclass
class Place:
    span: Span
    name: str
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


@dataclass
class Event:
    id: str
    sentence: Span
    trigger: Span
    source: list[ActorRef]
    target: list[ActorRef]
    plover_type: str
    cameo_code: str
    plover_mode: str | None = None
    plover_contexts: list[str] = field(default_factory=list)
    cameo_root: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    reported_by: list[ActorRef] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_span: Span | None = None
    location: Place | None = None
    confidence: float = 0.0


@dataclass
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    cue: Span | None = None
    speaker: ActorRef | None = None
    channel: str | None = None
    # a direct quote's runs of quoted words: one, or several when the attribution splits it ("“A,” he said, “B”")
    parts: list[Span] = field(default_factory=list)


@dataclass
class TimeExpression:
    """A temporal expression resolved against the document date ("last week", "on Tuesday", "since 1999")."""

    span: Span
    date: str | None  # ISO start of the period; None when relative and the document has no date
    precision: str  # day | week | month | year
    end: str | None = None  # ranges ("from May 3 to 5"): ISO start of the last period, same precision
    relation: str | None = None  # "since" | "until" when the text bounds an interval; None for a point
    historical: bool = False  # the period ends more than a year before the document date


@dataclass
class AnalyzedDocument:
    """Everything eventwire found in one article."""

    article: Article
    sentences: list[Span]
    entities: list[Mention]
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return self.article.errors
