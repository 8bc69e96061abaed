"""Event coding: triggers and frames, sources and targets, modality, reported speech, user lexicons."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from eventwire import Article, analyze, load_settings
from eventwire.cli import cli
from eventwire.events import LexiconError, load_lexicon


def events_of(text: str, date: str | None = "2024-05-01", **settings):
    s = dataclasses.replace(load_settings(), **settings)
    (doc,) = analyze([Article(id="t", text=text, date=date)], s)
    names = {a.id: a for a in doc.actors}
    out = []
    for e in doc.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert text[e.sentence.start : e.sentence.end] == e.sentence.text
        out.append((e, [names[r.actor_id] for r in e.source], [names[r.actor_id] for r in e.target],
                    [names[r.actor_id] for r in e.reported_by]))
    return out


def one(events, plover_type):
    found = [x for x in events if x[0].plover_type == plover_type]
    assert found, f"no {plover_type} among {[(e.plover_type, e.trigger.text) for e, *_ in events]}"
    return found[0]


def distinct_codes(text: str) -> list[str]:
    """The CAMEO codes of a text's events in order, each once (a two-way event is one event per direction)."""
    return list(dict.fromkeys(e.cameo_code for e, *_ in events_of(text)))


def codes(actors):
    return {a.cameo_code for a in actors}


def test_lexicon_codes_are_consistent():
    lex = load_lexicon()
    assert len(lex.verbs) + len(lex.nouns) > 300
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            for entry in entries:
                assert entry.cameo in lex.codes
    assert lex.codes["190"].quad_class == 4 and lex.codes["111"].quad_class == 3
    assert lex.codes["042"].plover_type == "CONSULT" and lex.codes["111"].goldstein < 0


def test_seed_article_events(seed_article_path):
    from eventwire.readers import read_articles

    (article,) = list(read_articles([str(seed_article_path)]))
    (doc,) = analyze([article])
    actors = {a.id: a for a in doc.actors}

    def who(refs):
        return {actors[r.actor_id].kb_id or actors[r.actor_id].country for r in refs}

    def find(pred):
        return [e for e in doc.events if pred(e)]

    criticism = find(lambda e: "gustavo-petro" in who(e.source) and "USA" in {actors[r.actor_id].country
                                                                             for r in e.target})
    assert any(e.quad_class == 3 for e in criticism), "Petro → USA verbal conflict"
    bounty = find(lambda e: "marco-rubio" in who(e.source) and "nicolas-maduro" in who(e.target))
    assert any(e.quad_class in (3, 4) for e in bounty), "Rubio → Maduro bounty raise (conflict)"
    accusation = find(lambda e: e.plover_type == "ACCUSE" and "nicolas-maduro" in who(e.target)
                      and any(actors[r.actor_id].cameo_code == "USAGOV" for r in e.source))
    assert accusation, "US government → Maduro accusation"
    cooperation = find(lambda e: "gustavo-petro" in who(e.source) and e.quad_class in (1, 2)
                       and {"USA", "VEN"} <= {actors[r.actor_id].country for r in e.target})
    assert cooperation, "Petro → US and Venezuela proposal to cooperate"
    assaults = find(lambda e: e.plover_type == "ASSAULT")
    assert assaults and all(e.hypothetical or e.negated for e in assaults), "no ASSAULT stated as fact"


def test_verbal_event_with_compound_source_and_target():
    e, source, target, _ = one(events_of("Brazil and Argentina condemned Venezuela on Monday."), "ACCUSE")
    assert codes(source) == {"BRA", "ARG"} and codes(target) == {"VEN"}
    assert not e.negated and not e.hypothetical and e.quad_class == 3


def test_passive_voice_swaps_roles():
    _, source, target, _ = one(events_of("Colombia was criticized by Venezuela on Monday."), "ACCUSE")
    assert codes(source) == {"VEN"} and codes(target) == {"COL"}


def test_nominal_trigger_with_possessor_and_target():
    e, source, target, _ = one(events_of("Russia's attack on Ukraine continued.", "2024-05-01"), "ASSAULT")
    assert codes(source) == {"RUS"} and codes(target) == {"UKR"}


@pytest.mark.parametrize(
    "text, negated, hypothetical",
    [
        ("Israeli troops attacked Gaza on Monday.", False, False),
        ("Israeli troops did not attack Gaza on Monday.", True, False),
        ("Israeli troops could attack Gaza soon.", False, True),
        ("Colombian President Gustavo Petro warned of a possible US attack on Venezuela.", False, True),
    ],
)
def test_modality(text, negated, hypothetical):
    e, *_ = one(events_of(text), "ASSAULT")
    assert (e.negated, e.hypothetical) == (negated, hypothetical)


def test_a_threat_is_one_threaten_event():
    events = events_of("Israel threatened to attack Gaza.")
    assert [e.plover_type for e, *_ in events] == ["THREATEN"]
    assert codes(one(events, "THREATEN")[2]) == {"PSE"}


def test_an_announced_hostile_act_is_a_threat():
    events = events_of("If talks fail, Israeli troops will attack Gaza.")
    assert [e.plover_type for e, *_ in events] == ["THREATEN"] and not events[0][0].hypothetical


def test_what_a_speaker_says_another_must_do_is_a_demand():
    e, source, target, _ = one(events_of("Russia said that Sudan must release the hostages."), "REQUEST")
    assert codes(source) == {"RUS"} and codes(target) == {"SDN"}


def test_a_future_cooperative_act_is_an_expressed_intent():
    e, source, target, _ = one(events_of("Finland will give Tanzania a grant of 580 million shillings."), "AGREE")
    assert e.cameo_code.startswith("03") and not e.hypothetical
    assert codes(source) == {"FIN"} and codes(target) == {"TZA"}


def test_reported_event_names_its_reporter():
    events = events_of("Ukrainian officials said that Russian forces shelled Kharkiv overnight.")
    e, source, target, reporter = one(events, "ASSAULT")
    assert codes(source) == {"RUSMIL"} and codes(reporter) == {"UKRGOV"}


