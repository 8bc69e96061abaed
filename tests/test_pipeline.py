"""The spaCy stage and the pipeline: offsets, chunking of long texts, failure isolation."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire import Article, analyze, load_settings
from eventwire import pipeline as pipeline_module
from eventwire.nlp import split_text


@pytest.mark.parametrize("limit", [50, 120, 1000])
def test_split_text_is_lossless_and_bounded(limit):
    text = ("First paragraph here. It has two sentences.\n\nSecond one, longer than the others by far, "
            "with many words.\nA line.\n\n") * 20 + "x" * 300
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_long_texts_are_parsed_in_chunks_with_valid_offsets():
    paragraph = "President Gustavo Petro of Colombia met Nicolas Maduro in Caracas on Monday. " * 5
    text = "\n\n".join([paragraph] * 12)
    settings = dataclasses.replace(load_settings(), max_chunk_chars=1000)
    (doc,) = analyze([Article(id="long", text=text)], settings)
    assert doc.sentences[-1].end == len(text.rstrip())
    for span in doc.sentences + [m.span for m in doc.entities]:
        assert text[span.start : span.end] == span.text
    assert sum(1 for m in doc.entities if m.span.text == "Gustavo Petro") == 60


def test_documents_come_out_in_input_order():
    articles = [Article(id=str(i), text=f"Chile and Peru signed agreement number {i}.") for i in range(40)]
    settings = dataclasses.replace(load_settings(), batch_size=7)
    assert [d.article.id for d in analyze(articles, settings)] == [str(i) for i in range(40)]


def test_a_failing_stage_is_noted_and_the_run_goes_on(monkeypatch):
    def broken(doc, day):
        if "Peru" in doc.text:
            raise ValueError("boom")
        return []

    monkeypatch.setattr(pipeline_module, "actor_resolver", lambda nlp, files: broken)
    docs = list(analyze([Article(id="1", text="Peru protested."), Article(id="2", text="Chile agreed.")]))
    assert [d.article.id for d in docs] == ["1", "2"]
    assert "actor resolution failed" in docs[0].errors[0] and docs[1].errors == []
