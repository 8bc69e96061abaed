"""The record contract of ``eventwire extract`` (schema ``eventwire.extract/1``)."""

from __future__ import annotations

from typing import Any

from .records import Actor, ActorRef, AnalyzedDocument, Event, Place, Quote, Span, TimeExpression

SCHEMA = "eventwire.extract/1"


def to_record(doc: AnalyzedDocument) -> dict[str, Any]:
    """The contract record of one analysed document."""
    article = doc.article
    return {
        "schema": SCHEMA,
        "id": article.id,
        "date": article.date,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "lang": article.lang,
        "text": article.text,
        "sentences": [s.as_dict() for s in doc.sentences],
        "actors": [actor_record(a) for a in doc.actors],
        "events": [event_record(e) for e in doc.events],
        "quotes": [quote_record(q) for q in doc.quotes],
        "places": [place_record(p) for p in doc.places],
        "times": [time_record(t) for t in doc.times],
        "errors": list(doc.errors),
    }


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else span.as_dict()


def _ref(ref: ActorRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"actor_id": ref.actor_id, "span": ref.span.as_dict()}


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "country": actor.country,
        "sectors": list(actor.sectors),
        "role": actor.role,
        "cameo_code": actor.cameo_code,
        "kb_id": actor.kb_id,
        "former": actor.former,
        "deceased": actor.deceased,
        "mentions": [m.span.as_dict() for m in actor.mentions],
    }


def place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "span": place.span.as_dict(),
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "geonames_id": place.geonames_id,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "sentence": event.sentence.as_dict(),
        "trigger": event.trigger.as_dict(),
        "source": [_ref(r) for r in event.source],
        "target": [_ref(r) for r in event.target],
        "plover": {"type": event.plover_type, "mode": event.plover_mode, "contexts": list(event.plover_contexts)},
        "cameo": {
            "code": event.cameo_code,
            "root": event.cameo_root,
            "goldstein": event.goldstein,
            "quad_class": event.quad_class,
        },
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "historical": event.historical,
        "reported_by": [_ref(r) for r in event.reported_by],
        "date": event.date,
        "date_precision": event.date_precision,
        "date_span": _span(event.date_span),
        "location": place_record(event.location),
        "confidence": event.confidence,
    }


def time_record(time: TimeExpression) -> dict[str, Any]:
    return {
        "span": time.span.as_dict(),
        "date": time.date,
        "precision": time.precision,
        "end": time.end,
        "relation": time.relation,
        "historical": time.historical,
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "kind": quote.kind,
        "content": quote.content.as_dict(),
        "cue": _span(quote.cue),
        "speaker": _ref(quote.speaker),
        "channel": quote.channel,
        "parts": [part.as_dict() for part in quote.parts],
    }