def test_user_lexicon_adds_triggers(tmp_path):
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text('- verb: frobnicate\n  cameo: "111"\n')
    events = events_of("Venezuela frobnicated Colombia.", events_files=(str(lexicon),))
    assert one(events, "ACCUSE")[0].cameo_code == "111"


@pytest.mark.parametrize(
    "content, message",
    [
        ('- verb: x\n  cameo: "999"\n', "not a CAMEO event code"),
        ('- verb: x\n  noun: y\n  cameo: "111"\n', "exactly one"),
        ('- verb: x\n  cameo: "111"\n  colour: red\n', "unknown key"),
        ("- [\n", "invalid YAML"),
    ],
)
def test_malformed_lexicon_names_file_line_and_problem(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon([str(path)])
    assert "bad.yaml" in str(info.value)


def test_cli_rejects_a_bad_lexicon_before_any_document(tmp_path, seed_article_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('- verb: x\n  cameo: "999"\n')
    result = CliRunner().invoke(cli, ["extract", str(seed_article_path), "--events", str(bad)])
    assert result.exit_code == 2 and "bad.yaml:1" in result.stderr and result.stdout == ""


def test_events_long_before_the_document_are_historical():
    events = events_of("The 2003 invasion of Iraq by the United States was condemned by France.", "2024-05-01")
    invasion = one(events, "ASSAULT")[0]
    assert invasion.historical
    assert not one(events_of("The United States attacked Iraq on Monday.", "2024-05-01"), "ASSAULT")[0].historical


def test_a_pronoun_subject_of_reported_speech_is_the_speaker_and_cannot_is_a_refusal():
    e, source, _, _ = one(events_of("Syria says it cannot accept any more refugees from Iraq."), "REJECT")
    assert codes(source) == {"SYR"} and not e.negated and e.quad_class == 3


def test_what_a_speaker_says_another_must_do_is_a_demand_whatever_the_act():
    e, source, target, _ = one(events_of("Egypt said that Israel must ensure security in Gaza."), "REQUEST")
    assert codes(source) == {"EGY"} and codes(target) == {"ISR"} and e.cameo_root == "10"


def test_an_act_under_consideration_is_no_event():
    assert events_of("Japan is considering sending aid to North Korea.") == []


def test_subject_through_an_adjective_is_an_intent():
    e, source, _, _ = one(events_of("Pakistan is willing to withdraw its troops from Kashmir."), "AGREE")
    assert codes(source) == {"PAK"} and e.cameo_code.startswith("03") and not e.hypothetical


def test_a_transfer_targets_the_recipient_not_what_is_sent():
    e, source, target, _ = one(events_of("Britain sent 100 armoured vehicles and a team of paratroopers to "
                                         "Lebanon."), "AID")
    assert codes(source) == {"GBR"} and codes(target) == {"LBN"}
    assert [x for x in events_of("U.S. and Russian negotiators return to Geneva this week.")
            if x[0].plover_type == "RETREAT"] == []


@pytest.mark.parametrize(
    "text, plover_type, root",
    [
        ("Serbia lifted a night curfew in Montenegro.", "CONCEDE", "08"),  # PLOVER manual: removing curfews
        ("The United States imposed sanctions on Iran.", "SANCTION", "16"),  # sanctions are SANCTION 'discontinue'
        ("A Honduran court indicted the former defence minister of Honduras.", "ACCUSE", "11"),  # 'indict' → allege
        ("Kazakh oil workers went on strike on Monday.", "PROTEST", "14"),  # a labour strike, not an attack
        ("The Arab League called for talks between Israel and Syria.", "REQUEST", "02"),  # 'call for' appeals
    ],
)
def test_codes_follow_the_plover_manual_and_cameo(text, plover_type, root):
    e, *_ = one(events_of(text), plover_type)
    assert e.cameo_root == root


def test_a_background_clause_ranks_below_the_main_event():
    events = events_of("Serbia lifted a night curfew in Montenegro, where 28 people were killed by Serbian police "
                       "in March.")
    main = max(events, key=lambda x: x[0].confidence)[0]
    assert main.plover_type == "CONCEDE"


def test_subject_and_object_frames():
    assert [x for x in events_of("Hundreds of British troops have arrived in Mali.") if x[0].cameo_root == "04"] == []
    e, source, target, _ = one(events_of("The Chinese foreign minister arrived in Pakistan on Monday."), "CONSULT")
    assert codes(target) == {"PAK"}
    assert [x for x in events_of("Trump sent a letter to the head of the World Health Organization.")
            if x[0].plover_type == "AID"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Austrian riot police numbered approximately 100 officers at the Brenner Pass.",  # a modifier of an actor
        "A federal appeals court in Texas had struck down the US program.",  # a ruling, not an attack
        "Given the greater opportunity cost for Russia and China, it is difficult to imagine.",  # no giver
        "Royce's letter gives Secretary of State John Kerry until Feb. 17 to respond.",  # a deadline is no aid
    ],
)
def test_no_event_in_real_news_traps(text):
    assert [e.plover_type for e, *_ in events_of(text)] == []


def test_a_claim_of_ones_own_act_and_an_opinion_shared_are_statements():
    assert [e.plover_type for e, *_ in events_of("The Taliban claimed that they had attacked the school in Kabul.")
            if e.plover_type == "ASSAULT"] == []
    assert [e.plover_type for e, *_ in events_of("Egypt and Jordan agreed that there was an urgent need for "
                                                 "progress.")] == []
    e, source, target, _ = one(events_of("The US Government claims that this group is led by Nicolas Maduro."),
                               "ACCUSE")
    assert codes(source) == {"USAGOV"}


@pytest.mark.parametrize(
    "text, plover_type, source, target",
    [
        # an object that is no actor stands for the actor its phrase is directed at
        ("Germany hosted a dinner for Chinese Premier Li Qiang.", "CONSULT", {"DEU"}, {"CHNGOV"}),
        # after an object that names an actor, "with" is the instrument
        ("Israeli jets pounded Hamas positions with artillery.", "ASSAULT", {"ISRMIL"}, {"PSEREB"}),
        # a framed transfer targets its recipient, not what is sent
        ("Italy offered to send troops to Lebanon.", "AGREE", {"ITA"}, {"LBN"}),
        # an event noun under a light verb takes the verb's prepositional target
        ("Iran launched cyber warfare against Israel.", "ASSAULT", {"IRN"}, {"ISR"}),
        # a light participle's passive subject is the agent
        ("Serb forces were engaged in ethnic cleansing against the Albanian population.", "ASSAULT", {"SRBMIL"},
         {"ALBCVL"}),
        # a noun modified by a past participle is what is done to it
        ("Five Egyptian soldiers killed in Sinai were buried on Monday.", "ASSAULT", set(), {"EGYMIL"}),
        # "was scheduled to meet": the passive subject above the event is its doer
        ("Putin was scheduled to meet the Turkish president in Ankara.", "CONSULT", {"RUSGOV"}, {"TURGOV"}),
        # an event noun's that-clause names its target, and the demanded act is part of the demand
        ("Russia reiterated its demand that Ukraine withdraw its troops.", "REQUEST", {"RUS"}, {"UKR"}),
    ],
)
def test_sources_and_targets_from_the_parse(text, plover_type, source, target):
    _, s, t, _ = one(events_of(text), plover_type)
    assert codes(s) == source and codes(t) == target


def test_deportations_target_who_is_deported():
    _, _, target, _ = one(events_of("Hungary deported 300 Syrian migrants to Turkey."), "COERCE")
    assert "SYRCVL" in codes(target)


def test_a_demanded_act_is_no_event_of_its_own():
    events = events_of("Russia reiterated its demand that Ukraine withdraw its troops.")
    assert [e.plover_type for e, *_ in events] == ["REQUEST"]


def test_an_act_someone_is_arrested_for_is_the_charge():
    events = events_of("Egypt arrested a journalist for collaborating with Hamas.")
    assert [e.plover_type for e, *_ in events] == ["COERCE"]


def test_forces_sent_to_keep_the_peace_are_aid():
    e, source, target, _ = one(events_of("Brazil deployed 200 soldiers to Haiti on a peacekeeping mission."), "AID")
    assert e.cameo_code == "074" and codes(source) == {"BRA"} and codes(target) == {"HTI"}


def test_a_coordinated_verb_does_not_govern_modality():
    events = events_of("The French military helped to plan and carry out killings in Rwanda.")
    e, *_ = one(events, "ASSAULT")
    assert not e.hypothetical


def test_an_unresolved_pronoun_in_an_adverbial_clause_is_the_host_clause_subject():
    events = events_of("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's "
                       "border, Macedonian officials said.")
    sources = {c for e, s, *_ in events for c in codes(s)}
    assert "MKDGOV" not in sources


def test_an_event_that_dates_another_ranks_below_it():
    events = events_of("Italy suspended air links with Serbia, one day after a Serbian army jet shot down a "
                       "helicopter carrying EC truce monitors.")
    assert [e.plover_type for e, *_ in events] == ["SANCTION"]


def test_what_talks_are_on_is_their_topic_not_an_event():
    events = events_of("Israel and Lebanon renewed negotiations today on an Israeli troop pullback from Lebanon.")
    assert {e.plover_type for e, *_ in events} == {"CONSULT"}  # (one per direction: ISR→LBN, LBN→ISR)


def test_a_place_a_clause_happens_in_is_not_its_doer():
    events = events_of("Serbia lifted a curfew in Montenegro, where 28 people have been killed this year.")
    assert all("MNE" not in codes(source) for _, source, *_ in events)


def test_an_event_after_a_verb_is_not_governed_by_it():
    e, source, _, _ = one(events_of("Pakistan ordered patrols after violent protests by Afghan students."), "PROTEST")
    assert not e.hypothetical and "PAK" not in {a.country for a in source}


def test_a_verb_coordinated_with_a_passive_shares_its_subject():
    e, source, _, _ = one(events_of("The Serbian prime minister has been indicted by the U.N. court and will resign."),
                          "AGREE")
    assert {a.name for a in source} == {"Serbian prime minister"}


def test_an_object_that_is_no_actor_stands_for_whose_it_is():
    e, _, target, _ = one(events_of("The German government rejected a request by Turkish President Erdogan to hold "
                                    "a rally."), "REJECT")
    assert "TUR" in {a.country for a in target}


@pytest.mark.parametrize("text", ["A UN spokesman said they hoped to resume flights to Pakistan soon.",
                                  "Senate Majority Leader Mitch McConnell expressed optimism at a deal with Mexico."])
def test_an_act_hoped_for_is_no_event(text):
    assert events_of(text) == []


def test_coordinated_state_modifiers_give_every_state_a_role():
    """"US and British activists": both states' activists protest, and both are arrested."""
    _, sources, _, _ = one(events_of("US and British activists protested against the Chinese government."), "PROTEST")
    assert {a.country for a in sources} >= {"USA", "GBR"}
    _, _, targets, _ = one(events_of("Police arrested US and British activists in Moscow."), "COERCE")
    assert {a.country for a in targets} >= {"USA", "GBR"}


def test_passive_conjunct_acts_on_the_shared_subject():
    """"Mugabe co-founded ZANU but was arrested": the arrest's target is Mugabe, its source unknown."""
    e, sources, targets, _ = one(events_of("Robert Mugabe co-founded the Zimbabwe African National Union to oppose "
                                           "white minority rule, but was arrested in 1963."), "COERCE")
    assert not sources and [a.name for a in targets] == ["Robert Mugabe"]
    assert e.historical and e.date == "1963-01-01"


def test_target_fallbacks_look_past_arguments_that_name_no_actor():
    """"threatened on Monday to cut ties with Somalia": "Monday" is no target; the framed act's is."""
    _, _, target, _ = one(events_of("The Kenyan government on Monday threatened to cut diplomatic ties with "
                                    "Somalia."), "THREATEN")
    assert [a.country for a in target] == ["SOM"]


def test_the_place_an_act_on_a_thing_is_done_in_is_its_target():
    _, _, target, _ = one(events_of("The army lifted a curfew in Ethiopia on Friday."), "CONCEDE")
    assert [a.country for a in target] == ["ETH"]
    # talks are only held there
    _, _, target, _ = one(events_of("Leaders of Armenia and Azerbaijan held talks in Vienna."), "CONSULT")
    assert "AUT" not in {a.country for a in target}


def test_a_hostile_act_is_aimed_at_whom_its_stance_or_purpose_names():
    _, _, target, _ = one(events_of("Thousands of farmers blocked roads in Paris in defiance of the French "
                                    "government."), "PROTEST")
    assert [(a.country, a.sectors) for a in target] == [("FRA", ["GOV"])]
    _, _, target, _ = one(events_of("Serbian students staged a sit-in to demand the resignation of the government "
                                    "of Prime Minister Ana Brnabic."), "PROTEST")
    assert [(a.country, a.sectors) for a in target] == [("SRB", ["GOV"])]
    # targets are inferred only when someone acts
    assert events_of("A fire destroyed at least 200 makeshift homes in a slum in Chittagong.") == []


def test_talks_topics_are_no_targets_and_of_phrases_lead_to_whom_an_act_is_directed_at():
    talks = events_of("Israel and Syria renewed negotiations on Tuesday on an Israeli troop pullback.")
    assert _dyads(talks, "CONSULT") == {(frozenset({"ISR"}), frozenset({"SYR"})),
                                        (frozenset({"SYR"}), frozenset({"ISR"}))}
    _, _, target, _ = one(events_of("Canada announced a suspension of military exports to Turkey."), "SANCTION")
    assert [a.country for a in target] == ["TUR"]
    _, _, target, _ = one(events_of("The World Bank pledged 20 million dollars of aid for Malawi and Mozambique."),
                          "AGREE")
    assert [a.country for a in target] == ["MWI", "MOZ"]


def test_targets_down_the_chain_of_framed_acts_and_conditions():
    _, _, target, _ = one(events_of("Iran threatened to launch a new offensive unless Baghdad accepted its "
                                    "conditions."), "THREATEN")
    assert [a.country for a in target] == ["IRQ"]
    _, _, target, _ = one(events_of("The opposition insisted on its demand that the Kenyan government release the "
                                    "detainees."), "REQUEST")
    assert [(a.country, a.sectors) for a in target] == [("KEN", ["GOV"])]
    _, _, target, _ = one(events_of("Sudan refused to allow United Nations helicopters to land in Darfur."), "REJECT")
    assert "IGO" in {a.country for a in target}


@pytest.mark.parametrize("text, plover_type, country", [
    ("The rebels agreed to a ceasefire in Yemen.", "AGREE", "YEM"),
    ("The president lifted a state of emergency in northern parts of Ethiopia.", "CONCEDE", "ETH"),
    ("Ankara refuses to lift the ban on Cypriot ships.", "REJECT", "CYP"),
])
def test_places_and_phrases_that_name_the_state_acted_on(text, plover_type, country):
    _, _, target, _ = one(events_of(text), plover_type)
    assert [a.country for a in target] == [country]


def test_an_unresolved_pronoun_object_is_the_target_not_a_reason_to_look_further():
    """"urging him to send troops to Monrovia": the capital is where the troops go, not whom the appeal is to."""
    for e, _, target, _ in events_of("A group of prominent Liberians have written to President George Bush urging "
                                     "him to send U.S. peacekeeping troops to their capital Monrovia."):
        if e.plover_type == "REQUEST":
            assert "LBR" not in {a.country for a in target}


def test_the_expelled_are_the_target_of_an_expulsion():
    _, _, target, _ = one(events_of("Rwanda expelled two French diplomats from Kigali."), "SANCTION")
    assert "FRA" in {a.country for a in target} and "RWA" not in {a.country for a in target}


def test_stance_participles_and_transfer_nouns_find_their_doer():
    _, source, target, _ = one(events_of("The Kenyan government is committed to opening up the economy."), "AGREE")
    assert [a.country for a in source] == ["KEN"] and not target
    _, source, target, _ = one(events_of("The United States completed its withdrawal of troops from Iraq."),
                               "RETREAT")
    assert [a.country for a in source] == ["USA"] and [a.country for a in target] == ["IRQ"]


def test_triple_scoring_matches_codes_one_to_one():
    """The eval's (source, target, type) triples: reciprocal gold actors take none or each other as target."""
    from eventwire.evaluate._events import _match_triples, gold_triples
    from eventwire.records import Actor

    record = {"event": "AGREE", "source": [{"actorText": "Jordan", "code": "JOR"},
                                           {"actorText": "Britain", "code": "GBR", "sector": "GOV"}],
              "target": "", "textInfo": {"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have agreed"}}
    gold = gold_triples(record)
    assert len(gold) == 2
    jordan, britain = Actor("a1", "Jordan", [], country="JOR"), Actor("a2", "Britain", [], country="GBR")
    assert _match_triples(gold, [(jordan, britain, "AGREE"), (britain, None, "AGREE")], with_sector=False) == 2
    # the gold gives Britain a sector: both of its triples then need it
    assert _match_triples(gold, [(jordan, britain, "AGREE"), (britain, None, "AGREE")], with_sector=True) == 0
    britain.sectors = ["GOV"]
    assert _match_triples(gold, [(jordan, britain, "AGREE"), (britain, None, "AGREE")], with_sector=True) == 2
    assert _match_triples(gold, [(jordan, None, "CONSULT")], with_sector=False) == 0


def test_a_direct_object_that_is_no_actor_still_ends_the_target_search():
    """"urging officials to push the president": the officials are urged, not the president."""
    for e, _, target, _ in events_of("Republican experts signed a letter urging officials to push President Trump "
                                     "to concede."):
        if e.plover_type == "REQUEST":
            assert "Donald Trump" not in {a.name for a in target}


def test_own_forces_are_no_target_beside_another_state():
    _, source, target, _ = one(events_of("Chile offered its troops to Peru's president."), "AGREE")
    assert codes(source) == {"CHL"} and codes(target) == {"PERGOV"}


def test_a_purpose_clause_acts_on_the_object_of_its_verb():
    _, source, target, _ = one(events_of(
        "The Chilean foreign minister summoned Peru's ambassador to complain about the fishing dispute."), "ACCUSE")
    assert codes(source) == {"CHLGOV"} and codes(target) == {"PERGOV"}


@pytest.mark.parametrize("text, kind, targets", [
    ("Kenya's president reneged on his commitment to Somalia.", "REJECT", {"SOM"}),
    ("Norway said it would host a meeting between Colombia and Venezuela.", "AGREE", {"COL", "VEN"}),
    ("Turkey threatened to cut ties with Sweden over its support for Kurdish rebels.", "THREATEN", {"SWE"}),
])
def test_a_prepositional_object_stands_for_whom_its_phrase_is_aimed_at(text, kind, targets):
    assert codes(one(events_of(text), kind)[2]) == targets


@pytest.mark.parametrize("text, kind, targets", [
    ("Pakistan has refused to deploy peacekeepers in Iraq.", "REJECT", {"IRQ"}),
    ("Iranian forces seized a tanker from Britain.", "COERCE", {"GBR"}),
    ("Thousands of Syrian refugees sought asylum in Austria.", "REQUEST", {"AUT"}),
])
def test_where_forces_go_whom_things_are_taken_from_and_where_asylum_is_sought(text, kind, targets):
    assert codes(one(events_of(text), kind)[2]) == targets


@pytest.mark.parametrize("text, code", [
    ("Hamas rebels will not release the hostages.", "1243"),  # refusing to yield is 124x, not 123x
    ("The EU will not lift the embargo on China.", "1244"),
    ("Thousands of Syrian refugees sought asylum in Austria.", "1033"),
    ("The Turkish president called his French counterpart on Tuesday.", "041"),  # a date is no "call on"
    ("The UN called on Israel to lift the blockade.", "025"),  # the more specific of two frames that fit
])
def test_cameo_code_choice(text, code):
    assert distinct_codes(text) == [code]


@pytest.mark.parametrize("text, code", [
    ("Hamas militants killed two Israeli soldiers.", "190"),  # the means unnamed: the root, not 1823
    ("A roadside bomb killed three Afghan soldiers.", "1833"),
    ("Two Palestinian suicide bombers killed 23 Israelis.", "1831"),
    ("Russian troops killed five Ukrainian civilians in an airstrike.", "195"),
    ("Two Iraqi policemen were killed by a bomb.", "183"),  # a passive's agent is the doer
])
def test_a_killing_is_coded_by_its_means(text, code):
    assert one(events_of(text), "ASSAULT")[0].cameo_code == code


@pytest.mark.parametrize("text, kind, targets", [
    ("Russia said it had expelled diplomats from Poland, Germany and Sweden.", "SANCTION", {"POL", "DEU", "SWE"}),
    ("An Italian minister condemned the terrorist attacks in Tehran.", "ACCUSE", {"IRN"}),
    ("Nigeria announced the deployment of 230 Nigerian troops.", "MOBILIZE", set()),  # own forces moved
])
def test_more_targets(text, kind, targets):
    assert {a.country for a in one(events_of(text), kind)[2]} == targets


def test_a_call_for_someone_to_act_is_an_appeal_to_them():
    e, source, target, _ = one(events_of("French ministers had called for Burma to institute reforms."), "REQUEST")
    assert e.cameo_root == "02" and codes(target) == {"MMR"}


def test_a_reason_is_no_target_and_a_purpose_is():
    assert codes(one(events_of("The Palestinians blamed Israel for the killing of Raed Karmi."), "ACCUSE")[2]) \
        == {"ISR"}
    assert "IRQ" in codes(one(events_of("Britain mobilized army reservists for a war against Iraq."), "MOBILIZE")[2])


def test_whom_an_appeal_is_to_acts_and_is_no_target_of_the_act():
    # the object of "pressured" would act; nothing is done to them
    for e, source, target, _ in events_of("Kenyan activists persuaded the Ugandan president to lift the curfew."):
        assert "UGAGOV" not in codes(target)


def test_a_framing_frame_names_its_own_act_not_a_deeper_one():
    e, *_ = one(events_of("Joe Biden called on the President to demand that Turkey end its offensive."), "REQUEST")
    assert e.cameo_code == "020"  # no call to end (025)
    # … also through a clause the parser hung on the object (the granted right 0833, announced: intent 034)
    assert one(events_of("Turkey will allow 13,000 Kurdish refugees who have lived in Iraq to return home."),
               "AGREE")[0].cameo_code == "034"


def test_forces_that_move_with_no_sender_named_are_the_source():
    _, source, target, _ = one(events_of("The withdrawal of Russian troops from Syria began on Monday."), "RETREAT")
    assert codes(source) == {"RUSMIL"} and codes(target) == {"SYR"}


@pytest.mark.parametrize("text, code", [
    ("The Pakistani government has ordered patrols by police after violent protests.", "150"),
    ("Indian and Chinese troops began joint patrols.", "062"),
    ("Rebels in the Ivory Coast on Tuesday blocked transport into Abidjan.", "144"),
])
def test_patrols_and_blockades(text, code):
    assert distinct_codes(text) == [code]


@pytest.mark.parametrize("text, codes_", [
    ("The EU handed over medical supplies to the Nigerian government.", ["073"]),
    ("The Bolivian president lifted the state of emergency declared March 27, 2019.", ["0814"]),  # no march
])
def test_handing_over_aid_and_no_month_is_a_march(text, codes_):
    assert [e.cameo_code for e, *_ in events_of(text)] == codes_


def test_a_light_verbs_pronoun_subject_is_the_speaker_and_a_helper_is_no_target():
    _, source, target, _ = one(events_of(
        "NATO confirmed on Wednesday it would tighten the naval blockade of Serbia with Albania's help."), "THREATEN")
    assert codes(source) == {"IGOWSTNAT"} and {a.country for a in target} == {"SRB"}


@pytest.mark.parametrize("text, code", [
    ("The Egyptian army overthrew President Morsi.", "180"),
    ("Bolivian authorities forbade the opposition from holding rallies.", "172"),
])
def test_overthrowing_and_forbidding(text, code):
    assert events_of(text)[0][0].cameo_code == code


@pytest.mark.parametrize("text, codes_", [
    ("Netanyahu called the Australian prime minister on Wednesday.", ["041"]),
    ("The Turkish president called Britain's ambassador a very stupid guy.", []),  # naming, no phone call
    ("The Turkish president called the Dutch prime minister nasty.", []),
])
def test_a_phone_call_is_no_naming(text, codes_):
    assert distinct_codes(text) == codes_


def test_observers_deployed_are_no_show_of_force():
    assert not [e for e, *_ in events_of("The European Union has deployed election observers in Zimbabwe.")
                if e.plover_type == "MOBILIZE"]


def test_an_announced_deployment_is_a_flagged_mobilization_not_a_threat():
    e, source, target, _ = one(events_of("Spain will send 300 soldiers to Lebanon."), "MOBILIZE")
    assert e.hypothetical and codes(target) == {"LBN"}


def test_who_orders_an_act_does_it():
    _, source, _, _ = one(events_of(
        "The government of Punjab province has ordered patrols by police and paramilitary soldiers."), "MOBILIZE")
    assert codes(source) == {"PAKGOV"}


# -- two-way events between coordinated actors ---------------------------------------------------------------------

def _dyads(events, plover_type):
    """(source countries, target countries) of each event of a type."""
    return {(frozenset(a.country for a in s), frozenset(a.country for a in t)) for e, s, t, _ in events
            if e.plover_type == plover_type}


@pytest.mark.parametrize("text, plover_type, pair", [
    ("Germany and France signed a treaty on Monday.", "SUPPORT", ("DEU", "FRA")),
    ("Talks between Israel and Syria resumed on Monday.", "CONSULT", ("ISR", "SYR")),
    ("Japan and India agreed to hold joint naval exercises.", "AGREE", ("JPN", "IND")),
    ("Russian and Chinese troops clashed on the border.", "ASSAULT", ("RUS", "CHN")),
])
def test_a_symmetric_act_between_coordinated_actors_is_one_event_per_direction(text, plover_type, pair):
    events = events_of(text)
    a, b = pair
    assert _dyads(events, plover_type) == {(frozenset({a}), frozenset({b})), (frozenset({b}), frozenset({a}))}
    both = [e for e, *_ in events if e.plover_type == plover_type]
    assert len({(e.trigger.start, e.cameo_code, e.confidence, e.hypothetical) for e in both}) == 1
    assert len({e.id for e, *_ in events}) == len(events)


def test_a_one_sided_act_between_coordinated_actors_stays_one_event():
    events = events_of("Brazil and Argentina condemned Venezuela on Monday.")
    assert _dyads(events, "ACCUSE") == {(frozenset({"BRA", "ARG"}), frozenset({"VEN"}))}
    # an attack done together is no fight between them
    events = events_of("American and British warplanes attacked on Monday.")
    assert _dyads(events, "ASSAULT") == {(frozenset({"USA", "GBR"}), frozenset())}


def _event(code, source, target, **kw):
    from eventwire.records import ActorRef, Event, Span

    refs = {n: ActorRef(n, Span(i * 10, i * 10 + 5, n)) for i, n in enumerate(("a1", "a2", "a3", "a4"))}
    lex = load_lexicon()
    c = lex.codes[code]
    return Event(id="e1", sentence=Span(0, 50, "x" * 50), trigger=Span(40, 45, "agree"),
                 source=[refs[n] for n in source], target=[refs[n] for n in target], plover_type=c.plover_type,
                 cameo_code=code, **kw)


def _two_way(*events):
    """The events ``two_way`` makes of ``events`` (triggers on no token of a blank document: no "between")."""
    import spacy

    from eventwire.events._pairs import two_way

    lex = load_lexicon()
    return two_way(spacy.blank("en")("x " * 30), list(events), lex.words("reciprocal_roots"),
                   lex.words("reciprocal_words"), lex.words("reciprocal_partner_roots"))


def _roles(events):
    return [([r.actor_id for r in e.source], [r.actor_id for r in e.target]) for e in events]


def test_two_way_pairs_copy_modality_and_reporter_and_need_two_actors():
    reporter = _event("057", ["a4"], []).source
    out = _two_way(_event("057", ["a1", "a2"], [], negated=True, reported_by=reporter, confidence=0.7))
    assert _roles(out) == [(["a1"], ["a2"]), (["a2"], ["a1"])]
    assert all(e.negated and e.reported_by == reporter and e.confidence == 0.7 for e in out)
    assert [e.id for e in out] == ["e1", "e2"]
    # the same actor twice is no pair; a one-sided code is left alone
    assert _roles(_two_way(_event("057", ["a1", "a1"], []))) == [(["a1", "a1"], [])]
    assert _roles(_two_way(_event("111", ["a1", "a2"], []))) == [(["a1", "a2"], [])]


def test_a_partner_is_a_party_only_for_meetings_and_agreements_signed():
    # "A and B met C": A and B meet C, not each other
    assert _roles(_two_way(_event("040", ["a1", "a2"], ["a3"]))) == [
        (["a1"], ["a3"]), (["a2"], ["a3"]), (["a3"], ["a1"]), (["a3"], ["a2"])]
    # "A agreed with B", "A and B fought C": one way
    assert _roles(_two_way(_event("036", ["a1"], ["a2"]))) == [(["a1"], ["a2"])]
    assert _roles(_two_way(_event("190", ["a1", "a2"], ["a3"]))) == [(["a1", "a2"], ["a3"])]
    # a compound target with no source pairs only inside a "between" phrase of the trigger
    assert _roles(_two_way(_event("057", [], ["a1", "a2"]))) == [([], ["a1", "a2"])]


# -- arguments on hand-built parses: the parser errors and phrase shapes the argument rules read past ----------------

def parsed(spec: str):
    """A Doc from ``word/POS/dep/head-index`` items (a head of ``-`` is the root), tags VBN/VBG where marked
    (``word/VERB:VBG/...``), lemmas lower-cased words."""
    import spacy
    from spacy.tokens import Doc

    items = [item.split("/") for item in spec.split()]
    words = [w for w, *_ in items]
    pos = [p.split(":")[0] for _, p, *_ in items]
    tags = [p.split(":")[1] if ":" in p else "" for _, p, *_ in items]
    heads = [n if h == "-" else int(h) for n, (*_, h) in enumerate(items)]
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, tags=tags, deps=[d for _, _, d, _ in items], heads=heads,
               lemmas=[w.lower() for w in words])


