"""Closed classes of English: auxiliaries, pronouns, determiners, prepositions.

These lists are part of the grammar, not of the domain, and do not grow with new news
text; the open classes (verbs of saying, support verbs, titles...) are data in
``dyad/data/word_classes.tsv`` (see ``dyad/lexicons.py``).
"""
from __future__ import annotations

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "'d"})
# "will not", "won't", "cannot" + a verb: a refusal when the verb is cooperative
REFUSAL_MODALS = frozenset({"will", "would", "wo", "can", "ca", "could", "shall"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
SINGULAR_THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})

ARTICLES = frozenset({"the", "a", "an"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
DEMONSTRATIVE_PLURALS = frozenset({"these", "those"})
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")

# prepositions through which a verb governs an event noun ("agreed to a truce", "called for
# talks", "insisted on a ceasefire", "hopes of a deal"); "condolences over an attack" is not one
GOVERNING_PREPS = frozenset({"to", "for", "on", "of"})
# prepositions whose object is what a verb reports ("talked about", "called for", "warned of")
REPORTED_THING_PREPS = frozenset({"about", "for", "of", "on", "against", "over", "with", "to"})
# prepositions that place an event ("met in Damascus", "clashes near the border")
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "on", "into", "across", "around", "over", "off")
# compass points that place a thing by another ("30 km northeast of Karbala", "positions north of Hama")
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "north-east", "north-west", "south-east", "south-west", "eastward", "westward"})
# words for a share of a whole ("captured a third of Croatia", "most of the country")
PARTITIVES = frozenset({"part", "parts", "half", "third", "thirds", "quarter", "quarters", "most", "much", "rest",
                        "all", "swath", "swaths", "swathe", "swathes", "portion", "portions", "chunk", "one-third",
                        "two-thirds", "one-quarter", "three-quarters", "bulk", "majority"})
# "by/after/while saying …" is said by the subject of the verb the phrase qualifies; "for saying" is not
SAYING_PREPOSITIONS = frozenset({"by", "after", "before", "while", "when", "upon", "on", "in"})
