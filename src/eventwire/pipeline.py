"""The extraction pipeline: articles → AnalyzedDocuments, stage by stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .actors import resolve_actors
from .config import Settings, load_settings
from .nlp import parse, sentences_and_entities
from .records import AnalyzedDocument, Article


def analyze(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[AnalyzedDocument]:
    """Run every stage over ``articles`` (lazily, in input order)."""
    settings = settings or load_settings()
    for article, doc in parse(articles, settings):
        sentences, entities = sentences_and_entities(doc)
        yield AnalyzedDocument(
            article=article,
            sentences=sentences,
            entities=entities,
            actors=resolve_actors(entities),
        )
