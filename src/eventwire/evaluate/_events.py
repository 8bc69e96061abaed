"""``eventwire eval events``: PLOVER types and (source, target, type) triples on PLOVER GSR, quad classes and CAMEO
roots on cameo_class, roles on cameo_ner."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..config import Settings
from ..pipeline import analyze
from ..records import Actor, AnalyzedDocument, Article, Event
from ._actors import _GOLD_SECTOR_SPELLINGS, _predicted_country
from ._common import overlap, prf, read_conll_bio, require

# PLOVER 0.5 (the GSR's version) → current PLOVER
PLOVER_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def cameo_class_label(root: str | None) -> int:
    """The 0–4 labels of ConfliBERT cameo_class (see its SOURCE.md), from a CAMEO root; no event → 0."""
    if root is None:
        return 0
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


def main_event(doc: AnalyzedDocument) -> Event | None:
    """The event a one-sentence document is about: a factual one before a hypothetical or negated one, then the
    most confident, then the earliest."""
    return max(doc.events, key=lambda e: (not (e.hypothetical or e.negated), e.confidence, -e.trigger.start),
               default=None)


# The CAMEO roots each cameo_class label stands for (see its SOURCE.md).
CLASS_ROOTS = {0: {"01", "02"}, 1: {"03", "04", "05"}, 2: {"06", "07", "08"},
               3: {"09", "10", "11", "12", "13", "16"}, 4: {"14", "15", "17", "18", "19", "20"}}
# PLOVER 0.5 types that current PLOVER merged, with the CAMEO root each was named after
ROOTS_05 = {"DISAPPROVE": {"11"}, "INVESTIGATE": {"09"}, "DEMAND": {"10"}}
NO_TARGET = "-"
# Country codes the PLOVER GSR coders spelt otherwise than ISO 3166 alpha-3 (their other 95 codes are ISO)
_GOLD_CODE_SPELLINGS = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def _type_roots(data: Path) -> dict[str, set[str]]:
    """PLOVER type → the CAMEO roots with a code of that type, from the PLOVER manual's CAMEO→PLOVER table."""
    roots: dict[str, set[str]] = {}
    for line in require(data / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        if m := re.match(r"(\d{2,4}):\s*([A-Z]+)", line):
            roots.setdefault(m.group(2), set()).add(m.group(1)[:2])
    return roots


def _text_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _class_rows(data: Path) -> list[tuple[str, int]]:
    folder = require(data / "conflibert-cameo" / "cameo_class")
    rows = []
    for name in ("train.tsv", "test.tsv"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            text, _, label = line.rpartition("\t")
            if text and label.strip().isdigit():
                rows.append((text, int(label)))
    return rows


def _gold_actors(value) -> list[tuple[str, str]]:
    """(code, sector) of each actor of a GSR ``source``/``target`` field (a list, or "" / None for none)."""
    out = []
    for actor in value if isinstance(value, list) else []:
        if isinstance(actor, dict) and actor.get("code"):
            sector = (actor.get("sector") or "")[:3].upper()
            sector = _GOLD_SECTOR_SPELLINGS.get(sector, sector)
            code = actor["code"].upper()
            out.append((_GOLD_CODE_SPELLINGS.get(code, code), "" if sector == "***" else sector))
    return out


def gold_triples(record: dict) -> list[tuple]:
    """(source, acceptable targets, PLOVER type) for each gold source × target of a GSR record. A record with no
    target takes none (``-``); one with reciprocal actors ("(SRC/TAR: Jordan) and (SRC/TAR: Britain) agreed")
    takes none or another of its actors."""
    kind = PLOVER_05.get(record["event"], record["event"])
    sources, targets = _gold_actors(record.get("source")), _gold_actors(record.get("target"))
    reciprocal = "SRC/TAR" in (record.get("textInfo") or {}).get("markup", "")
    triples = []
    for s in sources:
        if targets:
            triples += [(s, (t,), kind) for t in targets]
        else:
            triples.append((s, (NO_TARGET, *(o for o in sources if o != s and reciprocal)), kind))
    return triples


def predicted_triples(doc: AnalyzedDocument) -> list[tuple]:
    """(source actor, target actor or None, PLOVER type) for each source × target of each event, one per
    distinct (source code, target code, type)."""
    by_id = {a.id: a for a in doc.actors}
    out, seen = [], set()
    for e in doc.events:
        for s in [by_id.get(r.actor_id) for r in e.source] or [None]:
            for t in [by_id.get(r.actor_id) for r in e.target] or [None]:
                key = tuple((_predicted_country(a), tuple(a.sectors)) if a else None for a in (s, t)) + (
                    e.plover_type,)
                if key not in seen:
                    seen.add(key)
                    out.append((s, t, e.plover_type))
    return out


def _same_actor(gold: tuple[str, str] | str, actor: Actor | None, with_sector: bool) -> bool:
    if gold == NO_TARGET or actor is None:
        return gold == NO_TARGET and actor is None
    code, sector = gold
    return _predicted_country(actor) == code and (not with_sector or not sector or sector in actor.sectors)


def _match_triples(gold: list[tuple], predicted: list[tuple], with_sector: bool) -> int:
    """Gold triples matched one-to-one by a predicted triple of the same type, source code and target code."""
    used: set[int] = set()
    for source, targets, kind in gold:
        hit = next((n for n, (s, t, k) in enumerate(predicted) if n not in used and k == kind
                    and _same_actor(source, s, with_sector) and any(_same_actor(g, t, with_sector) for g in targets)),
                   None)
        if hit is not None:
            used.add(hit)
    return len(used)


def classify_triple_misses(gold: list[tuple], predicted: list[tuple]) -> list[str]:
    """Why each gold triple no predicted triple matched (country codes), from the predicted triples left over: no
    event of its type; of its type with the right source but no target, a target where the gold has none or
    another target; with the right target but no source or another source; both actors other."""
    used: set[int] = set()
    missed = []
    for source, targets, kind in gold:
        hit = next((n for n, (s, t, k) in enumerate(predicted) if n not in used and k == kind
                    and _same_actor(source, s, False) and any(_same_actor(g, t, False) for g in targets)), None)
        if hit is None:
            missed.append((source, targets, kind))
        else:
            used.add(hit)
    left = [p for n, p in enumerate(predicted) if n not in used]
    kinds = []
    for source, targets, kind in missed:
        same = [(s, t) for s, t, k in left if k == kind]
        by_source = [t for s, t in same if _same_actor(source, s, False)]
        by_target = [s for s, t in same if any(_same_actor(g, t, False) for g in targets)]
        if not same:
            kinds.append("event type missing")
        elif by_source:
            kinds.append("target missing" if all(t is None for t in by_source) else
                         "target where gold has none" if targets == (NO_TARGET,) else "wrong target")
        elif by_target:
            kinds.append("source missing" if all(s is None for s in by_target) else "wrong source")
        else:
            kinds.append("both actors wrong")
    return kinds


def _gold_code(actor: tuple[str, str] | str) -> str:
    return actor if actor == NO_TARGET else "/".join(part for part in actor if part)


def _actor_code(actor: Actor | None) -> str:
    return f"{_predicted_country(actor) or '?'}{'/' + ','.join(actor.sectors) if actor.sectors else ''}" \
        if actor else NO_TARGET


def _plover(data: Path, settings: Settings, max_errors: int) -> dict:
    records = [r for r in json.loads(require(data / "plover-gsr" / "PLOVER_GSR_CAMEO.shared.json").read_text())
               if r.get("event") != "DOCUMENT" and r.get("text")]
    docs = analyze((Article(id=r["id"], text=r["text"]) for r in records), settings)
    type_roots = _type_roots(data)
    labels = {_text_key(t): label for t, label in _class_rows(data)}
    tp = n_pred = n_gold = top1 = 0
    triples = {"country": [0, 0, 0], "sector": [0, 0, 0]}
    roots = [0, 0, 0]
    confusion: Counter = Counter()
    misses: Counter = Counter()
    errors, triple_errors = [], []
    for record, doc in zip(records, docs):
        gold = PLOVER_05.get(record["event"], record["event"])
        predicted = {e.plover_type for e in doc.events}
        n_gold += 1
        n_pred += len(predicted)
        tp += gold in predicted
        main = main_event(doc)
        guess = main.plover_type if main else "-"
        top1 += guess == gold
        confusion[(gold, guess)] += 1
        if guess != gold and len(errors) < max_errors:
            errors.append({"id": record["id"], "gold": gold, "predicted": sorted(predicted) or None,
                           "sentence": record["text"],
                           "triggers": [f"{e.trigger.text}:{e.plover_type}" for e in doc.events]})
        wanted, got = gold_triples(record), predicted_triples(doc)
        for level, counts in triples.items():
            counts[0] += _match_triples(wanted, got, level == "sector")
            counts[1] += len(got)
            counts[2] += len(wanted)
        kinds = classify_triple_misses(wanted, got)
        misses.update(kinds)
        if _match_triples(wanted, got, True) < len(wanted) and len(triple_errors) < max_errors:
            triple_errors.append({
                "id": record["id"], "sentence": record["text"], "kinds": kinds,
                "gold": [f"{_gold_code(s)} → {'|'.join(_gold_code(t) for t in ts)} {k}" for s, ts, k in wanted],
                "predicted": [f"{_actor_code(s)} → {_actor_code(t)} {k}" for s, t, k in got]})
        # the CAMEO root both golds allow: the GSR type's roots within the cameo_class label's group
        label = labels.get(_text_key(record["text"]))
        if label is not None:
            allowed = ROOTS_05.get(record["event"], type_roots.get(gold, set())) & CLASS_ROOTS[label]
            if allowed:
                predicted_roots = {e.cameo_root for e in doc.events if e.cameo_root}
                roots[0] += bool(predicted_roots & allowed)
                roots[1] += len(predicted_roots)
                roots[2] += 1
    return {"sentences": n_gold, "micro": prf(tp, n_pred, n_gold), "top1_accuracy": round(top1 / n_gold, 4),
            "triples": {level: prf(*c) for level, c in triples.items()}, "roots": prf(*roots),
            "triple_misses": dict(misses.most_common()),
            "confusion": {f"{g}→{p}": n for (g, p), n in sorted(confusion.items())}, "errors": errors,
            "triple_errors": triple_errors,
            "note": "triples: (source code, target code or none, PLOVER type) for every source × target of every "
                    "event, one-to-one against the gold's; 'country' compares country/IGO codes, 'sector' also the "
                    "gold sector when it gives one; triple_misses: why gold triples went unmatched (country codes). "
                    "roots: CAMEO roots of all events against the roots the GSR type "
                    "allows within the group of the sentence's cameo_class label (sentences in both sets)"}


def _quad(data: Path, settings: Settings, max_errors: int) -> dict:
    rows = _class_rows(data)
    docs = analyze((Article(id=str(i), text=t) for i, (t, _) in enumerate(rows)), settings)
    right = 0
    confusion: Counter = Counter()
    errors = []
    for (text, gold), doc in zip(rows, docs):
        main = main_event(doc)
        guess = cameo_class_label(main.cameo_root if main else None)
        right += guess == gold
        confusion[(gold, guess)] += 1
        if guess != gold and len(errors) < max_errors:
            errors.append({"gold": gold, "predicted": guess, "sentence": text,
                           "event": f"{main.trigger.text}:{main.cameo_code}" if main else None})
    return {"sentences": len(rows), "accuracy": round(right / len(rows), 4) if rows else 0.0,
            "confusion": {f"{g}→{p}": n for (g, p), n in sorted(confusion.items())}, "errors": errors}


def _roles(data: Path, settings: Settings, max_errors: int) -> dict:
    """Source (S) and target (T) spans against the main event's source and target mentions; reciprocal spans
    (R: "Israel and Lebanon renewed negotiations") against either."""
    folder = require(data / "conflibert-cameo" / "cameo_ner")
    sentences = [s for name in ("train.txt", "test.txt") for s in read_conll_bio(folder / name)]
    docs = analyze((Article(id=str(i), text=s.text) for i, s in enumerate(sentences)), settings)
    counts = {role: [0, 0, 0] for role in ("S", "T", "R")}
    heads = {role: [0, 0, 0] for role in ("S", "T", "R")}  # the same, a mention inside the gold phrase a hit
    errors = []
    for sentence, doc in zip(sentences, docs):
        main = main_event(doc)
        source = [(r.span.start, r.span.end) for r in main.source] if main else []
        target = [(r.span.start, r.span.end) for r in main.target] if main else []
        gold = {role: [(s, e) for s, e, t in sentence.spans if t == role] for role in ("S", "T", "R")}
        has_r = bool(gold["R"])
        predicted = {"S": [] if has_r else source, "T": [] if has_r else target, "R": source + target if has_r else []}
        for role in ("S", "T", "R"):
            hits = _span_hits(gold[role], predicted[role], inside=False)
            heads[role][0] += len(_span_hits(gold[role], predicted[role], inside=True))
            counts[role][0] += len(hits)
            errors += [{"role": role, "gold": sentence.text[g[0]:g[1]], "sentence": sentence.text,
                        "predicted": [sentence.text[a:b] for a, b in predicted[role]]}
                       for g in gold[role] if g not in hits][:max(0, max_errors - len(errors))]
            for c in (counts, heads):
                c[role][1] += len(predicted[role])
                c[role][2] += len(gold[role])
    names = {"S": "source", "T": "target", "R": "reciprocal"}
    scores = {names[role]: prf(*c) for role, c in counts.items()}
    scores["both"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    head_scores = {names[role]: prf(*c) for role, c in heads.items()}
    head_scores["both"] = prf(*(sum(c[i] for c in heads.values()) for i in range(3)))
    return {"sentences": len(sentences), **scores, "head": head_scores, "errors": errors,
            "note": "the main event's source/target mentions vs gold S/T spans (R spans vs either), ≥50% overlap; "
                    "head: also a mention that lies inside the gold phrase (the actor a code triple names: "
                    "'the Syrian army' in 'an arms depot of the Syrian army')"}


def _span_hits(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], inside: bool) -> set:
    """Gold spans matched one-to-one by a predicted span overlapping ≥50% (or, ``inside``, lying within it)."""
    used, hits = set(), set()
    for g in gold:
        hit = next((p for p in predicted if p not in used and (
            overlap(g, p) >= 0.5 or inside and g[0] <= p[0] and p[1] <= g[1])), None)
        if hit:
            used.add(hit)
            hits.add(g)
    return hits


def evaluate_events(data: Path, settings: Settings, *, max_errors: int = 50) -> dict:
    return {"plover_gsr": _plover(data, settings, max_errors), "cameo_class": _quad(data, settings, max_errors),
            "cameo_ner": _roles(data, settings, max_errors)}