def refs_at(doc, *indices):
    from eventwire.records import ActorRef, Span

    return {i: ActorRef(f"a{i}", Span.of(doc.text, doc[i].idx, doc[i].idx + len(doc[i]))) for i in indices}


@pytest.fixture(scope="module")
def detector():
    from eventwire.events import event_coder

    return event_coder(())


def test_a_subject_hung_on_the_auxiliary_is_the_verbs(detector):
    # "Britain and France however have opposed resolutions": spaCy hangs the subject on "have"
    doc = parsed("Britain/PROPN/nsubj/4 and/CCONJ/cc/0 France/PROPN/conj/0 however/ADV/advmod/5 "
                 "have/AUX/aux/5 opposed/VERB/ROOT/- resolutions/NOUN/dobj/5")
    assert [t.text for t in detector._subject(doc[5])] == ["Britain"]


def test_a_verb_tagged_as_a_noun_lends_its_subject_to_its_conjunct(detector):
    # "The government rejects and condemns the decision", with "rejects" tagged a noun
    doc = parsed("government/NOUN/nsubj/1 rejects/NOUN/ROOT/- and/CCONJ/cc/1 condemns/VERB/conj/1 "
                 "decision/NOUN/dobj/3")
    assert [t.text for t in detector._subject(doc[3])] == ["government"]


