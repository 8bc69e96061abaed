"""Actor stage: named-entity mentions → one Actor per distinct name.

This is the foundation's resolution: mentions with the same normalised
name form one actor, and a later surname joins the full name it ends.
Knowledge-base coding (country, sector, office at the document date) comes
with the actor knowledge base.
"""

from __future__ import annotations

from .records import Actor, Mention

ACTOR_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DROP_PREFIXES = ("the ",)


def normalise_name(text: str) -> str:
    name = " ".join(text.split())
    for prefix in _DROP_PREFIXES:
        if name.lower().startswith(prefix):
            name = name[len(prefix) :]
    return name.removesuffix("'s").removesuffix("’s")


def resolve_actors(entities: list[Mention]) -> list[Actor]:
    """Group actor-like entity mentions into document-level actors, in order of first mention."""
    actors: list[Actor] = []
    by_key: dict[tuple[str, str], Actor] = {}
    surnames: dict[str, Actor] = {}
    for mention in entities:
        if mention.label not in ACTOR_ENTITY_LABELS:
            continue
        name = normalise_name(mention.span.text)
        if not name:
            continue
        key = (mention.label, name.casefold())
        actor = by_key.get(key)
        if actor is None and " " not in name:
            # NER often tags a lone surname as GPE or ORG ("Petro responded …").
            actor = surnames.get(name.casefold())
        if actor is None:
            actor = Actor(id=f"a{len(actors) + 1}", name=name, mentions=[])
            actors.append(actor)
            by_key[key] = actor
            if mention.label == "PERSON" and " " in name:
                surnames.setdefault(name.split()[-1].casefold(), actor)
        actor.mentions.append(mention)
    return actors
