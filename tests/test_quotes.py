"""Quotes: quotation marks, speakers, cues, channels, reported speech and its link to events."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from eventwire import Article, analyze, load_settings
from eventwire.cli import cli
from eventwire.quotes import CuesError, find_quoted, load_cues


def quotes_of(text: str, date: str | None = "2024-05-01"):
    (doc,) = analyze([Article(id="t", text=text, date=date)], load_settings())
    names = {a.id: a.name for a in doc.actors}
    out = []
    for q in doc.quotes:
        assert text[q.content.start:q.content.end] == q.content.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        speaker = names[q.speaker.actor_id] if q.speaker else None
        out.append((q.kind, q.content.text, speaker, q.cue.text if q.cue else None, q.channel))
    return out, doc


def quoted_texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


# --- quotation marks (no parse) ---------------------------------------------------------------------------

def test_curly_straight_and_double_apostrophe_marks():
    assert quoted_texts("He said “we will win.” Then: \"no deal.\" And ``fine by me,'' she said.") == [
        "we will win.", "no deal.", "fine by me,"]


def test_quote_over_several_paragraphs_is_one_quote():
    text = "She said:\n\n“The first part.\n\n“The second part.”\n\nShe left."
    (q,) = find_quoted(text)
    assert text[q.start:q.end] == "The first part.\n\n“The second part."
    assert q.paragraphs == 2


def test_quote_split_by_its_attribution_gives_two_stretches():
    assert quoted_texts("“We will not yield,” he said, “whatever they do.”") == ["We will not yield,",
                                                                                  "whatever they do."]


def test_a_quotation_opened_with_a_curly_mark_and_closed_with_a_straight_one_is_found():
    text = "“We won,” said Ann Lee, an adviser. “They lost it all.\" He left.\n\nHe said \"no.\""
    assert quoted_texts(text) == ["We won,", "They lost it all.", "no."]


def test_straight_marks_that_close_and_reopen_a_curly_quotation_split_it():
    text = '“I heard his speech," Trump said. "He wants to give it away.”'
    assert quoted_texts(text) == ["I heard his speech,", "He wants to give it away."]
    assert quoted_texts('"It was a win,” she said. “A big one." Then.') == ["It was a win,", "A big one."]
    # a quotation nested in another is still part of it
    assert quoted_texts('“He called it "junk" today,” she said.') == ['He called it "junk" today,']


def test_an_opening_mark_typed_to_close_a_quotation_closes_it():
    assert quoted_texts("She said: “The rate is 51 percent.“ Then she left. “Next,” he said.") == [
        "The rate is 51 percent.", "Next,"]


def test_attribute_values_of_markup_left_in_the_text_are_no_quotations():
    text = 'She tweeted:\n\n<tweet author="Ann" id="42">Enough is enough</tweet>. Then "we act," she said.'
    assert quoted_texts(text) == ["we act,"]


def test_unbalanced_mark_does_not_swallow_the_article():
    text = "He called it “a scandal.\n\nThe next paragraph is news.\n\n“A real quote,” she said."
    assert quoted_texts(text) == ["A real quote,"]


def test_nested_single_quotes_stay_inside():
    assert quoted_texts("“They told us ‘go home’ and left,” he said.") == ["They told us ‘go home’ and left,"]


def test_a_closing_mark_typed_to_open_a_paragraph_opens_it():
    text = "“A real disgrace.” ― Ann Lee\n”Fear. I am afraid.” ― Karen Bo\n“Next one.” ― Bob Day"
    assert quoted_texts(text) == ["A real disgrace.", "Fear. I am afraid.", "Next one."]


def test_british_single_quotes_when_no_double_ones():
    assert quoted_texts("The minister said: ‘We are ready to talk.’ It’s a start.") == ["We are ready to talk."]


# --- attribution (parsed) ---------------------------------------------------------------------------------

def test_seed_article_quotes(seed_article_path):
    from eventwire.readers import read_articles

    (article,) = [a for a in read_articles([str(seed_article_path)]) if not hasattr(a, "reason")]
    (doc,) = analyze([article], load_settings())
    names = {a.id: a.name for a in doc.actors}
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.content.text[:20] for q in direct] == ["I don’t believe that", "Colombia and Venezue"]
    assert all(names[q.speaker.actor_id] == "Gustavo Petro" for q in direct)
    assert direct[1].cue.text == "according to"
    def said(speaker, start):
        return next(q for q in doc.quotes if q.speaker and names[q.speaker.actor_id] == speaker
                    and q.content.text.startswith(start))

    claim = said("US Government", "that this group is led by")
    assert claim.kind == "indirect" and claim.cue.text == "claims"
    assert said("Marco Rubio", "that he had raised the reward").channel == "press statement"
    assert said("Gustavo Petro", "that he ordered the military").channel == "post on X"
    assert said("The New York Times", "that US President Donald Trump").channel == "report by the New York Times"
    # nothing else is a quote: “cartels” and “the Bolivarian Revolution” are scare quotes / names
    assert not [q for q in doc.quotes if q.content.text.strip(".“”") in ("cartels", "the Bolivarian Revolution")]
    # Petro responded to the report: its words are the Times', not his
    assert not [q for q in doc.quotes if q.cue and q.cue.text.startswith("respond")]
    # the events told inside a quote are reported by its speaker
    inside = [e for e in doc.events if claim.content.start <= e.trigger.start < claim.content.end]
    assert all(names[r.actor_id] == "US Government" for e in inside for r in e.reported_by)


def test_speaker_after_before_and_inside():
    quotes, _ = quotes_of("“We will never surrender to terrorists,” Prime Minister Benjamin Netanyahu said on "
                          "Sunday. Joe Biden said: “The alliance is stronger than ever before.”")
    assert [(k, s, c) for k, _, s, c, _ in quotes] == [("direct", "Benjamin Netanyahu", "said"),
                                                        ("direct", "Joe Biden", "said")]


def test_split_quote_is_one_quote_with_its_speaker():
    text = "“We will not yield,” Zelensky said on Monday, “whatever Moscow demands of us.”"
    quotes, doc = quotes_of(text)
    assert quotes == [("direct", text[1:-1], "Volodymyr Zelenskyy", "said", None)]
    # the record also lists the two runs of quoted words, without the attribution between them
    assert [p.text for p in doc.quotes[0].parts] == ["We will not yield,", "whatever Moscow demands of us."]
    _, doc = quotes_of("“We will not yield,” Zelensky said. He says that Moscow lies.")
    assert [len(q.parts) for q in doc.quotes] == [1, 0]  # one run; reported speech has no quoted parts


def test_run_of_quotes_by_one_speaker_is_one_quote_but_another_speaker_starts_a_new_one():
    quotes, _ = quotes_of("“This just isn’t right,” Warren said. “You should resign at once.” "
                          "“Nonsense, and you know it,” said Stumpf.", date="2016-09-20")
    assert [(q[2].split()[-1], q[1][:12]) for q in quotes] == [("Warren", "This just is"), ("Stumpf", "Nonsense, an")]


def test_pronoun_speaker_follows_coreference():
    quotes, _ = quotes_of("German Chancellor Olaf Scholz met the press in Berlin. “Europe must defend itself "
                          "and its values,” he told reporters.", date="2023-03-01")
    assert quotes == [("direct", "Europe must defend itself and its values,", "Olaf Scholz", "told", None)]


def test_unknown_speaker_becomes_its_own_actor_and_unresolved_pronoun_stays_null():
    quotes, _ = quotes_of("“The talks have collapsed and nobody knows what comes next,” a senior diplomat said. "
                            "“It is over now, there is nothing left,” they said.")
    assert quotes[0][2].endswith("senior diplomat")
    assert quotes[1][2] is None


def test_paragraph_quote_continues_previous_speaker():
    # the next paragraph's cue-less quotation goes on with the run before it: one quote, Lula's
    quotes, _ = quotes_of("“We are ready for peace talks with our neighbours,” President Lula said.\n\n"
                          "“But nobody should doubt that Brazil will defend its borders.”", date="2024-01-10")
    assert [(s, c.split()[-1]) for _, c, s, _, _ in quotes] == [("Luiz Inácio Lula da Silva", "borders.")]


def test_quote_after_another_speakers_paragraph_keeps_its_own_speaker():
    quotes, _ = quotes_of("“We are ready for peace talks with our neighbours,” President Lula said.\n\n"
                          "Argentina disagreed. “Nobody believes a word of it,” Javier Milei said.", date="2024-01-10")
    assert [s for _, _, s, _, _ in quotes] == ["Luiz Inácio Lula da Silva", "Javier Milei"]


def test_relative_pronoun_speaker_is_the_antecedent():
    quotes, _ = quotes_of("The deal was criticised by Senator Bernie Sanders, who said that it would cost jobs.",
                          date="2024-01-10")
    (quote,) = [q for q in quotes if q[3] == "said"]
    assert quote[2] == "Bernie Sanders"


def test_scare_quotes_and_titles_are_not_quotes_but_a_called_phrase_is_mixed():
    quotes, _ = quotes_of("The plan was seen as a “disaster” in Berlin. Officials praised the film “Gone With The "
                          "Wind Of Change Forever” on Friday. Sanders called the plan a “total disaster” for workers.")
    # the praise is reported (a stance), but the title in marks does not make it a quotation
    assert [(k, c, s.split()[-1], cue) for k, c, s, cue, _ in quotes] == [
        ("indirect", "the film “Gone With The Wind Of Change Forever” on Friday", "Officials", "praised"),
        ("mixed", "the plan a “total disaster” for workers", "Sanders", "called")]


def test_a_word_or_two_in_marks_after_a_verb_not_of_saying_is_a_scare_quote():
    quotes, _ = quotes_of("Tom Clarke has bought nursing homes and a “philanthropub” in Roanoke. Tom Clarke praised the "
                          "mayor as a “strong and fearless leader” on Monday.")
    assert [(k, c) for k, c, _, _, _ in quotes] == [("mixed", "the mayor as a “strong and fearless leader” on Monday")]


def test_a_colon_ending_the_paragraph_before_introduces_the_quotation():
    quotes, _ = quotes_of("On July 6, Bernie Sanders made the following comment:\n\n“For young people who have "
                          "graduated high school, the unemployment rate is 33 percent.”")
    assert [(k, s) for k, _, s, _, _ in quotes] == [("direct", "Bernie Sanders")]


def test_indirect_speech_forms():
    quotes, _ = quotes_of("Iran's foreign minister warned that any attack would be met with force. "
                          "The army is losing ground, according to Ukrainian officials. "
                          "Putin's statement that the war would end soon was dismissed by Kyiv.", date="2022-06-01")
    kinds = [(k, c, cue) for k, c, _, cue, _ in quotes]
    assert ("indirect", "that any attack would be met with force", "warned") in kinds
    assert ("indirect", "The army is losing ground", "according to") in kinds
    assert ("indirect", "that the war would end soon", "statement") in kinds, kinds


def test_attribution_frames_beyond_the_that_clause():
    quotes, _ = quotes_of("Senator Bernie Sanders vowed to fight the merger. Warren urged regulators to block the deal. "
                          "Sanders cited rising prices. Critics called the merger reckless. Sanders called a meeting. "
                          "Warren called for an inquiry. The merger, Sanders said, would hurt families. "
                          "Warren's comments on the merger angered the firm.", date="2024-01-10")
    found = {(c, cue) for _, c, _, cue, _ in quotes}
    assert {("to fight the merger", "vowed"), ("regulators to block the deal", "urged"),
            ("rising prices", "cited"), ("the merger reckless", "called"), ("an inquiry", "called"),
            ("The merger, Sanders said, would hurt families", "said"), ("the merger", "comments")} <= found, found
    assert not any(c == "a meeting" for c, _ in found)  # calling a meeting is no judgement


def test_reported_clause_ends_before_an_aside_about_the_speaker():
    quotes, _ = quotes_of("Voters said they had not heard anything new from Senator Bernie Sanders, who also held a "
                          "rally on Friday.", date="2024-01-10")
    assert ("they had not heard anything new from Senator Bernie Sanders", "said") in {
        (c, cue) for _, c, _, cue, _ in quotes}


def test_mixed_quote():
    quotes, _ = quotes_of("Trump said the election had been “rigged” by his opponents.", date="2020-11-10")
    assert [(k, s.split()[-1]) for k, _, s, _, _ in quotes] == [("mixed", "Trump")]


@pytest.mark.parametrize("text", ["“", "”", "\"", "He said “", "“open\n\nclose”", "“” \"\" ''"])
def test_degenerate_marks_never_crash(text):
    _, doc = quotes_of(text + " The end of the story is here.")
    assert not doc.article.errors


def test_channel_forms():
    quotes, _ = quotes_of("In an interview with CNN, Senator Bernie Sanders said that the bill would fail. "
                          "Musk wrote on X that the agency should be closed.", date="2024-02-01")
    channels = {q[1]: q[4] for q in quotes}
    assert channels["that the bill would fail"] == "interview with CNN"
    assert channels["that the agency should be closed"] == "writing on X"


def test_reported_clause_ends_before_a_second_attribution():
    quotes, _ = quotes_of("Senator Ted Cruz said his attacks on Trump had given his campaign momentum and said that "
                          "Trump did not represent the party. Donald Trump insisted that he has “expanded the "
                          "Republican party,” claiming that he is responsible for higher turnout.", date="2016-03-01")
    found = {(k, c, cue) for k, c, _, cue, _ in quotes}
    assert ("indirect", "his attacks on Trump had given his campaign momentum", "said") in found, found
    assert ("indirect", "that Trump did not represent the party", "said") in found
    # the quotation's closing mark stays with the content that opens it
    assert ("mixed", "that he has “expanded the Republican party,”", "insisted") in found
    assert ("indirect", "that he is responsible for higher turnout", "claiming") in found


def test_a_quotations_cue_in_its_own_sentence_beats_one_in_the_next():
    quotes, _ = quotes_of("Senator Ted Cruz spoke in Houston on Monday. Asked about the delegates, he said, “We will "
                          "win this race.” Asked again, the senator declined to say more.", date="2016-03-01")
    assert ("direct", "We will win this race.", "Ted Cruz", "said") in {q[:4] for q in quotes}, quotes


def test_unresolved_personal_pronoun_speaker_is_the_person_named_just_before():
    _, doc = quotes_of("Protesters gathered outside the hall where Senator Ted Cruz spoke. Later his remark that "
                            "the wall would be built drew cheers.", date="2016-03-01")
    (remark,) = [q for q in doc.quotes if q.content.text == "that the wall would be built"]
    assert remark.speaker is not None and remark.speaker.span.text == "his"  # the pronoun plays the role here
    assert {a.id: a.name for a in doc.actors}[remark.speaker.actor_id] == "Ted Cruz"


def test_first_person_outside_quotation_marks_is_the_writer():
    quotes, _ = quotes_of("I covered the campaign for a year. I believe that the polls were wrong from the start.")
    assert ("indirect", "that the polls were wrong from the start", "the writer", "believe") in {q[:4] for q in quotes}


def test_quotations_signed_with_a_dash_stay_apart():
    quotes, _ = quotes_of("Readers wrote in after the debate.\n“He is not fit to lead this great country of ours.” ―\xa0Jorge "
                          "Falcon\n“Maybe we can build a wall around him instead.” ― Steve Quinlan\n“How did we get this "
                          "low as a nation?”\xa0― Jacklyn Ashley\n“He never answered a single question.”― Carla Sanchez\n",
                          date="2016-09-27")
    assert [(c, s.split()[-1]) for _, c, s, _, _ in quotes] == [
        ("He is not fit to lead this great country of ours.", "Falcon"),
        ("Maybe we can build a wall around him instead.", "Quinlan"),
        ("How did we get this low as a nation?", "Ashley"), ("He never answered a single question.", "Sanchez")], quotes


def test_object_frames_end_before_a_dash_aside_and_the_scene():
    quotes, _ = quotes_of("Laurence Tribe likened the rules to “burning the Constitution” - a charge that stung. "
                          "Bill Clinton criticized the health law as a “crazy system” during a campaign stop in Flint.",
                          date="2016-10-04")
    found = {c for _, c, _, _, _ in quotes}
    assert "the rules to “burning the Constitution”" in found, found
    assert "the health law as a “crazy system”" in found, found


def test_a_name_before_a_colon_signs_the_quotation_after_it():
    quotes, _ = quotes_of("Pollsters disagree about the caucus results.\n\nMore from Jeffrey M. Jones: “The partisanship "
                          "of the state population is a starting point in determining its vote.”", date="2016-02-03")
    assert [(k, s.split()[-1] if s else None) for k, _, s, _, _ in quotes] == [("direct", "Jones")], quotes


def test_a_quoted_phrase_in_an_object_takes_the_whole_object():
    quotes, _ = quotes_of("Donald Trump repeated his “totally rigged system” line at every rally.", date="2016-09-20")
    assert [(k, c) for k, c, _, _, _ in quotes] == [("mixed", "his “totally rigged system” line")], quotes


def test_a_short_exclamation_right_after_a_verb_of_saying_is_a_direct_quote():
    quotes, _ = quotes_of("Hillary Clinton declared “What a Super Tuesday!” before her supporters in Miami.",
                          date="2016-03-01")
    assert ("direct", "What a Super Tuesday!", "Hillary Clinton", "declared") in {q[:4] for q in quotes}, quotes


def test_a_transcript_in_quotation_marks_is_read_turn_by_turn():
    text = ("Partial transcript as follows:\n\n\"WALLACE: Let us start with the debate tomorrow night and the guests "
            "in the front row.\n\n\"PENCE: Well, look, the American people have an important choice to make.\n\n"
            "\"WALLACE: Will she be there tomorrow night?\"")
    quotes, _ = quotes_of(text, date="2016-09-25")
    assert [(c.split()[0], s) for _, c, s, cue, _ in quotes if cue == ":"] == [
        ("Let", "WALLACE"), ("Well,", "PENCE"), ("Will", "WALLACE")], quotes


def test_reported_speech_inside_reported_speech_is_one_quote():
    quotes, _ = quotes_of("Senator Ted Cruz said he expects Donald Trump to lose the nomination in Cleveland.",
                          date="2016-03-01")
    assert [(k, c, s) for k, c, s, _, _ in quotes] == [
        ("indirect", "he expects Donald Trump to lose the nomination in Cleveland", "Ted Cruz")], quotes


def test_a_quotation_going_on_from_a_reported_clause_extends_it():
    quotes, _ = quotes_of("Marco Rubio says no one in the race is “on pace to get 1,237 delegates,” the number "
                          "needed for the nomination.", date="2016-03-15")
    assert [k for k, *_ in quotes] == ["mixed"], quotes
    assert quotes[0][1].startswith("no one in the race is “on pace"), quotes


def test_it_speaker_goes_on_from_the_organisation_that_spoke_before():
    _, doc = quotes_of("“Mr. Trump has managed to erase much of his debt,” the Times wrote in 1996.\n\n“But since "
                       "then, his fortunes have changed for the better,” it further wrote.", date="2016-10-04")
    names = {a.id: a.name for a in doc.actors}
    speakers = [(names[q.speaker.actor_id], q.speaker.span.text) if q.speaker else None for q in doc.quotes]
    assert len(speakers) == 2 and speakers[1] is not None and speakers[1][1] == "it", speakers
    assert speakers[0] is not None and speakers[1][0] == speakers[0][0], speakers


def test_a_quotation_introduced_by_the_next_sentence_is_not_merged_with_the_one_before():
    quotes, _ = quotes_of("My mother got upset, so I had to change my answer: \"Of course I believe in the devil.\" "
                          "To which she said, \"Thank God at least you still believe in the devil.\"", date="2016-10-03")
    contents = [c for k, c, *_ in quotes if k == "direct"]
    assert "Thank God at least you still believe in the devil." in contents, quotes
    assert not any("To which she said" in c for c in contents), quotes


def test_a_participle_after_a_name_is_that_persons_cue():
    quotes, _ = quotes_of("The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might "
                          "ask?”", date="2016-09-30")
    assert ("direct", "Why aren’t I 50 points ahead, you might ask?", "Hillary Clinton") in {q[:3] for q in quotes}, \
        quotes


def test_an_age_descriptor_speaker_is_the_person_named_before():
    quotes, _ = quotes_of("Melania Trump spoke on the first night of the convention.\n\n“Donald is, and always has "
                          "been, an amazing leader,” the 46-year-old said.", date="2016-07-19")
    assert quotes and quotes[0][2] == "Melania Trump", quotes


def test_pronoun_gender_comes_from_the_text():
    from eventwire.quotes._gender import actor_gender
    from eventwire.records import Actor, Mention, Span

    text = "Mr. Clarke spoke. Ms. Lee spoke. She left. Ann Day came."
    clarke = Actor(id="a1", name="Tom Clarke", mentions=[Mention(Span.of(text, 4, 10), "PERSON", 0)])
    lee = Actor(id="a2", name="Ann Lee", mentions=[Mention(Span.of(text, 22, 25), "PERSON", 1),
                                                     Mention(Span.of(text, 32, 35), "PRON", 2)])
    day = Actor(id="a3", name="Ann Day", mentions=[Mention(Span.of(text, 42, 49), "PERSON", 3)])
    assert [actor_gender(a, text) for a in (clarke, lee, day)] == ["m", "f", None]


def test_a_cue_after_a_preposition_takes_the_subject_of_the_verb_before():
    quotes, _ = quotes_of("Mary J. Blige sings to Hillary Clinton before asking her, “I just want to know, where do "
                          "we go from here?”", date="2016-09-28")
    assert ("direct", "I just want to know, where do we go from here?", "Mary J. Blige") in {q[:3] for q in quotes}, \
        quotes


def test_a_short_quotation_after_a_long_attribution_goes_on_with_its_speaker():
    # however long the attribution between them, the two runs are one quotation, with a part each
    quotes, doc = quotes_of("Melanie Smith watched the speech at home.\n\n“It is finished,” Melanie Smith said of "
                            "the election, which she was sure Donald Trump would win in November. “In my head, anyway.”",
                            date="2016-10-02")
    direct = [(s, q.parts) for (k, _, s, _, _), q in zip(quotes, doc.quotes) if k == "direct"]
    assert [(s, [p.text for p in parts]) for s, parts in direct] == [
        ("Melanie Smith", ["It is finished,", "In my head, anyway."])], quotes


def test_a_cueless_quotation_later_in_the_paragraph_is_a_part_of_the_quotation_before():
    quotes, doc = quotes_of("“We had problems with intrusions from Russia in the past,” Obama said after meeting "
                            "Putin. He looked tired. “Our goal is not to start a cycle of escalation.”")
    assert [[p.text for p in q.parts] for q in doc.quotes] == [
        ["We had problems with intrusions from Russia in the past,", "Our goal is not to start a cycle of escalation."]]
    assert quotes[0][2] == "Barack Obama"
    # another quotation between them: the later one is no part of the first (it goes on with the mixed quote)
    quotes, doc = quotes_of("“We had problems with intrusions from Russia,” Obama said. He called it a “bad idea.” "
                            "“Our goal is not to start a cycle of escalation.”")
    assert [p.text for p in doc.quotes[0].parts] == ["We had problems with intrusions from Russia,"]
    assert doc.quotes[-1].parts[-1].text == "Our goal is not to start a cycle of escalation."
    assert [s for _, _, s, _, _ in quotes] == ["Barack Obama"] * len(quotes)


def test_a_mixed_quote_going_on_in_a_quotation_after_its_attribution_is_one_quote_with_two_parts():
    quotes, doc = quotes_of("Italian Prime Minister Matteo Renzi spoke after the meeting. The summit accomplished "
                            "\"too little,\" he added on Twitter. \"Without changing policies, Europe risks a lot.\"")
    assert [(q.kind, [p.text for p in q.parts]) for q in doc.quotes] == [
        ("mixed", ['The summit accomplished "too little,"', "Without changing policies, Europe risks a lot."])]
    assert quotes[0][2] == "Matteo Renzi"


def test_a_mixed_quote_goes_on_in_a_quotation_after_a_long_attribution():
    quotes, doc = quotes_of("Both parties \"saw Burma as a country under pressure from China,\" said Victor Cha, who "
                            "served as Asia director for the National Security Council under President George W. Bush. "
                            "\"In that sense, it was like pushing on an open door.\"")
    assert [len(q.parts) for q in doc.quotes] == [2] and quotes[0][2] == "Victor Cha"


def test_the_next_sentences_cue_is_the_quotations_unless_it_introduces_a_quotation_of_its_own():
    quotes, _ = quotes_of("Melanie Smith watched the speech at home.\n\n“Are you winning?” she said, but the speech "
                          "went on about “how the system is rigged,” and Kevin Brown said yes, over and over again.")
    assert quotes[0][:3] == ("direct", "Are you winning?", "Melanie Smith")


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents=None, tags=None):
    """A hand-made parse (to reproduce a parser's error exactly)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, tags=tags)


def test_a_participle_cue_hung_on_the_quotation_takes_the_subject_of_the_verb_before():
    from eventwire.quotes._speakers import name_beside, subject_before

    # Sanders said, suggesting questions: “Do you think so?”  -- "suggesting" hung on "think"
    words = ["Sanders", "said", ",", "suggesting", "questions", ":", "“", "Do", "you", "think", "so", "?", "”"]
    heads = [1, 1, 1, 9, 3, 9, 9, 9, 9, 1, 9, 9, 9]
    deps = ["nsubj", "ROOT", "punct", "advcl", "dobj", "punct", "punct", "aux", "nsubj", "ccomp", "advmod", "punct",
            "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "VERB", "NOUN", "PUNCT", "PUNCT", "AUX", "PRON", "VERB", "ADV", "PUNCT", "PUNCT"]
    tags = ["NNP", "VBD", ",", "VBG", "NNS", ":", "``", "VBP", "PRP", "VB", "RB", ".", "''"]
    doc = parsed(words, heads, deps, pos, tags=tags)
    quoted = set(range(6, 13))
    assert name_beside(doc[3], quoted) is None
    assert subject_before(doc[3], quoted, doc.text).text == "Sanders"
    assert subject_before(doc[1], quoted, doc.text) is None  # "said" is nobody's participle
    # “No,” Sanders said, going on to say that “…”  -- "say" hung on a verb of the quotation
    words = ["“", "No", ",", "”", "Sanders", "said", ",", "going", "on", "to", "say", "that", "“", "we", "won", "”"]
    heads = [14, 14, 14, 14, 5, 14, 5, 14, 7, 10, 7, 14, 14, 14, 14, 14]
    deps = ["punct", "intj", "punct", "punct", "nsubj", "parataxis", "punct", "advcl", "prt", "aux", "xcomp", "mark",
            "punct", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "ADP", "PART", "VERB", "SCONJ",
           "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, pos, tags=["``", "UH", ",", "''", "NNP", "VBD", ",", "VBG", "RP", "TO", "VB", "IN",
                                                "``", "PRP", "VBD", "''"])
    assert subject_before(doc[10], {0, 1, 2, 3, 12, 13, 14, 15}, doc.text).text == "Sanders"
    # “…,” Flynn, a top surrogate, said.  -- the appositive's head
    words = ["“", "Yes", ",", "”", "Flynn", ",", "a", "top", "surrogate", ",", "said", "."]
    heads = [10, 10, 10, 10, 10, 4, 8, 8, 4, 4, 10, 10]
    deps = ["punct", "intj", "punct", "punct", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    assert name_beside(doc[10], {0, 1, 2, 3}).text == "Flynn"


def test_a_speaker_the_parser_took_from_inside_the_quotation_is_the_name_beside_the_cue():
    from eventwire.quotes._speakers import name_beside

    # “We win,” Tulsa police Chief Chuck Jordan said Monday.  -- "said" hung on "win", its subject "We"
    words = ["“", "We", "win", ",", "”", "Tulsa", "police", "Chief", "Chuck", "Jordan", "said", "Monday", "."]
    heads = [2, 2, 2, 2, 2, 2, 7, 5, 9, 7, 2, 10, 2]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "dep", "compound", "dobj", "compound", "appos", "conj",
            "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN",
           "PUNCT"]
    doc = parsed(words, heads, deps, pos, ents=["O"] * 5 + ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE",
                                                           "O"])
    assert name_beside(doc[10], quoted={0, 1, 2, 3, 4}).text == "Chief"  # the head of "… Chief Chuck Jordan"
    # "“We win,” said Ann Lee." -- the name after the cue
    doc = parsed(["“", "We", "win", ",", "”", "said", "Ann", "Lee", "."], [2, 2, 2, 2, 2, 2, 7, 5, 2],
                 ["punct", "nsubj", "ROOT", "punct", "punct", "conj", "compound", "dobj", "punct"],
                 ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"])
    assert name_beside(doc[5], quoted={0, 1, 2, 3, 4}).text == "Lee"
    # "“We win,” said Monday." -- a date is nobody
    doc = parsed(["“", "We", "win", ",", "”", "said", "Monday", "."], [2, 2, 2, 2, 2, 2, 5, 2],
                 ["punct", "nsubj", "ROOT", "punct", "punct", "conj", "npadvmod", "punct"],
                 ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"],
                 ents=["O"] * 6 + ["B-DATE", "O"])
    assert name_beside(doc[5], quoted={0, 1, 2, 3, 4}) is None


def test_a_participle_cue_takes_the_nearest_of_two_subjects_the_parser_gave_its_verb():
    from eventwire.quotes import quote_finder
    from eventwire.quotes._speakers import speaker_of
    from eventwire.quotes._state import State

    # "Hampshire, Trump went on, calling him “a stiff”" parsed with both "Hampshire" and "Trump" as subjects
    words = ["Hampshire", ",", "Trump", "went", ",", "calling", "him", "“", "stiff", "”"]
    heads = [3, 3, 3, 3, 3, 3, 5, 8, 5, 8]
    deps = ["nsubj", "punct", "nsubj", "ROOT", "punct", "advcl", "dobj", "punct", "oprd", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "PRON", "PUNCT", "NOUN", "PUNCT"]
    doc = parsed(words, heads, deps, pos, tags=["NNP", ",", "NNP", "VBD", ",", "VBG", "PRP", "``", "NN", "''"])
    finder = quote_finder()
    state = State(doc, [], [0], finder.speech_verbs)
    state.quoted_tokens = {7, 8, 9}
    assert speaker_of(doc[5], state, finder.cues).span.text == "Trump"


def test_a_participle_describing_a_noun_is_that_nouns_cue():
    from eventwire.quotes import quote_finder
    from eventwire.quotes._speakers import speaker_of
    from eventwire.quotes._state import State

    # "The ad ends with a voice saying: “No.”"  -- "saying" describes the voice, not the ad
    words = ["The", "ad", "ends", "with", "a", "voice", "saying", ":", "“", "No", "”"]
    heads = [1, 2, 2, 2, 5, 3, 5, 6, 9, 6, 9]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "acl", "punct", "punct", "ccomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT"]
    doc = parsed(words, heads, deps, pos, tags=["DT", "NN", "VBZ", "IN", "DT", "NN", "VBG", ":", "``", "UH", "''"])
    finder = quote_finder()
    state = State(doc, [], [0], finder.speech_verbs)
    state.quoted_tokens = {8, 9, 10}
    assert speaker_of(doc[6], state, finder.cues).span.text == "a voice"


