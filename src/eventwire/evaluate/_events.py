"""``eventwire eval events``: PLOVER types on PLOVER GSR, quad classes on cameo_class, roles on cameo_ner."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..config import Settings
from ..pipeline import analyze
from ..records import AnalyzedDocument, Article, Event
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


def _plover(data: Path, settings: Settings, max_errors: int) -> dict:
    records = [r for r in json.loads(require(data / "plover-gsr" / "PLOVER_GSR_CAMEO.shared.json").read_text())
               if r.get("event") != "DOCUMENT" and r.get("text")]
    docs = analyze((Article(id=r["id"], text=r["text"]) for r in records), settings)
    tp = n_pred = n_gold = top1 = 0
    confusion: Counter = Counter()
    errors = []
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
    return {"sentences": n_gold, "micro": prf(tp, n_pred, n_gold), "top1_accuracy": round(top1 / n_gold, 4),
            "confusion": {f"{g}→{p}": n for (g, p), n in sorted(confusion.items())}, "errors": errors}


def _quad(data: Path, settings: Settings, max_errors: int) -> dict:
    folder = require(data / "conflibert-cameo" / "cameo_class")
    rows = []
    for name in ("train.tsv", "test.tsv"):
        for line in open(folder / name, encoding="utf-8"):
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label.strip().isdigit():
                rows.append((text, int(label)))
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
    errors = []
    for sentence, doc in zip(sentences, docs):
        main = main_event(doc)
        source = [(r.span.start, r.span.end) for r in main.source] if main else []
        target = [(r.span.start, r.span.end) for r in main.target] if main else []
        gold = {role: [(s, e) for s, e, t in sentence.spans if t == role] for role in ("S", "T", "R")}
        has_r = bool(gold["R"])
        predicted = {"S": [] if has_r else source, "T": [] if has_r else target, "R": source + target if has_r else []}
        for role in ("S", "T", "R"):
            used = set()
            for g in gold[role]:
                hit = next((p for p in predicted[role] if p not in used and overlap(g, p) >= 0.5), None)
                if hit:
                    used.add(hit)
                    counts[role][0] += 1
                elif len(errors) < max_errors:
                    errors.append({"role": role, "gold": sentence.text[g[0]:g[1]], "sentence": sentence.text,
                                   "predicted": [sentence.text[a:b] for a, b in predicted[role]]})
            counts[role][1] += len(predicted[role])
            counts[role][2] += len(gold[role])
    names = {"S": "source", "T": "target", "R": "reciprocal"}
    scores = {names[role]: prf(*c) for role, c in counts.items()}
    scores["both"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return {"sentences": len(sentences), **scores, "errors": errors,
            "note": "the main event's source/target mentions vs gold S/T spans (R spans vs either), ≥50% overlap"}


def evaluate_events(data: Path, settings: Settings, *, max_errors: int = 50) -> dict:
    return {"plover_gsr": _plover(data, settings, max_errors), "cameo_class": _quad(data, settings, max_errors),
            "cameo_ner": _roles(data, settings, max_errors)}
