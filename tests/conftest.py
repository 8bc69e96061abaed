"""Shared fixtures: cheap hand-made documents, the sample corpus, ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.records import (
    Actor,
    ActorRef,
    AnalyzedDocument,
    Article,
    Event,
    Mention,
    Place,
    Quote,
    Span,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared, or skip: the third-party data sets are not part of the repository."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared not present ({SHARED}): third-party data sets are not in the repository")
    return SHARED


@pytest.fixture
def seed_article_path() -> Path:
    return SAMPLES / "seed-article.txt"


def make_document(article_id: str = "doc-1", date: str | None = "2025-08-11", extra: str = "") -> AnalyzedDocument:
    """A small fully-populated document, built by hand (no spaCy), for store and output tests."""
    text = f"Petro criticised the United States. Maduro met Petro in Caracas.{extra}"
    s1, s2 = Span.of(text, 0, 35), Span.of(text, 36, 64)
    petro = Actor("a1", "Gustavo Petro", [Mention(Span.of(text, 0, 5), "PERSON", 0),
                                           Mention(Span.of(text, 47, 52), "PERSON", 1)],
                  country="COL", sectors=["GOV"], role="President", cameo_code="COLGOV")
    usa = Actor("a2", "United States", [Mention(Span.of(text, 21, 34), "GPE", 0)], country="USA", cameo_code="USA")
    maduro = Actor("a3", "Nicolás Maduro", [Mention(Span.of(text, 36, 42), "PERSON", 1)], country="VEN",
                   sectors=["GOV"], cameo_code="VENGOV")
    caracas = Place(Span.of(text, 56, 63), "Caracas", country="VEN", geonames_id=3646738, lat=10.5, lon=-66.9,
                    feature="city")
    events = [
        Event("e1", s1, Span.of(text, 6, 16), [ActorRef("a1", petro.mentions[0].span)],
              [ActorRef("a2", usa.mentions[0].span)], "ACCUSE", "111", cameo_root="11", goldstein=-2.0,
              quad_class=3, confidence=0.9),
        Event("e2", s2, Span.of(text, 43, 46), [ActorRef("a3", maduro.mentions[0].span)],
              [ActorRef("a1", petro.mentions[1].span)], "CONSULT", "036", cameo_root="03", goldstein=4.0,
              quad_class=1, location=caracas, date="2025-08-10", date_precision="day", confidence=0.8),
    ]
    quotes = [Quote("q1", "indirect", s1, cue=Span.of(text, 6, 16), speaker=ActorRef("a1", petro.mentions[0].span))]
    return AnalyzedDocument(
        article=Article(id=article_id, text=text, date=date, title=f"Petro and Maduro ({article_id})",
                        source="Test Wire"),
        sentences=[s1, s2],
        entities=[m for a in (petro, usa, maduro) for m in a.mentions],
        actors=[petro, usa, maduro],
        events=events,
        quotes=quotes,
        places=[caracas],
    )


@pytest.fixture
def document() -> AnalyzedDocument:
    return make_document()