def test_a_punctuation_mark_the_parser_made_a_subject_names_no_speaker():
    from eventwire.quotes._state import State

    doc = parsed(["“", "said", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], ["PUNCT", "VERB", "PUNCT"])
    assert State(doc, [], [0]).actor_for(doc[0]) is None


def test_a_cue_with_two_subjects_takes_the_nearest_in_its_paragraph():
    from eventwire.quotes._speakers import nearest_subject, noun_before

    # "5:45 p.m.\n\nThe doctor is calling him fit." parsed with both "p.m." and "doctor" as subjects
    words = ["5:45", "p.m.", "\n\n", "The", "doctor", "is", "calling", "him", "fit", "."]
    heads = [1, 6, 1, 4, 6, 6, 6, 6, 6, 6]
    deps = ["nummod", "nsubj", "dep", "det", "nsubj", "aux", "ROOT", "dobj", "oprd", "punct"]
    pos = ["NUM", "NOUN", "SPACE", "DET", "NOUN", "AUX", "VERB", "PRON", "ADJ", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    assert nearest_subject(doc[6], set()).text == "doctor"
    # "the Department which reported": the noun a relative pronoun follows
    doc = parsed(["the", "Department", "which", "reported", "it"], [1, 1, 3, 1, 3],
                 ["det", "ROOT", "nsubj", "advcl", "dobj"], ["DET", "PROPN", "PRON", "VERB", "PRON"])
    assert noun_before(doc[2]).text == "Department"


def test_opine_is_a_verb_of_saying():
    quotes, _ = quotes_of("Senator Ann Bellweather opined that the deal was dead.")
    assert [(kind, content, cue) for kind, content, _, cue, _ in quotes] == [
        ("indirect", "that the deal was dead", "opined")]


def test_as_someone_put_it_is_the_cue_of_the_quotation_after_it():
    quotes, _ = quotes_of("Ann Bellweather, a tax lawyer in Ohio, recently put it, “Did the firm lower its taxes "
                          "through legal avoidance or illegal evasion?” The firm denies it.")
    assert quotes[0][2:4] == ("Ann Bellweather", "put")


def test_put_it_with_a_complement_or_without_a_subject_is_no_cue():
    quotes, _ = quotes_of("The governor promised to put it into play. “We will win this state and we will win "
                          "it big.” Such movements, to put it mildly, have never been good for “the working people "
                          "of this country and their families.”")
    assert all(cue != "put" for _, _, _, cue, _ in quotes)


# --- user cue files ----------------------------------------------------------------------------------------

def test_a_user_cue_file_adds_cue_verbs(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("speech_verbs: [aver]\nchannels: {podcast: podcast}\n")
    text = "Senator Ann Bellweather averred that the deal was dead."
    (plain,) = analyze([Article(id="t", text=text, date="2024-01-01")], load_settings())
    assert plain.quotes == []
    settings = dataclasses.replace(load_settings(), quotes_files=(str(path),))
    (doc,) = analyze([Article(id="t", text=text, date="2024-01-01")], settings)
    assert [(q.kind, q.content.text, q.cue.text) for q in doc.quotes] == [
        ("indirect", "that the deal was dead", "averred")]


@pytest.mark.parametrize("content, message", [
    ("speech_verb: [opine]\n", "line 1: unknown key 'speech_verb'"),
    ("speech_verbs: opine\n", "speech_verbs must be a list of words"),
    ("prepositional_verbs: [rant]\n", "'word preposition' pairs"),
    ("speech_phrases: [put]\n", "'verb object' pairs"),
    ("speech_verbs: [\n", "invalid YAML"),
])
def test_a_bad_cue_file_names_file_line_and_problem(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(CuesError, match=message) as info:
        load_cues([str(path)])
    assert "bad.yaml" in str(info.value)
    text = tmp_path / "a.txt"
    text.write_text("2024-01-01\n\nNothing happened.\n")
    result = CliRunner().invoke(cli, ["extract", str(text), "--quotes", str(path)])
    assert result.exit_code == 2 and "bad.yaml" in result.stderr and result.stdout == ""


def test_the_finder_takes_the_text_the_pipeline_already_has_with_the_same_result():
    import copy

    from eventwire.actors import actor_resolver
    from eventwire.nlp import load_pipeline, sentences_and_entities
    from eventwire.quotes import quote_finder
    from eventwire.quotes._state import State

    text = "“We will win,” said Ann Bellweather. Her rival said that the vote was “rigged.”"
    nlp = load_pipeline(load_settings().model)
    doc = nlp(text)
    actors = actor_resolver(nlp)(doc, "2024-01-01")
    starts = [s.start for s in sentences_and_entities(doc)[0]]
    given = "".join(text)  # equal to doc.text but not the same object
    assert State(doc, [], starts, text=given).text is given
    finder = quote_finder()
    assert finder.find(doc, copy.deepcopy(actors), starts, given) == finder.find(doc, copy.deepcopy(actors), starts)


def test_a_cue_after_a_quotation_without_a_subject_takes_the_name_after_it():
    from eventwire.quotes import quote_finder
    from eventwire.quotes._speakers import speaker_of
    from eventwire.quotes._state import State

    # "“We act,” said Ann Lee, head of the union The pact …" -- the parser ran on and made "Lee" the next verb's
    words = ["“", "We", "act", ",", "”", "said", "Ann", "Lee", ",", "head", "The", "pact", "holds", "."]
    heads = [2, 2, 5, 2, 5, 5, 7, 12, 7, 7, 11, 12, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "appos", "det",
            "nsubj", "ccomp", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "DET", "NOUN",
           "VERB", "PUNCT"]
    tags = ["``", "PRP", "VBP", ",", "''", "VBD", "NNP", "NNP", ",", "NN", "DT", "NN", "VBZ", "."]
    doc = parsed(words, heads, deps, pos, tags=tags)
    finder = quote_finder()
    state = State(doc, [], [0], finder.speech_verbs)
    state.quoted_tokens = {0, 1, 2, 3, 4}
    assert speaker_of(doc[5], state, finder.cues).span.text == "Ann Lee"
    state.quoted_tokens = set()  # no quotation before the cue: not taken
    assert speaker_of(doc[5], state, finder.cues) is None


def test_a_quoted_phrase_in_what_a_verb_reports_leaves_out_whom_it_was_told_to():
    (quote,), _ = quotes_of("Senator Ann Bellweather told one of her aides on a regular basis that “taxes are theft.”")
    assert quote[0] == "mixed" and quote[1].endswith("that “taxes are theft.”")
    assert "aides" not in quote[1]


def test_a_whole_utterance_after_a_colon_right_before_its_cue_is_a_direct_quote_not_part_of_a_clause():
    # the parser makes "Bellweather declared …" the clause of "she said"; the quotation is what "said" reports
    text = ("In her speech, Ann Bellweather declared the need for strong will and drive: “Change the world and "
            "when you have done that, change it again,” she said.")
    quotes, _ = quotes_of(text)
    assert ("direct", "Change the world and when you have done that, change it again,", "Ann Bellweather", "said",
            None) in quotes
    assert not any(kind == "mixed" for kind, *_ in quotes)


def test_a_reported_clause_at_a_paragraph_end_runs_on_to_its_sentence_end():
    # the parser hangs "when it comes …" on the cue; the paragraph break after the sentence does not cut it
    text = ("Ann Bellweather said there remains a “significant difference in private practice and government,” "
            "when it comes to how many lawyers work at the Justice Department and for law firms.\n\nShe left.")
    (quote,), _ = quotes_of(text)
    assert quote[0] == "mixed" and quote[1].endswith("work at the Justice Department and for law firms")


def test_a_reported_clause_stops_before_a_tail_after_a_semicolon():
    from eventwire.quotes import quote_finder

    # "He said it works; we left." with "left" hung on "said"
    words = ["He", "said", "it", "works", ";", "we", "left", "."]
    heads = [1, 1, 3, 1, 1, 6, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "nsubj", "parataxis", "punct"]
    pos = ["PRON", "VERB", "PRON", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, pos, tags=["PRP", "VBD", "PRP", "VBZ", ":", "PRP", "VBD", "."])
    works_end = doc[3].idx + len(doc[3])
    assert quote_finder()._clause_end(doc, doc[1], works_end, set()) == works_end


def test_an_indefinite_pronoun_or_quantifier_names_its_own_speaker():
    out, doc = quotes_of("Supporters filled the hall on Monday. “It was a long night,” one of the advisers said. "
                         "Some chanted “USA! USA!” as he left.\n\n“We won,” another said.\n\n“We lost,” another said.")
    speakers = {content: speaker for _, content, speaker, _, _ in out}
    assert speakers["It was a long night,"] == "one of the advisers"
    assert speakers["USA! USA!"] == "Some"
    others = [q.speaker.actor_id for q in doc.quotes if q.content.text in ("We won,", "We lost,")]
    assert len(others) == 2 and others[0] != others[1]  # two people, not one actor "another"


def test_a_quoted_phrase_that_is_all_a_naming_verb_attributes_is_a_mixed_quote():
    out, _ = quotes_of("Mr. Trump spoke for an hour. Bloomberg pegged him at $2.9 billion, which Mr. Trump called "
                       "“a disgrace,” blaming Michael R. Bloomberg.")
    assert ("mixed", "a disgrace", "Donald Trump", "called", None) in out


def test_a_dash_and_a_name_on_the_line_after_a_quotation_sign_it():
    out, _ = quotes_of("We review claims.\n\n\"Almost all new income is going to the top 1 percent.\"\n\n- Bernie Sanders."
                       "\n\nThe senator is relying on old data.")
    assert out[0][:4] == ("direct", "Almost all new income is going to the top 1 percent.", "Bernie Sanders", "-")
    out, _ = quotes_of("He spoke.\n\n\"Almost all new income is going to the top 1 percent.\"\n\n- The senator then "
                       "left the hall after a long speech about taxes, spending and the deficit.")
    assert out[0][2] is None  # a dash opening a line of prose signs nothing


def test_a_paragraph_going_on_with_a_quotation_but_closing_it_with_a_comma_has_its_own_attribution():
    text = "“A is one,” Rubio said. “B is two.\n\n“C is three,” he continued. “D.”\n\n“E.\n\n“F.”"
    assert quoted_texts(text) == ["A is one,", "B is two.", "C is three,", "D.", "E.\n\n“F."]


def test_a_video_or_statement_that_said_something_is_the_words_of_whoever_released_it():
    out, _ = quotes_of("Donald Trump opened the school in 2005. That year Trump released a marketing video that said, "
                       "“We are going to have professors that are absolutely terrific.”")
    assert out[0][2] == "Donald Trump"


def test_a_quotation_nested_in_one_of_the_same_marks_is_part_of_it():
    text = "“As a woman, I’d rather live in what he calls “hell” than live where he rules.” ― Ann Lee"
    assert quoted_texts(text) == ["As a woman, I’d rather live in what he calls “hell” than live where he rules."]
    assert quoted_texts("“A is good. “B is bad,” he said.") == ["B is bad,"]  # the first mark never closes


def test_a_poll_share_is_its_own_speaker():
    out, _ = quotes_of("The poll was taken last week. However, 63 percent said Clinton was “justified” in keeping "
                       "the diagnosis private, while 30 percent said that she should have told voters.")
    speakers = {speaker for _, _, speaker, _, _ in out}
    assert {"63 percent", "30 percent"} <= speakers
    out, _ = quotes_of("The survey was published on Monday. About 4 in 10 say they want a change in Washington.")
    assert [speaker for _, _, speaker, _, _ in out] == ["4 in 10"]