def test_a_statement_that_calls_on_someone_is_its_issuers_call(detector):
    doc = parsed("Amnesty/PROPN/nsubj/1 issued/VERB/ROOT/- statement/NOUN/dobj/1 calling/VERB:VBG/acl/2 "
                 "on/ADP/prep/3 Kenya/PROPN/pobj/4")
    entry = detector._entry(doc[3]) or next(iter(detector.lex.verbs["call"]))
    args = detector._verb_args(doc[3], entry, refs_at(doc, 0, 5))
    assert [t.text for t in args.source] == ["Amnesty"]


def test_instruments_fired_by_an_actor_stand_for_it():
    from eventwire.events._syntax import _refs

    # "The rockets fired by Hamas hit …": the subject names no actor, its participle's agent does
    doc = parsed("rockets/NOUN/nsubj/4 fired/VERB:VBN/acl/0 by/ADP/agent/1 Hamas/PROPN/pobj/2 hit/VERB/ROOT/- "
                 "post/NOUN/dobj/4")
    assert [r.actor_id for r in _refs([doc[0]], refs_at(doc, 3))] == ["a3"]


def test_actors_coordinated_inside_an_argument_phrase_are_all_targets():
    from eventwire.events._syntax import _refs

    # "expelled diplomats from Estonia, Latvia and Lithuania": one mention "diplomats from Estonia" and two states
    doc = parsed("expelled/VERB/ROOT/- diplomats/NOUN/dobj/0 from/ADP/prep/1 Estonia/PROPN/pobj/2 "
                 "Latvia/PROPN/conj/3 and/CCONJ/cc/4 Lithuania/PROPN/conj/4")
    at = refs_at(doc, 1, 4, 6)
    at[3] = at[1]
    assert [r.actor_id for r in _refs([doc[1]], at)] == ["a1", "a4", "a6"]
    # "sanctions against the company Glavkosmos and the agency ISRO": the conjunct hangs on the apposition
    doc = parsed("sanctions/NOUN/ROOT/- against/ADP/prep/0 company/NOUN/pobj/1 Glavkosmos/PROPN/appos/2 "
                 "and/CCONJ/cc/3 ISRO/PROPN/conj/3")
    assert [r.actor_id for r in _refs([doc[2]], refs_at(doc, 3, 5))] == ["a3", "a5"]
    # "The United States, India, Israel and Pakistan have sent …": a list whose second item is parsed an apposition
    doc = parsed("States/PROPN/nsubj/6 ,/PUNCT/punct/0 India/PROPN/appos/0 Israel/PROPN/conj/2 and/CCONJ/cc/3 "
                 "Pakistan/PROPN/conj/3 sent/VERB/ROOT/-")
    assert [r.actor_id for r in _refs([doc[0]], refs_at(doc, 0, 2, 3, 5))] == ["a0", "a2", "a3", "a5"]
    # "the neighboring country, Venezuela": an apposition alone names the same actor, no other
    doc = parsed("country/NOUN/dobj/2 Venezuela/PROPN/appos/0 borders/VERB/ROOT/-")
    assert [r.actor_id for r in _refs([doc[0]], refs_at(doc, 0, 1))] == ["a0"]


