"""The PETRARCH2 parity check: dictionary conversion, record parsing and triple scoring on tiny inline examples;
the real unit-test records only when ../shared is present."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import load_kb
from eventwire.cli import eval as eval_cli
from eventwire.config import Settings
from eventwire.evaluate._petrarch import (
    NULL,
    actor_codes,
    actor_file,
    classify_miss,
    evaluate_petrarch,
    match,
    predicted_triples,
    read_actor_dictionary,
    read_agent_dictionary,
    read_records,
    surface_forms,
)
from eventwire.records import Actor, ActorRef, AnalyzedDocument, Article, Event, Span

ACTORS = """<!-- a toy dictionary
over two lines -->
ZORBIA_  [ZRB] # a made-up state
+ZORBIAN
+QUELL_CITY
ESTALAND [ETL]
VARNO VELL
\t[ZRB < 950601]
\t[ZRBGOV 19950601 - 19990815]
\t[ZRBREB > 990816]
EGYPT [UAR]
THE_TRIAD [ETL/ZRB]
PLOTTERS_GUILD [IMGMOSXYZ]
NOBODY [---]
<! -- sloppy comment -->
LATE_ENTRY
\t[ETL]
"""

AGENTS = """!PERSON! = MAN, WOMAN
HERDER [~AGR] # herders
PEACE!PERSON! [~NGO]
RELIEF_BODY {} [NGO~]
TOP_ENVOY [~GOVENV]
"""


def test_actor_dictionary_reads_synonyms_defaults_and_date_restrictions():
    entries = {e.phrases[0]: e for e in read_actor_dictionary(ACTORS)}
    assert entries["ZORBIA_"].phrases == ["ZORBIA_", "ZORBIAN", "QUELL_CITY"]
    assert entries["ZORBIA_"].default == "ZRB"
    vell = entries["VARNO VELL"]
    assert vell.default is None
    assert vell.code_on(date(1995, 1, 1)) == "ZRB"
    assert vell.code_on(date(1997, 3, 1)) == "ZRBGOV"
    assert vell.code_on(date(1999, 8, 16)) == "ZRBREB"  # six-digit dates are 19xx/20xx
    assert entries["LATE_ENTRY"].default == "ETL"  # a bare [CODE] on the next line is the default
    assert "sloppy" not in " ".join(entries)


def test_agent_dictionary_substitutes_markers_and_reads_both_sides():
    agents = {tuple(p): c for p, c in read_agent_dictionary(AGENTS)}
    assert agents[("HERDER",)] == "AGR"
    assert agents[("PEACEMAN", "PEACEWOMAN")] == "NGO"
    assert agents[("RELIEF_BODY",)] == "NGO"  # NGO~ puts the code before the country
    assert agents[("TOP_ENVOY",)] == "GOVENV"


def test_surface_forms_capitalise_drop_the_and_keep_acronyms():
    assert surface_forms("QUELL_CITY") == ["Quell City"]
    assert "Barad-dur" in surface_forms("BARAD-DUR") and "Barad-Dur" in surface_forms("BARAD-DUR")
    assert "U.N." in surface_forms("U.N.")
    assert surface_forms("THE_TRIAD") == ["Triad"]
    assert surface_forms("PRINCE OF VELL") == ["Prince of Vell"]


def test_actor_file_turns_codes_into_states_people_and_organisations():
    kb = load_kb()
    data = actor_file(read_actor_dictionary(ACTORS), read_agent_dictionary(AGENTS), date(1997, 1, 1), kb)
    states = {row["iso3"]: row for row in data["countries"]}
    assert states["ZRB"]["name"] == "Zorbia" and "Quell City" in states["ZRB"]["aliases"]
    assert states["ZRB"]["demonyms"] == ["Zorbian"]
    assert states["EGY"]["cameo"] == "UAR" and "Egyptian" in states["EGY"]["demonyms"]  # a known state keeps its names
    assert [p["name"] for p in data["people"]] == ["Varno Vell"]  # state + agent, as valid on the date
    assert (data["people"][0]["country"], data["people"][0]["sector"]) == ("ZRB", "GOV")
    codes = {o["name"]: o["cameo_code"] for o in data["organizations"]}
    assert codes == {"Triad": "ETL/ZRB", "Plotters Guild": "IMGMOSXYZ"}
    assert "Nobody" not in str(data)  # a null code leaves the phrase uncoded
    assert "herder" in data["sectors"]["AGR"]["nouns"] and "GOV" in data["sectors"]  # GOVENV keeps its first part
    before = actor_file(read_actor_dictionary(ACTORS), [], date(1990, 1, 1), kb)
    assert "Varno Vell" in {row["iso3"]: row for row in before["countries"]}["ZRB"]["aliases"]


def test_actor_file_loads_as_an_eventwire_actor_file(tmp_path):
    import yaml

    path = tmp_path / "toy.yaml"
    data = actor_file(read_actor_dictionary(ACTORS), read_agent_dictionary(AGENTS), date(1997, 1, 1), load_kb())
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    kb = load_kb([str(path)])
    assert kb.countries["ZRB"].name == "Zorbia" and kb.countries["EGY"].code == "UAR"
    assert any(r.kind == "person" for r in kb.surfaces["Varno Vell"])


RECORDS = """<Validation><Sentences>
<!-- a comment -->
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ZRB" targetcode="ETL" eventcode="064"></EventCoding>
<EventCoding sourcecode="---GOV" targetcode="---" eventcode="023"></EventCoding>
<Text>
Zorbia restored ties
with Estaland.
</Text><Parse>(ROOT)</Parse></Sentence>
<Sentence date="19950102" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding><Text>Nothing happened.</Text></Sentence>
<Sentence date="19950102" id="T-3" category="DEMO" sentence="false">
<EventCoding sourcecode="ZRB" targetcode="ETL" eventcode="064"></EventCoding><Text>Not yet.</Text></Sentence>
<Sentence date="19950102" id="T-4" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding><Text>A golf story.</Text></Sentence>
<Sentence date="19950102" id="T-5" category="ACTOR" sentence="true">
<EventCoding sourcecode='"SOME GROUP"' targetcode="ETL" eventcode="032"></EventCoding><Text>x</Text></Sentence>
</Sentences></Validation>"""


def test_records_parse_codings_and_say_why_some_are_not_scored(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    records = {r.id: r for r in read_records(path)}
    first = records["T-1"]
    assert first.text == "Zorbia restored ties with Estaland." and first.date == date(1995, 1, 1)
    assert [(c.source, c.target, c.event) for c in first.codings] == [("ZRB", "ETL", "064"), ("---GOV", NULL, "023")]
    assert first.skip_reason is None
    assert records["T-2"].no_events and records["T-2"].skip_reason is None  # scored: any event is spurious
    assert "inactive" in records["T-3"].skip_reason
    assert "storydiscard" in records["T-4"].skip_reason
    assert "noun phrase" in records["T-5"].skip_reason


def _doc(events: list[Event], actors: list[Actor]) -> AnalyzedDocument:
    return AnalyzedDocument(article=Article(id="d", text="x" * 40), sentences=[], entities=[], actors=actors,
                            events=events)


def _event(sources, targets, code, **flags) -> Event:
    span = Span(0, 1, "x")
    return Event("e", span, span, [ActorRef(a, span) for a in sources], [ActorRef(a, span) for a in targets],
                 "CONSULT", code, **flags)


def test_actor_codes_in_petrarch_spelling():
    assert actor_codes(None) == [NULL]
    assert actor_codes(Actor("a", "x", [], cameo_code=None)) == [NULL]
    assert actor_codes(Actor("a", "officials", [], sectors=["GOV"], cameo_code="GOV")) == ["---GOV"]
    assert actor_codes(Actor("a", "x", [], country="ZRB", sectors=["GOV"], cameo_code="ZRBGOV")) == ["ZRBGOV"]
    assert actor_codes(Actor("a", "Triad", [], cameo_code="ETL/ZRB")) == ["ETL", "ZRB"]


def test_predicted_triples_pair_compound_actors_and_set_flagged_events_apart():
    actors = [Actor("a1", "Zorbia", [], country="ZRB", cameo_code="ZRB"),
              Actor("a2", "Estaland", [], country="ETL", cameo_code="ETL"),
              Actor("a3", "Triad", [], cameo_code="ETL/ZRB")]
    doc = _doc([_event(["a1", "a2"], ["a3"], "042"), _event(["a1"], [], "010"), _event(["a1"], [], "010"),
                _event(["a2"], ["a1"], "190", hypothetical=True)], actors)
    facts, flagged = predicted_triples(doc)
    assert facts == {("ZRB", "ETL", "042"), ("ZRB", "ZRB", "042"), ("ETL", "ETL", "042"), ("ETL", "ZRB", "042"),
                     ("ZRB", NULL, "010")}  # one per distinct triple; a missing target is ---
    assert flagged == {("ETL", "ZRB", "190")}


def test_match_is_one_to_one_through_a_view():
    gold = [("ZRB", "ETL", "064"), ("ZRB", "ETL", "064"), ("ETL", NULL, "023")]
    predicted = {("ZRB", "ETL", "061"), ("ETL", NULL, "023")}
    assert match(gold, predicted, lambda t: t) == 1
    assert match(gold, predicted, lambda t: (t[0], t[1], t[2][:2])) == 2  # the twice-listed gold takes one
    assert match(gold, predicted, lambda t: t[2][:2]) == 2


def test_classify_miss_names_the_part_that_differs():
    facts = {("ZRB", "ETL", "061"), ("ZRBGOV", NULL, "042")}
    codes = {"ZRB", "ETL", "ZRBGOV"}
    assert classify_miss(("ZRB", "ETL", "064"), facts, set(), codes) == "event code (same root)"
    assert classify_miss(("ZRB", "ETL", "112"), facts, set(), codes) == "event code (other root)"
    assert classify_miss(("ZRBMIL", "ETL", "112"), facts, set(), codes) == "actor code composition"
    assert classify_miss(("QRX", "ETL", "112"), facts, set(), codes) == "actor not found"
    assert classify_miss(("ZRBGOV", "ETL", "042"), facts, set(), codes) == "target"
    assert classify_miss(("ETL", "ZRB", "042"), facts, {("ETL", "ZRB", "190")}, codes).startswith("flagged")
    assert classify_miss(("ETL", "ZRB", "042"), set(), set(), codes) == "no event coded"


def test_eval_events_skips_petrarch_with_a_reason_when_its_folder_is_absent(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(eval_cli, "evaluate_events", lambda data, settings, max_errors: {"plover_gsr": {}})
    result = eval_cli._events_and_petrarch(tmp_path, Settings(), 5)
    assert "petrarch2" in result["petrarch2"]["skipped"]
    eval_cli._echo_petrarch(result["petrarch2"])
    assert "PETRARCH2 unit-test records: skipped" in capsys.readouterr().out


@pytest.mark.slow
def test_petrarch_records_are_scored(shared):
    result = evaluate_petrarch(shared / "data", Settings(), max_errors=5)
    assert result["records"] == 284 and 250 <= result["scored"] < 284
    assert sum(result["not_scored"].values()) == result["records"] - result["scored"]
    assert result["triples"]["gold"] > 300
    assert result["dyads"]["f1"] >= 0.2  # a floor: actor codes from the converted toy dictionaries do reach events
    assert sum(result["misses"].values()) == result["triples"]["gold"] - result["triples"]["tp"]
