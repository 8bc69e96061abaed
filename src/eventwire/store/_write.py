"""Writing one analysed article: all of its rows, in one transaction."""

from __future__ import annotations

import json
import sqlite3

from ..contract import event_record, quote_record
from ..records import Actor, AnalyzedDocument
from . import _rollup


EVENT_COLUMNS = (
    "article_id, event_id, date, date_precision, plover_type, plover_mode, cameo_code, cameo_root, goldstein,"
    " quad_class, negated, hypothetical, historical, confidence, sentence_start, sentence_end, trigger_start,"
    " trigger_end, trigger_text, source_actor, target_actor, location_name, location_country, lat, lon, record,"
    " source_key, target_key"
)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_document(conn: sqlite3.Connection, doc: AnalyzedDocument, run_id: int | None, replace: bool) -> bool:
    """Store ``doc`` atomically; return False (and write nothing) if it is already stored and not ``replace``."""
    article = doc.article
    conn.execute("BEGIN IMMEDIATE")
    try:
        exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if exists and not replace:
            conn.execute("ROLLBACK")
            return False
        if exists:
            _rollup.subtract_article(conn, article.id)
            conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # cascades to every child row
        _insert_rows(conn, doc, run_id)
        _rollup.add_article(conn, article.id)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


def actor_key(actor: Actor | None) -> str | None:
    """The key of an actor across articles: its CAMEO code, else its country, else its name."""
    if actor is None:
        return None
    return actor.cameo_code or actor.country or actor.name


def _insert_rows(conn: sqlite3.Connection, doc: AnalyzedDocument, run_id: int | None) -> None:
    a = doc.article
    aid = a.id
    conn.execute(
        "INSERT INTO articles (id, date, title, source, url, lang, text, origin, errors, run_id,"
        " n_sentences, n_actors, n_mentions, n_events, n_quotes, n_places)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid, a.date, a.title, a.source, a.url, a.lang, a.text, a.origin, _json(a.errors), run_id,
            len(doc.sentences), len(doc.actors), sum(len(x.mentions) for x in doc.actors),
            len(doc.events), len(doc.quotes), len(doc.places),
        ),
    )
    conn.executemany(
        "INSERT INTO sentences VALUES (?, ?, ?, ?)",
        [(aid, i, s.start, s.end) for i, s in enumerate(doc.sentences)],
    )
    conn.executemany(
        "INSERT INTO actors (article_id, actor_id, name, country, sectors, role, cameo_code, kb_id, former,"
        " deceased, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, x.id, x.name, x.country, _json(x.sectors), x.role, x.cameo_code, x.kb_id, int(x.former),
             int(x.deceased), len(x.mentions))
            for x in doc.actors
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, x.id, m.span.start, m.span.end, m.span.text, m.label, m.sentence)
            for x in doc.actors
            for m in x.mentions
        ],
    )
    actors = {x.id: x for x in doc.actors}
    for e in doc.events:
        loc = e.location
        source = e.source[0].actor_id if e.source else None
        target = e.target[0].actor_id if e.target else None
        conn.execute(
            f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 28)})",
            (
                aid, e.id, e.date or a.date, e.date_precision if e.date else ("day" if a.date else None),
                e.plover_type, e.plover_mode, e.cameo_code, e.cameo_root, e.goldstein, e.quad_class,
                int(e.negated), int(e.hypothetical), int(e.historical), e.confidence,
                e.sentence.start, e.sentence.end, e.trigger.start, e.trigger.end, e.trigger.text,
                source, target,
                loc.name if loc else None, loc.country if loc else None,
                loc.lat if loc else None, loc.lon if loc else None,
                _json(event_record(e)), actor_key(actors.get(source)), actor_key(actors.get(target)),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?, ?, ?, ?)",
            [
                (aid, e.id, role, ref.actor_id, ref.span.start, ref.span.end)
                for role, refs in (("source", e.source), ("target", e.target), ("reported_by", e.reported_by))
                for ref in refs
            ],
        )
    conn.executemany(
        "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, q.id, q.kind, q.content.start, q.content.end, q.content.text, q.cue.text if q.cue else None,
             q.speaker.actor_id if q.speaker else None, q.channel, _json(quote_record(q)))
            for q in doc.quotes
        ],
    )
    conn.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, p.span.start, p.span.end, p.span.text, p.name, p.country, p.admin1, p.geonames_id, p.lat,
             p.lon, p.feature)
            for i, p in enumerate(doc.places)
        ],
    )
