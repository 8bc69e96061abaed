"""``eventwire eval actors``: actor coding against PLOVER GSR, actor spans against ConfliBERT cameo_ner."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from ..config import Settings
from ..pipeline import analyze
from ..records import Actor, Article
from ._common import overlap, prf, read_conll_bio, require

# Sector codes the PLOVER GSR coders spelt otherwise than PLOVER/CAMEO: "CIV" for civilians ("Bosnian Serbs",
# "Baghdad") is CVL.
_GOLD_SECTOR_SPELLINGS = {"CIV": "CVL"}


def _predicted_country(actor: Actor) -> str | None:
    if actor.country:
        return actor.country
    return next((s for s in actor.sectors if s in ("IGO", "NGO")), None)


def _best_actor(actors: list[Actor], span: tuple[int, int]) -> Actor | None:
    """The actor whose mention best matches a gold span; a mention starting where the gold span starts wins
    ties, as gold spans run on past their head ("Rebels in the Ivory Coast")."""
    best, score = None, 0.0
    for actor in actors:
        for m in actor.mentions:
            if m.label == "PRON":
                continue
            inter = max(0, min(span[1], m.span.end) - max(span[0], m.span.start))
            if not inter:
                continue
            o = overlap(span, (m.span.start, m.span.end)) + (0.5 if m.span.start == span[0] else 0.0)
            if o > score:  # on a tie the earlier mention: gold spans start at their head
                best, score = actor, o
    return best


def plover_gold_actors(data: Path) -> list[dict]:
    """Records of PLOVER GSR with their gold actors located in the sentence."""
    records = json.loads(require(data / "plover-gsr" / "PLOVER_GSR_CAMEO.shared.json").read_text())
    out = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        gold = []
        for role in ("source", "target"):
            for actor in record.get(role) or []:
                if not isinstance(actor, dict) or not actor.get("actorText"):
                    continue
                gold.append(actor | {"role": role})
        out.append({"id": record["id"], "text": record["text"], "gold": gold})
    return out


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where a gold actorText stands in the sentence (exact, case-insensitive, or its longest word)."""
    needle = " ".join(actor_text.replace("...", " ").replace("..", " ").split())
    for hay, pin in ((text, needle), (text.lower(), needle.lower())):
        at = hay.find(pin)
        if at >= 0:
            return at, at + len(pin)
    # a discontinuous span ("U.S. ... negotiators", "US forces" for "US and British forces"): from its first
    # word to its last, when all its words stand in that order within one stretch of the sentence
    parts = needle.split()
    if len(parts) > 1:
        at = pos = text.find(parts[0])
        end = at + len(parts[0])
        for part in parts[1:]:
            pos = text.find(part, end) if pos >= 0 else -1
            end = pos + len(part)
        if at >= 0 and pos >= 0 and end - at <= 3 * len(needle):
            return at, end
    words = sorted((w for w in needle.split() if len(w) > 3), key=len, reverse=True)
    for word in words:
        at = text.find(word)
        if at >= 0:
            return at, at + len(word)
    # the coder's spelling differs from the sentence's ("Ghanians" for "Ghanaians"): the closest word of it
    for word in words:
        for m in re.finditer(r"[\w'-]+", text):
            if difflib.SequenceMatcher(None, word.lower(), m.group().lower()).ratio() >= 0.85:
                return m.start(), m.end()
    return None


def evaluate_actors(data: Path, settings: Settings, *, max_errors: int = 50) -> dict:
    records = plover_gold_actors(data)
    docs = analyze((Article(id=r["id"], text=r["text"]) for r in records), settings)
    n = n_found = n_country = n_sector_gold = n_sector = 0
    misses = []
    for record, doc in zip(records, docs):
        for gold in record["gold"]:
            span = _locate(record["text"], gold["actorText"])
            n += 1
            actor = _best_actor(doc.actors, span) if span else None
            gold_sector = (gold.get("sector") or "")[:3].upper()
            gold_sector = _GOLD_SECTOR_SPELLINGS.get(gold_sector, gold_sector)
            scored_sector = gold_sector and gold_sector != "***"
            n_sector_gold += bool(scored_sector)
            country = _predicted_country(actor) if actor else None
            ok_country = actor is not None and country == gold["code"]
            ok_sector = actor is not None and scored_sector and gold_sector in actor.sectors
            n_found += actor is not None
            n_country += ok_country
            n_sector += bool(ok_sector)
            if not ok_country or (scored_sector and not ok_sector):
                misses.append({
                    "id": record["id"], "actor": gold["actorText"], "gold": f"{gold['code']} {gold_sector}".strip(),
                    "predicted": (f"{actor.name}: {country or '-'} {','.join(actor.sectors)}" if actor else None),
                    "sentence": record["text"],
                })
    plover = {
        "gold_actors": n,
        "found": round(n_found / n, 4) if n else 0.0,
        "country_accuracy": round(n_country / n, 4) if n else 0.0,
        "sector_accuracy": round(n_sector / n_sector_gold, 4) if n_sector_gold else 0.0,
        "sector_scored": n_sector_gold,
    }
    spans = _span_scores(data, settings, max_errors)
    return {"plover_gsr": plover, "cameo_ner": spans["scores"], "misses": misses[:max_errors],
            "span_misses": spans["misses"], "n_misses": len(misses)}


def _span_scores(data: Path, settings: Settings, max_errors: int) -> dict:
    folder = require(data / "conflibert-cameo" / "cameo_ner")
    sentences = [s for name in ("train.txt", "test.txt") for s in read_conll_bio(folder / name)]
    docs = analyze((Article(id=str(i), text=s.text) for i, s in enumerate(sentences)), settings)
    exact = partial = n_pred = n_gold = 0
    misses = []
    for sentence, doc in zip(sentences, docs):
        predicted = [(m.span.start, m.span.end) for a in doc.actors for m in a.mentions if m.label != "PRON"]
        gold = [(s, e) for s, e, _ in sentence.spans]
        n_pred += len(predicted)
        n_gold += len(gold)
        exact += len(set(predicted) & set(gold))
        matched = set()
        for g in gold:
            hit = next((p for p in predicted if p not in matched and overlap(g, p) >= 0.5), None)
            if hit:
                matched.add(hit)
                partial += 1
            elif len(misses) < max_errors:
                misses.append({"gold": sentence.text[g[0]:g[1]], "sentence": sentence.text,
                               "predicted": [sentence.text[p[0]:p[1]] for p in predicted]})
    return {
        "scores": {
            "sentences": len(sentences),
            "exact": prf(exact, n_pred, n_gold),
            "overlap50": prf(partial, n_pred, n_gold),
            "note": "role-agnostic: every gold source/target span against every actor mention",
        },
        "misses": misses,
    }
