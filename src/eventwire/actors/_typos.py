"""Misspelt names of states, peoples and capitals ("Ethopia", "Afganistan", "Ghanians", "Quatar").

News copy, and the wire texts event data are built from, misspell country names often enough to lose actors.
A capitalised word the knowledge base does not know is read as the state name it is one edit away from
(a letter missing, added, changed, or two neighbours swapped), if exactly one state is that close and no
real place has that name. Only single-word names of five letters or more are corrected: shorter ones are too
close to each other ("Iran", "Iraq"). The index holds every name with one letter deleted, so a lookup costs a
few dictionary probes per unknown word.
"""

from __future__ import annotations

from ._model import ActorKB, SurfaceRef

_KINDS = ("country", "demonym", "capital")
_MIN_NAME = 5  # letters of a correctable knowledge-base name
_MIN_WORD = 6  # letters of a word in the text to correct


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class TypoIndex:
    def __init__(self, kb: ActorKB) -> None:
        self.names: dict[str, list[SurfaceRef]] = {}
        self.deleted: dict[str, set[str]] = {}  # a name with one letter deleted → the names
        for text, refs in kb.surfaces.items():
            refs = [r for r in refs if r.kind in _KINDS]
            if not refs or " " in text or len(text) < _MIN_NAME or not text[0].isupper() or not text.isalpha():
                continue
            self.names[text] = refs
            for form in _deletions(text):
                self.deleted.setdefault(form, set()).add(text)

    def correct(self, word: str) -> list[SurfaceRef]:
        """What the misspelt ``word`` refers to (empty when it is no near-miss of exactly one state)."""
        if len(word) < _MIN_WORD or not word[0].isupper() or not word.isalpha() or word in self.names:
            return []
        near = set(self.deleted.get(word, ()))  # a letter missing: "Ethopia"
        for form in _deletions(word):
            if form in self.names:  # a letter too many: "Quatar"
                near.add(form)
            near.update(self.deleted.get(form, ()))  # a letter changed: "Ghanains"
        for i in range(len(word) - 1):  # two letters swapped: "Ethiopai"
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self.names:
                near.add(swapped)
        states = {(r.kind, r.id) for name in near for r in self.names[name]}
        if len({iso3 for _, iso3 in states}) != 1:
            return []
        return [SurfaceRef(kind, iso3) for kind, iso3 in sorted(states)][:1]
