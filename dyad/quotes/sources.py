"""Speakers that are no named actor: a document, an outlet or an unnamed group that is the
subject of a verb of saying ("the ruling said", "state media reported", "critics said"); a
document of a named actor is that actor ("the ministry's statement said").
Each becomes a GROUP actor named by its words, with the sector its noun gives (MED for media,
from ``agents.tsv``), so a quotation always points at who or what it is sourced to; a speaker
phrase that resolves to a known actor becomes one of that actor's mentions."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..actors.kb import load_kb
from ..document import Actor, Mention
from ..lexicons import word_class
from .speakers import noun_phrase, speaker_actor

# Nouns for a document or an unnamed speaker that reports words ("the ruling", "the narrator")
SOURCE_NOUNS = word_class("source_nouns")


def sector_of(head: Token) -> str | None:
    """The sector the speaker phrase's words give: the head with its compound or adjective
    ("state media"), else the head alone ("newspaper")."""
    agents = load_kb().agents  # group and title words of agents.tsv ("state media" -> MED)
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod")]
    for words in ([*(t.lower_ for t in left[-1:]), head.lower_], [head.lower_], [head.lemma_.lower()]):
        agent = agents.get(" ".join(words))
        if agent is not None and agent.sector:
            return agent.sector
    return None


class SpeakerBook:
    """Resolves speaker words to actors while the quotes of one document are read, and
    collects what the actor index gains from them."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.said_by: list[tuple[str, int, str]] = []
        self.added: dict[str, Actor] = {}
        self.tokens: dict[int, str] = {}

    def resolve(self, who: Token | None) -> str | None:
        if who is None:
            return None
        speaker = speaker_actor(who, self.index)
        if speaker is not None:
            if self.index.actor_at(who.i) is None:
                self.said_by.append((speaker, who.i, "speaker"))
            return speaker
        return self._source(who)

    def _source(self, who: Token) -> str | None:
        if who.pos_ != "NOUN" or who.tag_ in ("WP", "WDT"):
            return None
        sector = sector_of(who)
        # a document, an outlet or an unnamed group ("critics said", "officials warned") is the
        # speaker; one unnamed person ("a friend said") stays unnamed
        if who.lemma_.lower() not in SOURCE_NOUNS and sector != "MED" and who.tag_ != "NNS":
            return None
        for child in who.children:  # "the ministry's statement", "the Kremlin statement"
            actor = self.index.get(self.index.actor_at(child.i))
            if child.dep_ in ("compound", "poss") and actor is not None and actor.kind != "LOCATION":
                self.said_by.append((actor.id, who.i, "speaker"))
                return actor.id
        phrase = noun_phrase(who)
        key = " ".join(w for w in phrase.lower().split() if w not in ("the", "a", "an", "this", "that"))
        actor = self.added.get(key)
        mention = Mention(who.idx, who.idx + len(who.text), who.text, "description")
        if actor is None:
            actor = Actor(id=f"a{len(self.index.actors) + len(self.added) + 1}", name=phrase, kind="GROUP",
                          sector=sector, mentions=(mention,))
        elif who.i not in self.tokens:
            actor = replace(actor, mentions=actor.mentions + (mention,))
        self.added[key] = actor
        self.tokens[who.i] = actor.id
        return actor.id

    def final_index(self, doc: Doc) -> ActorIndex:
        """The actor index with the new source actors and the speaker mentions."""
        index = self.index
        if self.added:
            index = ActorIndex(list(index.actors) + list(self.added.values()), {**index.by_token, **self.tokens})
        return index.with_mentions(doc, self.said_by)