def test_a_second_object_parsed_as_a_conjunct_of_the_verb_is_a_target(detector):
    doc = parsed("government/NOUN/nsubj/1 outlawed/VERB/ROOT/- ANC/PROPN/dobj/1 and/CCONJ/cc/1 PAC/PROPN/conj/1")
    assert [t.text for t in detector._objects(doc[1], ("against",), refs_at(doc, 2, 4))] == ["ANC", "PAC"]
    # a verb coordinated with the verb is no object
    doc = parsed("government/NOUN/nsubj/1 banned/VERB/ROOT/- ANC/PROPN/dobj/1 and/CCONJ/cc/1 arrested/VERB/conj/1")
    assert [t.text for t in detector._objects(doc[1], ("against",), refs_at(doc, 2))] == ["ANC"]


def test_coordinated_event_nouns_share_their_target(detector):
    # "launched air and artillery strikes on X", parsed with "strikes" a conjunct of "air" and "on" on "air"
    doc = parsed("military/NOUN/nsubj/1 launched/VERB/ROOT/- air/NOUN/dobj/1 and/CCONJ/cc/2 "
                 "artillery/NOUN/compound/5 strikes/NOUN/conj/2 on/ADP/prep/2 troops/NOUN/pobj/6")
    entry = next(e for e in detector.lex.nouns["strike"] if not e.governors and not e.objects)
    assert [t.text for t in detector._noun_args(doc[5], entry).target] == ["troops"]


