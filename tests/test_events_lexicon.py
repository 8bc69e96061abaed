"""The event lexicon's frames and codes: which trigger, which CAMEO code, and no event where there is none."""

from __future__ import annotations

from eventwire import Article, analyze
from eventwire.events import load_lexicon


def coded(text: str, date: str | None = "2024-05-01") -> list[tuple[str, str, set[str], set[str], bool]]:
    """(trigger, CAMEO code, source codes, target codes, flagged) of each event of ``text``."""
    (doc,) = analyze([Article(id="t", text=text, date=date)])
    names = {a.id: a.cameo_code for a in doc.actors}
    return [(e.trigger.text, e.cameo_code, {names[r.actor_id] for r in e.source},
             {names[r.actor_id] for r in e.target}, e.negated or e.hypothetical or e.historical)
            for e in doc.events]


def test_entries_differing_only_in_preposition_are_both_kept():
    # "lobby against" (113) must not replace plain "lobby" (020)
    lobby = {e.cameo for e in load_lexicon().verbs["lobby"]}
    assert {"020", "113"} <= lobby


def test_warning_an_actor_is_a_threat_warning_of_an_event_is_none():
    assert [(c, s, t) for _, c, s, t, _ in coded("Iran warned Israel against attacking its nuclear sites.")] == \
        [("130", {"IRN"}, {"ISR"})]
    assert coded("The UN warned of a famine in Sudan.") == []
    # what others may do is no threat of the speaker's: the attack stays, hypothetical
    events = coded("Officials warned that Hamas could attack Israel.")
    assert [(c, flagged) for _, c, _, _, flagged in events] == [("190", True)]


def test_warning_of_consequences_is_a_threat():
    events = coded("Iran warned of a strong response if Israel attacked.")
    assert ("130", {"IRN"}) in [(c, s) for _, c, s, _, _ in events]


def test_walking_out_of_talks_is_halting_them_not_a_strike():
    assert [c for _, c, *_ in coded("Iran walked out of the talks in Vienna.")] == ["164"]
    assert [c for _, c, *_ in coded("Iranian workers walked out of the factory in Tehran.")] == ["143"]
