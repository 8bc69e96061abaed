"""Names the phrase matcher cannot find (later surnames, surnames of known people alone, misspelt states), and
the bounds of a person's name.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder`; each method adds entries to ``kb_at`` (token index →
(start, end, knowledge-base references)).
"""

from __future__ import annotations

from datetime import date, timedelta
from difflib import get_close_matches

from spacy.tokens import Doc, Span, Token

from ._kb import ActorKB, SurfaceRef, surname_forms
from ._places import _LOCATIVE_PREPS, _PLACE_KINDS, _known_place

_NAMED_BEFORE_OFFICE = timedelta(days=2 * 365)  # how long before taking office a bare surname already names someone

# Words before a name that are no part of it, though written capitalised ("Mr Khan", "Sheikh Hasina").
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "sheikh",
                        "shaikh", "sheik", "gen", "gen.", "rev", "rev.", "mullah", "maulana", "comrade", "madame",
                        "monsignor", "monsenor", "monseñor", "father", "brother", "sister"})


class NameFinder:
    """Name lookups of a mention finder (needs ``kb`` and ``typos``)."""

    def _add_surnames(self, doc: Doc, kb_at, ent_at, tokens: list) -> None:
        """Later mentions of a person by surname ("Petro") that NER missed or mislabelled."""
        forms: dict[str, list[SurfaceRef]] = {}
        for ent in {id(e): e for e in ent_at.values()}.values():
            if ent.label_ == "PERSON" and len(ent) > 1:
                refs = self.kb.surfaces.get(ent.text, [])
                for form in surname_forms(ent.text):
                    forms.setdefault(form, [r for r in refs if r.kind == "person"])
        for s, e, refs in {(s, e): (s, e, refs) for s, e, refs in kb_at.values()}.values():
            for ref in refs:
                if ref.kind == "person":
                    for form in self.kb.name_forms(doc[s:e].text, ref.id):
                        forms.setdefault(form, [ref])
        if not forms:
            return
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            # (the tagger takes some names for nouns: "But Trump — whose father …"; NER's GPE label is no proof:
            # "Petro’s response")
            if (token.text in forms and (token.i not in kb_at or _named_as_people(token, kb_at))
                    and (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_title and not token.is_sent_start)
                    and not self._in_place_phrase(token)):
                ent = ent_at.get(token.i)
                if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
                    continue  # part of a full name, found already
                kb_at[token.i] = (token.i, token.i + 1, forms[token.text] or [SurfaceRef("surname", token.text)])

    def _add_known_surnames(self, doc: Doc, kb_at, ent_at, tokens: list, day: date | None = None) -> None:
        """A surname alone that only one person of the knowledge base bears on the document's date ("Erdogan
        said", "Milei disagreed"): news name leaders so without a first mention in full. Not a sentence's first
        word unless NER calls it a person or it is the subject, nor a word NER places, nor a place a place noun
        stands in ("a refugee centre in Kerry")."""
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            if token.i in kb_at or len(token.text) < 5 or not (token.pos_ == "PROPN" or (
                    token.pos_ == "NOUN" and token.is_title and token.ent_type_ in ("PERSON", "ORG"))):
                continue  # (a name the tagger took for a noun, NER for a name: "Trump has accused …")
            person_id = self._sole_bearer(token.text, day)
            if person_id is None:
                continue
            ent = ent_at.get(token.i)
            label = token.ent_type_  # not a DATE ("Friday"), a place or a people
            if label == "GPE" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") and _known_place(token.text) is None:
                label = ""  # a leader's surname NER took for a place ("called Erdogan", "Erdogan will meet")
            if label not in ("PERSON", "ORG", "") or (ent is not None and len(ent) > 1):
                continue
            if label != "PERSON" and token.is_sent_start and not _bare_subject(token):
                continue
            if self._in_place_phrase(token):
                continue
            kb_at[token.i] = (token.i, token.i + 1, [SurfaceRef("person", person_id)])

    def _sole_bearer(self, surname: str, day: date | None) -> str | None:
        """The one person of the knowledge base a bare surname can mean on ``day``: the only bearer, or the only
        one in office that day, or the only one with an office begun by then; None when two remain."""
        ids = self.kb.surnames.get(surname)
        if not ids:
            return None
        if day is not None:
            people = [self.kb.people[i] for i in ids]
            in_office = [p.id for p in people if any(o.holds_on(day) for o in p.offices)]
            known = [p.id for p in people if any(o.start is None or o.start <= day for o in p.offices)]
            # news names a leader-to-be by surname during the campaign or nomination before the office ("Trump" in
            # 2016): the one bearer whose first office is that close
            soon = [p.id for p in people if p.offices and all(o.start is not None for o in p.offices)
                    and min(o.start for o in p.offices) <= day + _NAMED_BEFORE_OFFICE]
            ids = in_office or known or soon
        return ids[0] if len(ids) == 1 else None

    def _in_place_phrase(self, token: Token) -> bool:
        """``token`` names where a place noun is ("a refugee centre in Kerry", "the hospital at Kerry"): a place,
        not the person the word is also the name of."""
        prep = token.head
        return (token.dep_ == "pobj" and prep.lower_ in _LOCATIVE_PREPS and prep.head.i != prep.i
                and prep.head.pos_ == "NOUN"
                and (prep.head.lemma_.lower() in self.place_nouns or prep.head.lower_ in self.place_nouns))

    def _title_word(self, token: Token) -> bool:
        """A word of a title, an honorific or a sector noun ("Whip", "Director"), or one letter off one
        ("Represenative")."""
        word = token.lower_
        if word in HONORIFICS or word in self.title_words or self._title_at(token):
            return True
        return len(word) > 6 and bool(get_close_matches(word, self.long_title_words, n=1, cutoff=0.9))

    def _full_name(self, name: Span, kb_at, floor: int = 0) -> Span:
        """A person's name with the given names NER left out before it ("Pablo" of "Pablo Emilio Moncayo",
        "Sadiq" of "Sadiq Khan"): capitalised proper nouns compounded to it from ``floor`` on (where the title before
        it ends), no titles, honorifics or places."""
        doc = name.doc
        start = name.start
        while start > floor:
            token = doc[start - 1]
            if not (token.pos_ == "PROPN" and token.is_title and token.dep_ in ("compound", "flat")
                    and token.i not in self.cuts
                    and name.start <= token.head.i < name.end and not self._title_word(token)
                    and all(r.kind == "person" for r in kb_at.get(token.i, (0, 0, []))[2])
                    and (token.ent_type_ in ("", "PERSON") or token.ent_type_ == "GPE" and token.i not in kb_at
                         and _known_place(token.text) is None)):
                # (NER takes some given names for places: "Sadiq" as a GPE)
                break
            start -= 1
        return doc[start : name.end] if start < name.start else name

    def _refs_in(self, start: int, end: int, kb_at, country, org):
        """The first state and organisation named in tokens [start, end), where not known already."""
        for i in range(start, end):
            for ref in kb_at.get(i, (0, 0, []))[2]:
                if ref.kind in _PLACE_KINDS and country is None:
                    country = self._state_of(ref)
                elif ref.kind == "org" and org is None:
                    org = ref.id
        return country, org

    def _appositive_title(self, head: Token, kb_at, country, org):
        for child in head.rights:
            if child.dep_ != "appos":
                continue
            start, end = self._np_range(child)
            end = max(end, child.right_edge.i + 1)
            title, sector, _, _ = self._title(head.doc, start, end)
            if title is None:
                continue
            for i in range(start, end):
                for ref in kb_at.get(i, (0, 0, []))[2]:
                    if ref.kind in ("country", "demonym") and country is None:
                        country = ref.id
                    elif ref.kind == "org" and org is None:
                        org = ref.id
            return title, sector, country, org
        return None, None, country, org

    def _add_typos(self, doc: Doc, kb_at, ent_at, tokens: list) -> None:
        """Misspelt state names, peoples and capitals ("Ethopia", "Ghanians") the knowledge base missed."""
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            if token.i in kb_at or token.pos_ not in ("PROPN", "NOUN", "ADJ") or not token.is_title:
                continue
            ent = ent_at.get(token.i)
            if ent is not None and (ent.label_ == "PERSON" or len(ent) > 1 + (ent[0].lower_ == "the")):
                continue
            refs = self.typos.correct(token.text)
            if refs and _known_place(token.text) in (None, refs[0].id):  # not "Columbia" (USA) for Colombia
                kb_at[token.i] = (token.i, token.i + 1, refs)


def _named_as_people(token: Token, kb_at) -> bool:
    """``token`` is read as a state's name or people, but stands alone as a singular proper noun ("Cuban said",
    "French wrote"): with a full name ending so in the document ("Mark Cuban"), the person's surname."""
    s, e, refs = kb_at[token.i]
    return (e - s == 1 and refs and all(r.kind in ("demonym", "country") for r in refs) and token.tag_ == "NNP"
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj")
            and not any(c.dep_ == "det" for c in token.children))


def _bare_subject(token: Token) -> bool:
    """A one-word subject opening its sentence ("Milei disagreed."): a name, not a capitalised common word."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nsubj", "nsubjpass") and (nxt is None or nxt.pos_ in ("VERB", "AUX", "ADV"))


def title_words(kb: ActorKB) -> frozenset[str]:
    """Every word of the knowledge base's titles and sector nouns, lower-cased ("minority", "whip", "director")."""
    phrases = [*kb.titles, *kb.nouns, *kb.head_titles]
    return frozenset(w for p in phrases for w in p.replace("-", " ").split() if len(w) > 2)