def test_a_coercive_or_violent_act_with_no_doer_named_is_the_doing_of_the_state_it_happens_in():
    ((arrest, source, target, _),) = [x for x in events_of("The journalist was arrested on Monday in Niger.")
                                      if x[0].cameo_code.startswith("17")]
    assert codes(source) == {"NER"} and target
    bomb = one(events_of("A bomb near the town of Kirkuk killed three Iraqi policemen."), "ASSAULT")
    assert {a.country for a in bomb[1]} == {"IRQ"}
    # a named doer stays the doer; a protest held somewhere is no act of that place's state
    police = one(events_of("Police arrested the journalist in Niger."), "COERCE")
    assert [a.name for a in police[1]] != ["Niger"] and police[1]
    assert not one(events_of("Thousands of workers demonstrated in Kenya."), "PROTEST")[2]
    # a doer inferred from the scene is weaker evidence than a named one
    named = one(events_of("Police in Niger arrested the journalist on Monday."), "COERCE")
    assert arrest.confidence < named[0].confidence


def test_an_announced_deployment_goes_where_the_announcing_verb_sends_it():
    _, source, target, _ = one(events_of("Kenya announced the deployment of 300 troops, including 20 officers, "
                                         "to Somalia."), "MOBILIZE")
    assert codes(source) == {"KEN"} and codes(target) == {"SOM"}


