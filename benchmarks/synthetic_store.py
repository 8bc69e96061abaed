"""A realistic synthetic eventwire store, written fast through plain SQL (no spaCy).

    python benchmarks/synthetic_store.py bench-results/synthetic-1m.db --events 1000000 [--seed 7]

Articles over about three years, each a few generated sentences ("X accused Y in Z.") with its
actors, mentions, events (trigger and sentence spans point into the text), a quote and places;
actor keys follow a Zipf-like law, so a few dyads dominate as in real news. The rollups are
recounted at the end and ``ANALYZE`` run, as a long-lived store would have them.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eventwire.store import Store  # noqa: E402
from eventwire.store import _rollup  # noqa: E402
from eventwire.store._write import EVENT_COLUMNS  # noqa: E402

# (PLOVER type, CAMEO code, Goldstein, quad class, verb phrase)
EVENT_TYPES = [
    ("CONSULT", "036", 4.0, 1, "met"),
    ("AGREE", "057", 8.0, 1, "signed an agreement with"),
    ("SUPPORT", "051", 3.4, 1, "praised"),
    ("REQUEST", "020", 3.0, 1, "appealed to"),
    ("COOPERATE", "061", 6.4, 2, "cooperated with"),
    ("AID", "070", 7.0, 2, "sent aid to"),
    ("RETREAT", "080", 5.0, 2, "withdrew troops from"),
    ("ACCUSE", "112", -2.0, 3, "accused"),
    ("REJECT", "120", -4.0, 3, "rejected"),
    ("THREATEN", "130", -4.4, 3, "threatened"),
    ("PROTEST", "140", -6.5, 3, "protested against"),
    ("SANCTION", "163", -8.0, 3, "imposed sanctions on"),
    ("MOBILIZE", "150", -7.2, 4, "mobilized against"),
    ("COERCE", "173", -5.0, 4, "detained members of"),
    ("ASSAULT", "180", -9.0, 4, "attacked"),
    ("FIGHT", "190", -10.0, 4, "clashed with"),
]
TYPE_WEIGHTS = [14, 5, 9, 6, 5, 3, 1, 12, 6, 5, 7, 3, 2, 4, 5, 4]

# (ISO3, country name, capital, lat, lon)
COUNTRIES = [
    ("USA", "United States", "Washington", 38.9, -77.04), ("RUS", "Russia", "Moscow", 55.76, 37.62),
    ("CHN", "China", "Beijing", 39.9, 116.4), ("UKR", "Ukraine", "Kyiv", 50.45, 30.52),
    ("ISR", "Israel", "Jerusalem", 31.77, 35.21), ("PSE", "Palestine", "Ramallah", 31.9, 35.2),
    ("IRN", "Iran", "Tehran", 35.69, 51.39), ("VEN", "Venezuela", "Caracas", 10.5, -66.9),
    ("COL", "Colombia", "Bogotá", 4.71, -74.07), ("BRA", "Brazil", "Brasília", -15.79, -47.88),
    ("MEX", "Mexico", "Mexico City", 19.43, -99.13), ("GBR", "United Kingdom", "London", 51.51, -0.13),
    ("FRA", "France", "Paris", 48.86, 2.35), ("DEU", "Germany", "Berlin", 52.52, 13.4),
    ("TUR", "Turkey", "Ankara", 39.93, 32.86), ("SYR", "Syria", "Damascus", 33.51, 36.29),
    ("IRQ", "Iraq", "Baghdad", 33.31, 44.36), ("SAU", "Saudi Arabia", "Riyadh", 24.71, 46.68),
    ("EGY", "Egypt", "Cairo", 30.04, 31.24), ("IND", "India", "New Delhi", 28.61, 77.21),
    ("PAK", "Pakistan", "Islamabad", 33.68, 73.05), ("AFG", "Afghanistan", "Kabul", 34.56, 69.21),
    ("JPN", "Japan", "Tokyo", 35.68, 139.69), ("KOR", "South Korea", "Seoul", 37.57, 126.98),
    ("PRK", "North Korea", "Pyongyang", 39.04, 125.76), ("TWN", "Taiwan", "Taipei", 25.03, 121.57),
    ("NGA", "Nigeria", "Abuja", 9.08, 7.4), ("ETH", "Ethiopia", "Addis Ababa", 9.03, 38.74),
    ("SDN", "Sudan", "Khartoum", 15.5, 32.56), ("ZAF", "South Africa", "Pretoria", -25.75, 28.19),
    ("KEN", "Kenya", "Nairobi", -1.29, 36.82), ("ARG", "Argentina", "Buenos Aires", -34.6, -58.38),
    ("CUB", "Cuba", "Havana", 23.11, -82.37), ("YEM", "Yemen", "Sanaa", 15.37, 44.19),
    ("LBN", "Lebanon", "Beirut", 33.89, 35.5), ("POL", "Poland", "Warsaw", 52.23, 21.01),
    ("HUN", "Hungary", "Budapest", 47.5, 19.04), ("MMR", "Myanmar", "Naypyidaw", 19.76, 96.08),
    ("PHL", "Philippines", "Manila", 14.6, 120.98), ("IDN", "Indonesia", "Jakarta", -6.21, 106.85),
]
SECTORS = [("GOV", "government of {}"), ("MIL", "{} military"), ("OPP", "{} opposition"),
           ("REB", "{} rebels"), ("BUS", "{} business leaders"), ("MED", "{} media"), ("CVL", "{} protesters")]
FIRST = ["Ana", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Gabriel", "Hana", "Ivan", "Jorge", "Kemal", "Lina",
         "Marco", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sergei", "Tariq", "Uma", "Viktor", "Wei", "Yusuf"]
LAST = ["Alvarez", "Bauer", "Costa", "Dubois", "Erdem", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Khan",
        "Lopez", "Morales", "Novak", "Okafor", "Petrov", "Quiroga", "Rossi", "Sato", "Torres", "Usman", "Volkov"]
CUES = ["said", "told reporters", "warned", "insisted", "declared"]
QUOTES = ["We will not accept this,", "The talks were constructive,", "This is a violation of our sovereignty,",
          "We remain open to dialogue,", "Our forces are ready,", "The sanctions will hurt ordinary people,"]
SOURCES = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Xinhua", "DW", "El País"]


def _actor_pool(rng: random.Random) -> list[dict]:
    """Organisations (keyed by CAMEO code), people (code, country or neither), most prominent first."""
    pool = []
    for iso, country, *_ in COUNTRIES:
        pool.append({"name": country, "country": iso, "code": iso, "sectors": [], "label": "GPE"})
        for sector, pattern in SECTORS:
            pool.append({"name": pattern.format(country).capitalize(), "country": iso, "code": iso + sector,
                         "sectors": [sector], "label": "ORG"})
    for i in range(2400):
        iso = COUNTRIES[rng.randrange(len(COUNTRIES))][0]
        kind = rng.random()
        sector = rng.choice(SECTORS)[0]
        person = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "country": iso, "code": None, "sectors": [],
                  "label": "PERSON"}
        if kind < 0.5:
            person.update(code=iso + sector, sectors=[sector])
        elif kind > 0.9:
            person["country"] = None
        pool.append(person)
    rng.shuffle(pool)
    return pool


def make_store(path: str | Path, n_events: int = 1_000_000, seed: int = 7, *, events_per_article: int = 6,
               days: int = 3 * 365, last_day: str = "2026-11-28") -> dict:
    """Write a synthetic store of about ``n_events`` events to ``path`` (replaced); return its counts."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    Store(path).close()  # creates the schema through the migrations
    rng = random.Random(seed)
    pool = _actor_pool(rng)
    weights = _cumulative([1 / (rank + 1) ** 1.1 for rank in range(len(pool))])  # Zipf-like prominence
    cum_types = _cumulative(TYPE_WEIGHTS)
    first_day = date.fromisoformat(last_day) - timedelta(days=days - 1)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    run_id = conn.execute(
        "INSERT INTO runs (started_at, command, eventwire_version, model, settings) VALUES (?, ?, ?, ?, ?)",
        ("2026-11-29T00:00:00+00:00", "synthetic", "synthetic", "none", json.dumps({"seed": seed})),
    ).lastrowid
    made = 0
    rows = _Rows()
    i = 0
    while made < n_events:
        # later days carry more news, as a growing collection does
        day = first_day + timedelta(days=min(days - 1, int(days * rng.random() ** 0.8)))
        n = max(1, min(n_events - made, round(rng.gauss(events_per_article, 2))))
        _article(rows, rng, f"syn-{i:07d}", day.isoformat(), n, pool, weights, cum_types, run_id)
        made += n
        i += 1
        if len(rows.events) > 50_000:
            rows.flush(conn)
    rows.flush(conn)
    _rollup.rebuild(conn)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events")}
    conn.close()
    return counts


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


