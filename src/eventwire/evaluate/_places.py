"""``eventwire eval places``: toponym recognition and resolution on the geoparsing gold corpora.

Gold (``geoparsing-gold/``, see its SOURCE.md)
    ``LGL.xml`` and ``TR-News.xml`` (``<toponym>``: phrase, start, end, ``<gaztag>`` lat/lon — a toponym
    without a gaztag counts for recognition only), ``GeoVirus.xml`` (``<location>``: name, start, end, lat,
    lon) and ``GeoWebNews.xml`` (``<toponym>``: extractedName, type, start, end, latitude, longitude).
    Offsets that do not hold the gold name (every GeoVirus offset is one too high, some TR-News ones drift)
    are repaired to the nearest occurrence of the name. In GeoWebNews only the literal group of its
    taxonomy is gold (Literal, Literal_Modifier, Mixed, Embedded_Literal, Coercion); its other annotated
    spans (metonyms, demonyms, expressions, homonyms …) are *neutral*: a prediction overlapping one counts
    neither as a hit nor as a false positive.

Predictions
    Every toponym mention of :func:`eventwire.places.resolved_toponyms`, metonymic ones included (LGL,
    TR-News and GeoVirus annotate "Washington said" as a toponym too), over the actor stage's output.

Scores, per corpus and pooled
    *Toponym P/R/F1*: predicted and gold spans are matched one to one, greedily by overlap, when they share
    at least one character (overlap, not exact match: the corpora disagree on "the", "County" and
    "Paris, Texas" boundaries). *accuracy@161km*: the share of matched gold toponyms with coordinates whose
    predicted point lies within 161 km (100 miles); a prediction without coordinates is wrong, at
    20,000 km. *median_km*: the median of those errors.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ._common import prf, require

CORPORA = ("LGL", "TR-News", "GeoVirus", "GeoWebNews")
GWN_GOLD_TYPES = {"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"}
KM = 161.0
UNRESOLVED_KM = 20000.0
REPAIR_WINDOW = 200


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    gold: bool = True  # False: an annotated span that is neither a hit nor a false positive


@dataclass
class GoldArticle:
    corpus: str
    id: str
    text: str
    toponyms: list[GoldToponym]


def read_geoparsing(data_dir: Path, corpora=CORPORA, limit: int | None = None) -> list[GoldArticle]:
    folder = require(Path(data_dir) / "geoparsing-gold")
    out = []
    for corpus in corpora:
        root = ET.parse(require(folder / f"{corpus}.xml")).getroot()
        for n, article in enumerate(root):
            if limit is not None and n >= limit:
                break
            text = article.findtext("text") or ""
            ident = article.get("docid") or article.get("orig_index") or article.get("file") or str(n)
            out.append(GoldArticle(corpus, f"{corpus}/{ident}", text, _toponyms(corpus, article, text)))
    return out


def _toponyms(corpus: str, article, text: str) -> list[GoldToponym]:
    out = []
    if corpus == "GeoVirus":
        for loc in article.iter("location"):
            out.append(_gold(text, loc.findtext("name"), loc.findtext("start"), loc.findtext("end"),
                             loc.findtext("lat"), loc.findtext("lon")))
    elif corpus == "GeoWebNews":
        for top in article.iter("toponym"):
            gold = _gold(text, top.findtext("extractedName"), top.findtext("start"), top.findtext("end"),
                         top.findtext("latitude"), top.findtext("longitude"))
            gold.gold = (top.findtext("type") or "") in GWN_GOLD_TYPES
            out.append(gold)
    else:
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            out.append(_gold(text, top.findtext("phrase"), top.findtext("start"), top.findtext("end"), lat, lon))
    return out


def _gold(text: str, name, start, end, lat, lon) -> GoldToponym:
    name = (name or "").strip()
    start, end = int(start), int(end)
    if name and text[start:end] != name:
        start, end = _repair(text, name, start)
    return GoldToponym(start, end, text[start:end], _float(lat), _float(lon))


def _repair(text: str, name: str, start: int) -> tuple[int, int]:
    """The nearest occurrence of ``name`` to ``start`` (the offset itself when there is none near)."""
    best = None
    at = text.find(name, max(0, start - REPAIR_WINDOW))
    while at != -1 and at <= start + REPAIR_WINDOW:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(name, at + 1)
    if best is None:
        return start, start + len(name)
    return best, best + len(name)


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def score_places(gold: list[GoldArticle], predicted: list[list], max_errors: int = 20) -> dict:
    """Gold articles + per-article ``(start, end, text, lat, lon, name)`` predictions → scores and misses."""
    from ..places import distance_km

    tallies: dict[str, dict] = {}
    errors = {"missed": [], "spurious": [], "far": []}
    for article, preds in zip(gold, predicted):
        t = tallies.setdefault(article.corpus, {"tp": 0, "pred": 0, "gold": 0, "km": []})
        golds = [g for g in article.toponyms if g.gold]
        neutral = [g for g in article.toponyms if not g.gold]
        t["gold"] += len(golds)
        pairs = sorted(((_shared(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                        if _shared(p, g) > 0), reverse=True)
        used_p, used_g = set(), set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            g, p = golds[j], preds[i]
            if g.lat is None or g.lon is None:
                continue
            km = UNRESOLVED_KM if p[3] is None else distance_km(g.lat, g.lon, p[3], p[4])
            t["km"].append(km)
            if km > KM:
                errors["far"].append({"id": article.id, "text": g.name, "predicted": p[5], "km": round(km),
                                      "gold": [g.lat, g.lon], "got": [p[3], p[4]]})
        t["tp"] += len(used_g)
        for i, p in enumerate(preds):
            if i in used_p or any(_shared(p, n) > 0 for n in neutral):
                continue
            t["pred"] += 1
            errors["spurious"].append({"id": article.id, "text": p[2], "context": _context(article.text, p[0], p[1])})
        t["pred"] += len(used_p)
        for j, g in enumerate(golds):
            if j not in used_g:
                errors["missed"].append({"id": article.id, "text": g.name,
                                         "context": _context(article.text, g.start, g.end)})
    result = {"corpora": {name: _summary(t) for name, t in tallies.items()}}
    pooled = {"tp": 0, "pred": 0, "gold": 0, "km": []}
    for t in tallies.values():
        for key in ("tp", "pred", "gold"):
            pooled[key] += t[key]
        pooled["km"] += t["km"]
    result["pooled"] = _summary(pooled)
    result["n_errors"] = {k: len(v) for k, v in errors.items()}
    result["errors"] = {k: v[:max_errors] for k, v in errors.items()}
    return result


def _summary(t: dict) -> dict:
    out = prf(t["tp"], t["pred"], t["gold"])
    km = t["km"]
    out["resolved"] = len(km)
    out["accuracy_161km"] = round(sum(1 for d in km if d <= KM) / len(km), 4) if km else 0.0
    out["median_km"] = round(statistics.median(km), 1) if km else None
    return out


def _shared(p, g: GoldToponym) -> int:
    return max(0, min(p[1], g.end) - max(p[0], g.start))


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return (text[max(0, start - width):start] + "⟦" + text[start:end] + "⟧" + text[end:end + width]).replace("\n", " ")


def evaluate_places(data_dir: Path, settings: Settings, max_errors: int = 20, corpora=CORPORA,
                    limit: int | None = None) -> dict:
    """Run the actor and place stages over each gold corpus and score them (see the module docstring)."""
    from ..actors import actor_resolver
    from ..nlp import load_pipeline
    from ..places import resolved_toponyms

    gold = read_geoparsing(data_dir, corpora, limit)
    nlp = load_pipeline(settings.model)
    resolve_actors = actor_resolver(nlp, tuple(settings.actors_files))
    predicted = []
    for article, doc in zip(gold, nlp.pipe((a.text for a in gold), batch_size=settings.batch_size)):
        actors = resolve_actors(doc, None)
        predicted.append([(t.start, t.end, t.text, p.lat, p.lon, p.name)
                          for t, p in resolved_toponyms(doc, actors, article.text)])
    result = score_places(gold, predicted, max_errors)
    result["articles"] = len(gold)
    return result