def test_a_participle_parsed_as_the_subject_gives_way_to_its_own_subject(detector):
    # "The Red Cross operating in Iraq said …", with "operating" the subject and "Cross" its subject
    doc = parsed("Cross/PROPN/nsubj/1 operating/VERB:VBG/nsubj/4 in/ADP/prep/1 Iraq/PROPN/pobj/2 said/VERB/ROOT/-")
    assert [t.text for t in detector._subject(doc[4])] == ["Cross"]


def test_between_parties_of_two_states_a_place_of_either_is_no_third_party():
    pairs = {(codes(s).pop(), codes(t).pop()) for e, s, t, _ in events_of("Israel and Hamas agreed to a ceasefire in "
                                                                            "Gaza.") if e.plover_type == "AGREE"}
    assert pairs == {("ISR", "PSEREB"), ("PSEREB", "ISR")}
    # a third state stays a target, and so does a body of either party's state
    _, source, target, _ = one(events_of("Egypt and Jordan condemned the Palestinian Authority."), "ACCUSE")
    assert {a.country for a in target} == {"PSE"}
    _, source, target, _ = one(events_of("Egypt and Jordan condemned the Jordanian parliament."), "ACCUSE")
    assert codes(target) == {"JORLEG"}


def test_a_coordinated_passive_with_an_agent_is_done_by_the_agent_to_the_shared_subject(detector):
    # "The leader was arrested and was released by the army"
    doc = parsed("leader/NOUN/nsubjpass/2 was/AUX/auxpass/2 arrested/VERB:VBN/ROOT/- and/CCONJ/cc/2 "
                 "was/AUX/auxpass/5 released/VERB:VBN/conj/2 by/ADP/agent/5 army/NOUN/pobj/6")
    entry = next(iter(detector.lex.verbs["release"]))
    args = detector._verb_args(doc[5], entry, refs_at(doc, 0, 7))
    assert [t.text for t in args.source] == ["army"] and [t.text for t in args.target] == ["leader"]


def test_what_parties_do_together_is_about_its_topic_not_done_to_it():
    pairs = {(codes(s).pop(), codes(t).pop()) for e, s, t, _ in events_of(
        "Germany and France agreed to share information on North Korea.") if e.plover_type == "AGREE"}
    assert pairs == {("DEU", "FRA"), ("FRA", "DEU")}
    # a partner named beside the topic stays the partner
    pairs = {(codes(s).pop(), codes(t).pop()) for e, s, t, _ in events_of(
        "Germany and France held talks with Russia over Ukraine.") if e.plover_type == "CONSULT"}
    assert ("DEU", "RUS") in pairs and not any("UKR" in p for p in pairs)


def test_an_event_object_owned_by_a_pronoun_is_the_subjects():
    _, source, target, _ = one(events_of("Germany has reinforced its commitment to Syrian refugees."), "AGREE")
    assert codes(source) == {"DEU"} and {a.country for a in target} == {"SYR"}