class _Rows:
    """Rows waiting for one executemany per table."""

    def __init__(self) -> None:
        self.articles, self.sentences, self.actors, self.mentions = [], [], [], []
        self.events, self.event_actors, self.quotes, self.places = [], [], [], []

    def flush(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO articles (id, date, title, source, url, lang, text, origin, run_id, n_sentences, n_actors,"
            " n_mentions, n_events, n_quotes, n_places) VALUES (?, ?, ?, ?, ?, 'en', ?, 'synthetic', ?, ?, ?, ?, ?,"
            " ?, ?)", self.articles)
        conn.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?)", self.sentences)
        conn.executemany(
            "INSERT INTO actors (article_id, actor_id, name, country, sectors, role, cameo_code, kb_id, former,"
            " deceased, n_mentions) VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, 0, 0, ?)", self.actors)
        conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", self.mentions)
        conn.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 28)})", self.events)
        conn.executemany("INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?, ?, ?, ?)", self.event_actors)
        conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.quotes)
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.places)
        self.__init__()


def _span(start: int, end: int, text: str) -> dict:
    return {"start": start, "end": end, "text": text}


def _article(rows: _Rows, rng: random.Random, aid: str, day: str, n_events: int, pool: list[dict],
             weights: list[float], cum_types: list[float], run_id: int) -> None:
    cast = []  # the article's actors, distinct
    for actor in rng.choices(pool, cum_weights=weights, k=min(6, 2 + n_events // 2)):
        if all(actor is not other for other in cast):
            cast.append(actor)
    if len(cast) < 2:
        cast.append(pool[0] if cast[0] is not pool[0] else pool[1])
    ids = {id(a): f"a{k + 1}" for k, a in enumerate(cast)}
    mentions: dict[str, list[tuple[int, int, str, int]]] = {ids[id(a)]: [] for a in cast}
    text, sentences, events = "", [], []
    for k in range(n_events):
        src, tgt = rng.sample(cast, 2)
        ptype, code, goldstein, quad, verb = EVENT_TYPES[_pick(rng, cum_types)]
        place = COUNTRIES[rng.randrange(len(COUNTRIES))] if rng.random() < 0.55 else None
        start = len(text)
        sentence = f"{src['name']} {verb} {tgt['name']}"
        s_src = (start, start + len(src["name"]))
        trig = (s_src[1] + 1, s_src[1] + 1 + len(verb))
        s_tgt = (trig[1] + 1, trig[1] + 1 + len(tgt["name"]))
        if place:
            sentence += f" in {place[2]}"
        sentence += "."
        text += sentence + " "
        sentences.append((start, start + len(sentence)))
        mentions[ids[id(src)]].append((*s_src, src["name"], k))
        mentions[ids[id(tgt)]].append((*s_tgt, tgt["name"], k))
        events.append((k, src, tgt, ptype, code, goldstein, quad, verb, place, trig, s_src, s_tgt))
    cue = rng.choice(CUES)
    speaker = cast[0]
    content = rng.choice(QUOTES)
    q_start = len(text)
    text += f"“{content}” {speaker['name']} {cue}."
    sentences.append((q_start, len(text)))
    c_span = (q_start + 1, q_start + 1 + len(content))
    who = (c_span[1] + 2, c_span[1] + 2 + len(speaker["name"]))
    mentions[ids[id(speaker)]].append((*who, speaker["name"], len(sentences) - 1))
    title = f"{cast[0]['name']} and {cast[1]['name']}"
    places = []
    for k, *_, place, _trig, _s, _t in events:
        if place and all(p[0] is not place for p in places):
            at = text.index(" in " + place[2], sentences[k][0]) + 4
            places.append((place, at))
    rows.articles.append((aid, day, title, rng.choice(SOURCES), f"https://example.org/{aid}", text, run_id,
                          len(sentences), len(cast), sum(len(m) for m in mentions.values()), len(events), 1,
                          len(places)))
    rows.sentences.extend((aid, k, s, e) for k, (s, e) in enumerate(sentences))
    for actor in cast:
        aid_local = ids[id(actor)]
        rows.actors.append((aid, aid_local, actor["name"], actor["country"], json.dumps(actor["sectors"]),
                            actor["code"], len(mentions[aid_local])))
        rows.mentions.extend((aid, aid_local, s, e, t, actor["label"], k) for s, e, t, k in mentions[aid_local])
    for k, src, tgt, ptype, code, goldstein, quad, verb, place, trig, s_src, s_tgt in events:
        eid = f"e{k + 1}"
        src_id, tgt_id = ids[id(src)], ids[id(tgt)]
        hypothetical, negated = rng.random() < 0.05, rng.random() < 0.03
        historical = rng.random() < 0.04
        confidence = round(rng.uniform(0.35, 0.98), 2)
        sent = sentences[k]
        location = None
        if place:
            at = text.index(" in " + place[2], sent[0]) + 4
            location = {"span": _span(at, at + len(place[2]), place[2]), "name": place[2], "country": place[0],
                        "admin1": None, "geonames_id": None, "lat": place[3], "lon": place[4], "feature": "city"}
        record = {
            "id": eid, "sentence": _span(*sent, text[sent[0]:sent[1]]), "trigger": _span(*trig, verb),
            "source": [{"actor_id": src_id, "span": _span(*s_src, src["name"])}],
            "target": [{"actor_id": tgt_id, "span": _span(*s_tgt, tgt["name"])}],
            "plover": {"type": ptype, "mode": None, "contexts": []},
            "cameo": {"code": code, "root": code[:2], "goldstein": goldstein, "quad_class": quad},
            "negated": negated, "hypothetical": hypothetical, "historical": historical, "reported_by": [],
            "date": day, "date_precision": "day", "date_span": None, "location": location, "confidence": confidence,
        }
        rows.events.append((
            aid, eid, day, "day", ptype, None, code, code[:2], goldstein, quad, int(negated), int(hypothetical),
            int(historical), confidence, sent[0], sent[1], trig[0], trig[1], verb, src_id, tgt_id,
            place[2] if place else None, place[0] if place else None, place[3] if place else None,
            place[4] if place else None, json.dumps(record, ensure_ascii=False, separators=(",", ":")),
            src["code"] or src["country"] or src["name"], tgt["code"] or tgt["country"] or tgt["name"],
        ))
        rows.event_actors.append((aid, eid, "source", src_id, *s_src))
        rows.event_actors.append((aid, eid, "target", tgt_id, *s_tgt))
    cue_span = (who[1] + 1, who[1] + 1 + len(cue))
    q_record = {"id": "q1", "kind": "direct", "content": _span(*c_span, content), "cue": _span(*cue_span, cue),
                "speaker": {"actor_id": ids[id(speaker)], "span": _span(*who, speaker["name"])}, "channel": None}
    rows.quotes.append((aid, "q1", "direct", *c_span, content, cue, ids[id(speaker)], None,
                        json.dumps(q_record, ensure_ascii=False)))
    rows.places.extend((aid, k, at, at + len(p[2]), p[2], p[2], p[0], None, None, p[3], p[4], "city")
                       for k, (p, at) in enumerate(places))


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    x = rng.random() * cumulative[-1]
    for i, c in enumerate(cumulative):
        if x < c:
            return i
    return len(cumulative) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    counts = make_store(args.path, args.events, args.seed)
    print(f"{args.path}: {counts['articles']:,} articles, {counts['events']:,} events"
          f" in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
