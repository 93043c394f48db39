"""The words casualty counts are read with, English and French: casualty words by kind, the
people counted by side, and the small words around them (zeros, auxiliaries, fillers, joins).

    >>> KINDS["tués"], SIDES["villagers"]
    (<CasualtyKind.KILLED: 'killed'>, <Side.CIVILIANS: 'civilians'>)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from .records import CasualtyKind, Side

V = TypeVar("V")

K, W, A, M, R = (
    CasualtyKind.KILLED,
    CasualtyKind.WOUNDED,
    CasualtyKind.ABDUCTED,
    CasualtyKind.MISSING,
    CasualtyKind.ARRESTED,
)


def _agree(*stems: str) -> list[str]:
    """French participles in all four agreements: "tué" -> tué, tués, tuée, tuées."""
    return [stem + ending for stem in stems for ending in ("", "s", "e", "es")]


def _table(groups: Iterable[tuple[V, Iterable[str]]]) -> dict[str, V]:
    return {word: value for value, words in groups for word in words}


KINDS: dict[str, CasualtyKind] = _table([
    (K, ["killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
         "fatalities", "slain", "slaughtered", "massacred", "executed", "murdered", "perished",
         "neutralised", "neutralized", "neutralising", "neutralizing", "neutralise", "neutralize",
         "victims", "lives", "neutraliser",
         "tuant", "tue", "tuent", "tuer", "décès", "péri", "victime", "victimes", "vie",
         "neutralisant", "abattant", "exécutant",
         *_agree("tué", "mort", "décédé", "neutralisé", "abattu", "exécuté", "massacré",
                 "assassiné")]),
    (W, ["wounded", "wounding", "injured", "injuring", "injuries", "hurt", "blessant",
         "blessures", *_agree("blessé")]),
    (A, ["abducted", "abducting", "kidnapped", "kidnapping", "hostage", "hostages", "captured",
         "enlevant", "kidnappant", "otage", "otages", *_agree("enlevé", "kidnappé", "séquestré")]),
    (M, ["missing", "disappeared", "unaccounted", *_agree("disparu")]),
    (R, ["arrested", "arresting", "detained", "apprehended", "arrests", "arrêtant",
         "interpellations", *_agree("arrêté", "interpellé", "appréhendé")]),
])  # fmt: skip

#: Words that count casualties only when there are none: "no casualties", "aucune perte".
ZERO_ONLY: dict[str, CasualtyKind] = {
    w: K for w in ("casualties", "casualty", "losses", "loss", "pertes", "perte")
}

SIDES: dict[str, Side] = _table([
    (Side.STATE, ["soldier", "soldiers", "troop", "troops", "gendarme", "gendarmes", "police",
                  "policeman", "policemen", "officers", "servicemen", "guards", "peacekeepers",
                  "vdp", "fama", "fds", "forces", "soldat", "soldats", "militaire", "militaires",
                  "policier", "policiers", "gardes", "douaniers", "casques", "volontaires"]),
    (Side.ATTACKERS, [
        "militant", "militants", "jihadist", "jihadists", "terrorist", "terrorists", "assailant",
        "assailants", "attacker", "attackers", "fighter", "fighters", "rebel", "rebels",
        "insurgent", "insurgents", "gunman", "gunmen", "extremists", "islamists", "bandits",
        "bombers", "assaillant", "assaillants", "terroriste", "terroristes", "djihadiste",
        "djihadistes", "jihadiste", "jihadistes", "combattant", "combattants", "rebelle",
        "rebelles", "insurgés", "islamistes", "kamikazes", "militiamen", "militiaman", "miliciens",
        "milicien"]),
    (Side.CIVILIANS, [
        "civilian", "civilians", "villager", "villagers", "resident", "residents", "woman",
        "women", "child", "children", "passenger", "passengers", "worshippers", "farmers",
        "herders", "traders", "students", "pupils", "teachers", "miners", "travellers",
        "drivers", "displaced", "teacher", "student", "farmer", "herder", "trader", "miner",
        "driver", "pupil", "worshipper", "imam", "civil", "civils", "villageois", "habitant", "habitants", "femme",
        "femmes", "enfant", "enfants", "passager", "passagers", "fidèles", "cultivateurs",
        "agriculteurs", "éleveurs", "commerçants", "élèves", "enseignants", "orpailleurs",
        "voyageurs", "chauffeurs", "déplacés", "enseignant", "élève", "commerçant", "chauffeur",
        "éleveur", "cultivateur", "agriculteur", "orpailleur", "voyageur", "fidèle",
        "humanitarian", "humanitarians", "journalist", "journalists", "tourist", "tourists",
        "workers", "fishermen", "shepherds", "pilgrims", "humanitaire", "humanitaires",
        "journaliste", "journalistes", "touriste", "touristes", "ouvriers", "pêcheurs",
        "bergers", "pèlerins", "employés", "expatriés"]),
    (Side.UNKNOWN, [
        "people", "persons", "person", "personne", "personnes", "individuals", "individual",
        "individus", "individu", "men", "man", "homme", "hommes", "others", "other", "autres",
        "more", "members", "membres", "elements", "éléments", "suspects", "suspect", "chief",
        "chef", "mayor", "maire", "official", "officials", "responsable", "prisoners",
        "prisonniers", "detainees", "détenus"]),
])  # fmt: skip

#: Adjectives that tell the side of a neutral noun: "armed men", "individus armés".
MODIFIERS: dict[str, Side] = _table([
    (Side.ATTACKERS, ["armed", "armés", "armé", "terrorist", "jihadist", "suspected"]),
    (Side.STATE, ["military", "army", "security"]),
    (Side.CIVILIANS, ["civilian"]),
])  # fmt: skip

#: Nouns that take the side of the rest of the count: "five others", "12 more".
INHERITING = frozenset({"others", "other", "autres", "more"})
GROUPS = frozenset({"members", "membres", "elements", "éléments"})
ZERO = {("no",), ("aucun",), ("aucune",), ("nobody",), ("none",), ("no", "one"), ("pas", "de"),
        ("sans", "faire", "de"), ("personne", "n'"), ("not", "a", "single"),
        ("pas", "fait", "de"), ("pas", "eu", "de"), ("pas", "causé", "de")}  # fmt: skip
ARTICLES = frozenset({"a", "an", "un", "une"})
AUX = frozenset({
    "was", "were", "has", "have", "had", "been", "being", "are", "is", "be", "got", "who",
    "a", "ont", "été", "sont", "est", "furent", "fut", "avaient", "auraient", "aurait",
    "seraient", "serait", "étaient", "était", "qui", "n'", "y",
})  # fmt: skip
FREE = frozenset({
    "reportedly", "allegedly", "also", "all", "both", "later", "reported", "believed", "feared",
    "confirmed", "to", "subsequently", "apparently", "lost", "their", "taken", "held", "shot",
    "également", "aussi", "tous", "toutes", "ainsi", "perdu", "la", "leur", "pris", "en",
    "respectivement", "notamment", "probablement", "finalement", "grièvement", "légèrement",
    "the", "of", "and", "de", "des", "du", "le", "les", "l'", "et", "in", "à", "au", "aux",
})  # fmt: skip
NEGATION = frozenset({"not", "never", "pas", "ne", "jamais", "no"})
VERB_FILLERS = frozenset({"a", "an", "the", "of", "another", "some", "total", "à", "de", "les",
                          "des", "un", "une", "«", "»", "'", '"', "“", "”"})  # fmt: skip
QUOTES = frozenset({"«", "»", "'", '"', "“", "”"})
#: Words for a side's losses, read as deaths only before people of a known side: "lost five
#: soldiers", "la perte de dix soldats", "avoir perdu neuf combattants" (not "lost 3 vehicles").
LOSSES = frozenset({"lost", "loss", "losses", "losing", "perdu", "perte", "pertes", "perdant"})
#: Words that add a count to the one before it: "19 dead, as well as two of the attackers".
ADDING = frozenset({",", "and", "et", "as", "well", "ainsi", "que", "along", "together", "with",
                    "plus", "including", "dont", "notamment", "among", "them", "parmi", "eux",
                    "lesquels", ":"})  # fmt: skip
#: The words of ADDING that join a count to the one before ("," and "and" alone do not).
JOINING = frozenset({"as", "ainsi", "along", "together", "plus", "including", "dont", "notamment",
                     "among", "parmi"})  # fmt: skip
#: Words that open an aside naming a share of the count before: ", dont dix-neuf gendarmes,".
SHARE_OPENERS = frozenset({"dont", "including", "notamment", "among", "parmi"})
#: Words the forces use of the enemy fighters they killed: a count "neutralised" with no people
#: named is of attackers ("neutralisant une quinzaine").
NEUTRALISED = frozenset({
    "neutralised", "neutralized", "neutralising", "neutralizing", "neutralise", "neutralize",
    "neutraliser", "neutralisant", "neutralisé", "neutralisés", "neutralisée", "neutralisées",
})  # fmt: skip
#: After a count and a comma, words that open more people of one enumeration: "six aid workers,
#: their guide and their driver were killed".
ENUMERATION_OPENERS = frozenset({"their", "his", "her", "leur", "leurs", "son", "sa", "ses"})
#: After a count, words that make the next count a share of it: "22 people, 19 of them".
PARTITIVE = (("of", "them"), ("of", "whom"), ("d'", "entre", "eux"), ("d'", "entre", "elles"))
NOUN_LINKS = frozenset({"of", "de", "des", "du", "the", "among", "parmi", "les"})
STOPS = frozenset({".", ",", ";", ":", "!", "?", ")", "(", "-", "–", "—", "and", "in", "on",
                   "at", "near", "during", "when", "while", "including", "after", "as", "et",
                   "dans", "à", "au", "lors", "près", "pendant", "dont", "parmi", "après"})  # fmt: skip
CONNECTORS = frozenset({",", "and", "et"})
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
TOLLS = frozenset({"toll", "bilan"})
#: How far an aside between commas may run between the people counted and their verb.
ASIDE_TOKENS = 30
#: How far back (in tokens) a count looks for the toll it gives.
TOLL_REACH = 22
SKIPPABLE = frozenset({"others", "other", "more", "additional", "autres", "supplémentaires"})

#: Every word without which a sentence holds no casualty count (a cheap first test).
CUE_WORDS = frozenset({*KINDS, *ZERO_ONLY, *TOLLS, *LOSSES})
