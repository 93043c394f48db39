"""Phrases that locate an event: "in Gao", "30 km north of Gao", "entre Soumpi et Hombori".

:class:`PlaceFinder` finds, in English and French, relative phrases (distance and direction,
"near", "between", roads and axes), area phrases ("in the Mopti region", "dans la région de
Ségou", "dans la localité de Boulkessi") and plain "in/at/à X". Each :class:`PlaceMention` has the
core place name and, as ``quote``, the whole phrase the Geocoder reads ("30 km north of Gao"). A
bare preposition is not part of the quote; words that change the location are.

Months, weekdays, titles and acronyms are not places. Country and macro-region names ("Mali",
"the Sahel") are kept only when a text names nothing more precise. With ``known`` (a gazetteer
test), a bare "in X"/"à X" must name a known place, and a run of capitalised words is cut to its
longest known start ("in Gao Tuesday" -> "Gao").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..knowledge import fold
from .records import PlaceMention

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_CONNECT = r"(?:el|al|ag|ould|de|du|n['’])"
#: A capitalised name of up to four words ("Bobo-Dioulasso", "Fada N'Gourma", "Ras el Ma").
_NAME = rf"{_WORD}(?:\s+(?:{_CONNECT}\s+)?{_WORD}){{0,3}}"
_DASH = r"\s*[-–—/]\s*"
_DIRS_EN = (
    r"(?:north|south)(?:[- ]?(?:east|west))?|east|west|northeast|northwest|southeast|southwest"
)
_DIRS_FR = r"(?:nord|sud)(?:[- ](?:est|ouest))?|est|ouest"
_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|(?:a|one) hundred|deux|trois|quatre|cinq|sept|huit|neuf|"
    r"dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante(?:-dix)?|"
    r"quatre-vingts?|cent"
)
_NUM = rf"(?:\d+(?:[.,]\d+)?|a few|several|some|une? (?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)|quelques|{_NUMBER_WORDS})"
_UNIT = r"(?:km|kms|kilom[eè]tres?|kilometers?|miles?)"
_APPROX_EN = r"(?:(?:about|around|some|roughly|nearly|approximately|almost|just|only)\s+)?"
_APPROX_FR = r"(?:(?:environ|quelque|près de|plus de|moins de)\s+)?"
_OF_TOWN_EN = r"(?:(?:the\s+)?(?:town|village|city|commune|locality|hamlet)\s+of\s+)?"
_OF_TOWN_FR = r"(?:(?:la\s+)?(?:ville|localité|commune)\s+d[eu']\s*|(?:du\s+)?village\s+d[eu']\s*|la\s+localité\s+d['e]\s*)?"
_AREA_EN = r"region|province|district|circle|cercle|department|commune|municipality|prefecture|area"
_AREA_FR = (
    r"région|province|cercle|commune|localité|département|préfecture|ville|village|hameau|"
    r"campement|zone|secteur"
)
#: A name's area in brackets, which may follow it: "Kain (Yatenga)", "Dablo (Sanmatenga)".
BRACKETED = r"(?:\s*\([^()\n]{1,40}\))?"
_COMPASS_ADJ = r"(?:(?:neighbou?ring|northern|southern|eastern|western|central|north[- ]?(?:eastern|western)|south[- ]?(?:eastern|western))\s+)?"

#: "l'attaque (jihadiste) de X", "le massacre de X", "le blocus de X": the event named by its
#: place.
_EVENT_OF_FR = (
    r"\b(?:[Aa]ttaques?|[Aa]ttentats?|[Mm]assacres?|[Tt]ueries?|[Ee]mbuscades?|[Aa]ssauts?|[Bb]locus)"
    r"(?:\s+[a-zéèêàç-]+)?\s+(?:de|d['’]|contre)"
)

# Each pattern captures the phrase as ``quote`` and the place as ``name`` (or ``a``/``b``).
# Each entry is (kind, gate, pattern). The gate is a cheap lower-case cue; the full pattern runs only
# in windows around its hits (an empty gate: everywhere), which keeps a 700-word article well under
# a millisecond.
_PATTERNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (
        (
            "offset",
            r"km|kilom|mile",
            rf"(?P<quote>(?i:{_APPROX_EN}{_NUM}\s*{_UNIT}\s+(?:\(\d+\s*(?:miles?|km)\)\s+)?(?:(?:to the\s+)?(?:{_DIRS_EN})\s+)?(?:of|from|outside)\s+{_OF_TOWN_EN})(?P<name>{_NAME}))",
        ),
        (
            "road",
            r"road|highway|axis|route",
            rf"(?P<quote>(?i:(?:on\s+|along\s+)?the\s+)?(?P<a>{_WORD}){_DASH}(?P<b>{_WORD})\s+(?i:road|highway|axis|route))",
        ),
        (
            "road",
            r"linking|connecting|road from",
            rf"(?P<quote>(?i:(?:on\s+|along\s+)?the\s+road\s+(?:linking|connecting|from))\s+(?P<a>{_NAME})\s+(?:and|to)\s+(?P<b>{_NAME}))",
        ),
        (
            "between",
            r"between",
            rf"(?P<quote>(?i:between\s+(?:the\s+(?:towns|villages|localities)\s+of\s+)?)(?P<a>{_NAME})\s+and\s+(?P<b>{_NAME}))",
        ),
        (
            "direction",
            r"north|south|east|west",
            rf"(?P<quote>(?i:(?:just\s+)?(?:{_DIRS_EN})\s+of\s+{_OF_TOWN_EN})(?P<name>{_NAME}))",
        ),
        (
            "near",
            r"near|close to|not far|outside|outskirts|vicinity|around|approaches",
            rf"(?P<quote>(?i:(?:near|nearby|close to|not far from|outside|on the outskirts of|in the vicinity of|around|on the approaches to)\s+{_OF_TOWN_EN})(?P<name>{_NAME}))",
        ),
        (
            "near",
            r"entrance|exit|gate|edge",
            # "at the northern entrance of Gao", "at the gates of Ménaka": the town's edge
            rf"(?P<quote>(?i:(?:at|near|by|on)\s+the\s+(?:(?:{_DIRS_EN})(?:ern)?\s+)?(?:entrance|exit|gates?|edge)\s+(?:of|to)\s+{_OF_TOWN_EN})(?P<name>{_NAME}))",
        ),
        (
            "area",
            r"region|province|district|circle|cercle|department|commune|municipality|prefecture|area",
            rf"\b(?i:(?:in|of|across|throughout)\s+(?:the\s+(?=(?:north|south|east|west|central)))?{_COMPASS_ADJ})(?:{_NAME}['’]s\s+(?i:{_COMPASS_ADJ}))?(?P<quote>(?i:the\s+)?(?P<name>{_NAME})\s+(?i:{_AREA_EN}))\b",
        ),
        (
            "area",
            r"region|province|district|circle|cercle|department|commune|municipality|prefecture",
            # an area set after a place in apposition, or heading an item: "at Tabatol, Tillabéri
            # department", "in Tadaryat (Oudalan province)", "Incident 4 — Sunday — Say department."
            rf"[,(–—]\s*(?P<quote>(?i:the\s+)?(?P<name>{_NAME})\s+(?i:region|province|district|circle|cercle|department|commune|municipality|prefecture))\b",
        ),
        (
            "area",
            r"(?:region|province|district|circle|cercle|department|commune|municipality|prefecture|towns?|villages?|city|cities|locality|localities|sectors?) of",
            rf"(?P<quote>(?i:(?:the\s+)?(?:{_AREA_EN}|towns?|villages?|city|cities|locality|localities|sectors?)\s+of\s+)(?P<name>{_NAME}))",
        ),
        (
            "site",
            r"camp|base|post|garrison|barracks",
            rf"(?i:the\s+)?(?P<quote>(?P<name>{_NAME}))(?<!['’]s)\s+(?i:(?:military|army|gendarmerie|police)\s+)?(?i:camp|base|post|outpost|garrison|barracks)\b",
        ),
        (
            "object",
            r"entered|moved into|captured|seized|stormed|overr[au]n|retook|recaptured|attacked|targeted|raided|struck|besieged|shelled|bombed|occupied|encircled|surrounded|control of|spread to|swept into|rocked|shook|paraly|gripped",
            rf"\b(?i:entered|moved\s+into|spread\s+to|swept\s+into|captured|seized|stormed|overr[au]n|retook|recaptured|attacked|targeted|raided|struck|besieged|shelled|bombed|occupied|encircled|surrounded|(?:took|taken|take|taking|seized|regained|retook|lost)\s+control\s+of|rocked|shook|paraly[sz]ed|gripped)\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"turn",
            # "On Saturday it was the turn of Gao"
            rf"\b(?i:turn\s+of)\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "object",
            r"fell|fallen|captured|taken|seized|overrun|retaken",
            rf"(?P<quote>(?P<name>{_NAME}))\s+(?:(?:has|had)\s+)?(?:fell|fallen|(?:was|had been|has been)\s+(?:captured|taken|seized|overrun|retaken))\b",
        ),
        (
            "apposition",
            r"capital|town|city|village|locality|commune|stronghold|hub",
            rf"(?P<quote>(?P<name>{_NAME}))\s*,\s+(?i:(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}?(?:capital|town|city|village|locality|commune|stronghold|hub))\b",
        ),
        (
            "plain",
            r"–|—",
            # a heading's place after a dash: "3) Thursday 15 Oct — Sofara (cercle de Djenné).";
            # not a dateline's town before its date ("PRESS RELEASE — Bamako, 20 January")
            rf"[–—]\s+(?P<quote>(?P<name>{_NAME}))\s*(?=\(|[.;:]|$)",
        ),
        (
            "plain",
            r"streets of",
            rf"\b(?i:(?:in|through|into|on)\s+the\s+streets\s+of)\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"reserve|park|mine|market|dam|bridge|prison|mosque|church",
            # a site named by its town: "at the Kouré giraffe reserve", "near the Tambao mine"
            rf"\b(?i:(?:at|in|near|on|inside)\s+the)\s+(?P<quote>(?P<name>{_NAME}))\s+(?:[a-z]+\s+)?(?i:reserve|park|mine|market|dam|bridge|prison|mosque|church)\b",
        ),
        (
            "plain",
            r"attack|assault|raid|ambush|massacre|offensive",
            # the event named by its place: "the attack on Djibo", "the raid against Inata"
            # (not "an attack on Malian soldiers": a people, not a place)
            # ... also after who made it: "an attack by JNIM fighters on Djibo"
            rf"\b(?i:attacks?|assaults?|raids?|ambush(?:es)?|massacres?|offensive)\s+(?:(?i:by|of)\s+(?:[\w'’-]+\s+){{1,5}}?)?(?:on|against)\s+(?!(?:Malian|Nigerien|Nigerian|Burkinab[eè]|Chadian|Mauritanian|Algerian|French|Russian|American)\b)(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"blockade|siege",
            # a town cut off: "the blockade of Timbuktu", "the siege on Ménaka"
            rf"\b(?i:blockade|siege)\s+(?:of|on)\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"chief|mayor|imam|residents|inhabitants|villagers|elders|neighbo",
            # a place named by its people or its quarters: "the customary chief of Gorgadji",
            # "the Dogona and Belleville neighbourhoods of Bobo-Dioulasso"
            rf"\b(?:(?i:chief|mayor|imam|residents|inhabitants|villagers|elders|neighbou?rhoods)|{_WORD}\s+(?i:neighbou?rhood))\s+of\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            "",
            rf"\b(?:[Ii]n|[Aa]t|through|throughout|across)\s+(?i:{_COMPASS_ADJ}|the\s+(?:heart|centre|center)\s+of\s+)(?P<quote>(?P<name>{_NAME}))",
        ),
        (  # a digest item's lead-in: "Dablo, Sanmatenga province, Sunday 12 May: Gunmen ..."
            "plain",
            ":",
            rf"^\s*(?![A-Z]{{2,}}\b)(?P<quote>(?P<name>{_NAME}))\s*,\s(?:(?!\s-\s)[^:\n.;–—]){{3,60}}:\s",
        ),
        (  # a press review's heading: "Gao." or "Road to Djibo." (the gazetteer must know it)
            "plain",
            "",
            rf"^\s*(?i:(?:(?:the\s+)?(?:road|route|axis)\s+(?:to|of)\s+))?(?P<quote>(?P<name>{_NAME}))\s*[.:]?\s*$",
        ),
        (  # a digest's heading of place and day: "Sevare, Friday.", "Dablo (Sanmatenga), Sunday
            # 12 May." (the gazetteer must know it)
            "plain",
            "",
            rf"^\s*(?P<quote>(?P<name>{_NAME})){BRACKETED}(?:\s+and\s+{_NAME})?\s*,\s+(?:\w+\s+){{0,2}}\w+\s*[.:]\s*$",
        ),
    ),
    "fr": (
        (
            "offset",
            r"km|kilom|mile",
            rf"(?P<quote>(?i:(?:à\s+)?{_APPROX_FR}{_NUM}\s*(?:de\s+)?{_UNIT}\s+(?:(?:au|à l['’]|à l\s)\s*(?:{_DIRS_FR})\s+)?(?:de|du|d['’])\s*{_OF_TOWN_FR})(?P<name>{_NAME}))",
        ),
        (
            "road",
            r"axe|route|rn|tronçon",
            rf"(?P<quote>(?i:l['’]axe(?:\s+routier)?|la\s+route(?:\s+nationale)?|la\s+RN\s*\d+|le\s+tronçon)\s+(?P<a>{_WORD}){_DASH}(?P<b>{_WORD}))",
        ),
        (
            "road",
            r"reliant|relie|allant de",
            rf"(?P<quote>(?i:la\s+route|la\s+piste|l['’]axe)\s+(?i:reliant|qui\s+relie|allant\s+de)\s+(?P<a>{_NAME})\s+(?:à|et)\s+(?P<b>{_NAME}))",
        ),
        (
            "between",
            r"entre",
            rf"(?P<quote>(?i:entre\s+(?:les\s+(?:localités|villages|villes)\s+de\s+)?)(?P<a>{_NAME})\s+et\s+(?P<b>{_NAME}))",
        ),
        (
            "direction",
            r"(?:au|l'|l’|le) ?(?:nord|sud|est|ouest)",
            rf"(?P<quote>(?i:(?:au|à l['’]|dans le)\s*(?:{_DIRS_FR})\s+(?:de|du|d['’])\s*{_OF_TOWN_FR})(?P<name>{_NAME}))",
        ),
        (
            "near",
            r"près d|loin d|environs d|proximité d|périphérie d|abords d|autour d|alentours d|hauteur d|niveau d",
            # "à hauteur de Bamba", "au niveau de Boni": on a river or a road, by the town
            rf"(?P<quote>(?i:(?:près\s+d[e']|non loin\s+d[e']|à\s+(?:la\s+)?hauteur\s+d[e']|au\s+niveau\s+d[e']|autour\s+d[e']|aux alentours\s+d[e']|(?:aux\s+)?environs\s+d[e']|à proximité\s+d[e']|dans les environs\s+d[e']|à la périphérie\s+d[e']|aux abords\s+d[eu']|en périphérie\s+d[e'])\s*{_OF_TOWN_FR})(?P<name>{_NAME}))",
        ),
        (
            "near",
            r"entrée|sortie|portes d",
            # « à l'entrée nord de Gao », « aux portes de Ménaka » : au bord de la ville
            rf"(?P<quote>(?i:(?:à\s+l['’]entrée|à\s+la\s+sortie|aux\s+portes)(?:\s+(?:{_DIRS_FR}))?\s+(?:de|du|d['’])\s*{_OF_TOWN_FR})(?P<name>{_NAME}))",
        ),
        (
            "area",
            r"(?:région|province|cercle|commune|localité|département|préfecture|ville|village|hameau|campement|zone|secteur)s?(?: [a-zéèêç]+)? d",
            # ... and a settlement after "du"/"au": "au hameau de Kokorou", "l'attaque du village
            # de Toumour" (not an area: "ce village du cercle de Djenné" names no other place than
            # the village); the neighbouring one is still the area ("la province voisine du Soum"),
            # as is one told with an adjective ("le village dogon de Sobane Da")
            rf"(?P<quote>(?i:(?:(?:la|le|l['’])\s*(?:{_AREA_FR})(?:\s+voisine?|\s+(?-i:[a-zéèêç]{{3,12}}))?|(?:du|au)\s+(?:hameau|campement|village)|(?:les|des)\s+(?:villages|localités|communes|villes|secteurs|zones))\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de|du|des)\s*)(?P<name>{_NAME}))",
        ),
        (
            "area",
            r"(?:région|province|cercle|commune|département)s? d",
            # an area set after a place in apposition, with no article: "dans la zone de Tabatol,
            # département de Tillabéri", "à Petelkolé (commune de Téra)"
            rf"[,(]\s*(?P<quote>(?i:(?:région|province|cercle|commune|département))\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de|du|des)\s*(?P<name>{_NAME}))",
        ),
        (
            "area",
            r"(?:région|province|cercle|commune|département)s? d",
            # a heading's area, capitalised and with no article: "– Commune de Dioungani (cercle
            # de Koro).", "— Province des Banwa."
            rf"(?:^|[–—:\-]\s*)(?P<quote>(?:Région|Province|Cercle|Commune|Département)\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de|du|des)\s*(?P<name>{_NAME}))",
        ),
        (
            "site",
            r"camp|base|poste|garnison|caserne|détachement|plateforme|emprise|école|brigade|commissariat|position",
            # ... and their plurals, whose places _coordinated then adds ("les camps militaires
            # de Boulkessi et de Mondoro"); not "les casernes de Niamey", where troops' anger is
            # told more often than attacks
            rf"(?P<quote>(?i:(?:le\s+|la\s+|les\s+|du\s+|des\s+|au\s+|aux\s+|l['’])?(?:camps?|bases?|postes?(?:\s+avancés?)?|garnisons?|caserne|détachements?|plateformes?|emprises?|écoles?|brigades?|commissariats?|positions?\s+militaires?)(?:\s+militaires?)?(?:(?:\s+{_WORD}){{1,2}}|(?:\s+[a-zéèêàç-]+){{1,2}}?)?\s+(?:de|d['’])\s*)(?P<name>{_NAME}))",
        ),
        (
            "site",
            r"aéroport",
            rf"(?P<quote>(?i:l['’]aéroport(?:\s+international)?(?:\s+de|\s+d['’])?\s*)(?P<name>{_NAME}))",
        ),
        (
            "object",
            r"pris|repris|attaqué|investi|occupé|encerclé|assiégé|pilonné|bombardé|frappé|visé|ciblé|gagné|quitté|secoué|ébranlé|endeuillé|paralysé",
            # ... and where violence spread: "les violences ont gagné Niamey"
            rf"\b(?i:(?:ont|a|avaient|avait|avoir)\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|finalement|aussi|également|ensuite|alors|déjà)\s+)?(?:pris|repris|attaqué|investi|occupé|encerclé|assiégé|pilonné|bombardé|frappé|visé|ciblé|gagné|quitté|secoué|ébranlé|endeuillé|paralysé)(?:\s+d['’]assaut)?(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier))?(?:\s+le\s+contrôle(?:\s+(?:total|complet|entier))?\s+(?:de|d['’]))?)\s*(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "object",
            r"c'est|c’est",
            rf"\b[Cc]['’]est\s+(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "object",
            r"prise|tomb",
            rf"(?P<quote>(?P<name>{_NAME}))\s+(?:(?:a|avait)\s+été\s+(?:prise?|reprise?)|(?:est|était)\s+tombée?)\b",
        ),
        (
            "apposition",
            r"capitale|ville|localité|village|commune|chef-lieu|bastion|fief",
            rf"(?P<quote>(?P<name>{_NAME}))\s*,\s+(?i:(?:la|le|l['’]|une?)\s*(?:[\w'’-]+\s+){{0,4}}?(?:capitale|ville|localité|village|commune|chef-lieu|bastion|fief))\b",
        ),
        (
            "plain",
            r"hôtel|hotel|restaurant|café|bar|maquis|buvette|auberge|marché|mosquée|église|école|lycée|collège|réserve|parc|forêt|mine|site|prison|gare|pont|barrage|mairie|zone|police|gendarmerie|domicile|résidence",
            # a building or site of a town: "l'hôtel Radisson Blu de Bamako", "un maquis de
            # Koudougou", "le marché à bétail de Namoungou", "la zone des girafes de Kouré", "la
            # mine d'or de Tambao", "la police de Bobo-Dioulasso"
            # (not "le quartier de Dapoya": a quarter is rarely in the gazetteer, its namesake
            # village elsewhere often is; nor "l'hôpital de Diffa", where the wounded are taken)
            rf"\b(?i:hôtel|hotel|restaurant|café|bar|maquis|buvette|auberge|marché|mosquée|église|école|lycée|collège|réserve|parc|forêt|mine|site|prison|gare|pont|barrage|mairie|zone|police|gendarmerie|domicile|résidence)(?:\s+[\w'’-]+){{0,3}}?\s+(?:de|d['’])\s*(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"–|—",
            # a heading's place after a dash: "3) Thursday 15 Oct — Sofara (cercle de Djenné).";
            # not a dateline's town before its date ("PRESS RELEASE — Bamako, 20 January")
            rf"[–—]\s+(?P<quote>(?P<name>{_NAME}))\s*(?=\(|[.;:]|$)",
        ),
        (
            "plain",
            r"chef|maire|imam|habitants|villageois|notables|quartier",
            # a place named by its people or its quarters: "le chef coutumier de Gorgadji", "les
            # habitants du village de Sollé", "le quartier Dogona de Bobo-Dioulasso"
            rf"\b(?i:chefs?(?:\s+coutumiers?|\s+de\s+village)?|maires?|imams?|habitants|villageois|notables|quartiers(?:\s+{_WORD})?|quartier\s+{_WORD})\s+(?i:(?:du\s+village|de\s+la\s+(?:commune|ville|localité))\s+)?(?:de|d['’])\s*(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"rues d",
            rf"\b(?i:(?:dans|par|sur)\s+les\s+(?:rues|artères)\s+(?:de|d['’]))\s*(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            "",
            rf"(?:(?<!\w)[àÀ]|^\s*A(?=\s)|\b[Aa]u|\b[Dd]ans|\bà\s+travers|{_EVENT_OF_FR}|\b(?:[Aa]u|[Ll]e|[Dd]u)\s+(?:cœur|coeur|centre)\s+d[e'’]|\b[Ee]n\s+plein\s+(?:cœur|coeur|centre)\s+d[e'’])\s*(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"contre",
            # l'événement nommé par son lieu, après ses auteurs : « une attaque de combattants
            # du JNIM contre Djibo », « l'attaque menée mardi contre Arbinda »
            rf"\b(?i:attaques?|assauts?|offensives?|raids?)\s+(?:(?:d['’]|de|des|du)\s*(?:[\w'’-]+\s+){{1,5}}?|(?i:men|lanc|perp[ée]tr)[ée]e?s?\s+(?:[\w'’-]+\s+){{0,3}}?)contre\s+{_OF_TOWN_FR}(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"empar",
            # « les FAMa se sont emparées de Kidal »
            rf"\b(?i:s['’]en\s+être\s+|se\s+sont\s+|s['’]est\s+|s['’])?(?i:empar[ée]e?s?|emparer|emparent)\s+(?:de|d['’])\s*{_OF_TOWN_FR}(?P<quote>(?P<name>{_NAME}))",
        ),
        (
            "plain",
            r"tour",
            # « Samedi, c'était au tour de Gao »
            rf"\b(?i:au\s+tour\s+(?:de|d['’]))\s*{_OF_TOWN_FR}(?P<quote>(?P<name>{_NAME}))",
        ),
        (  # l'amorce d'un point d'une revue : « Dablo, province du Sanmatenga, dimanche 12 mai : »
            "plain",
            ":",
            rf"^\s*(?![A-ZÀ-Ý]{{2,}}\b)(?P<quote>(?P<name>{_NAME}))\s*,\s(?:(?!\s-\s)[^:\n.;–—]){{3,60}}\s?:\s",
        ),
        (  # le titre d'une revue de presse : « Ouagadougou. », « Route de Dori. »
            "plain",
            "",
            rf"^\s*(?i:(?:(?:la\s+)?(?:route|axe)\s+(?:de|d['’]|du)\s*))?(?P<quote>(?P<name>{_NAME}))\s*[.:]?\s*$",
        ),
        (  # le titre d'un bulletin, lieu et jour : « Sévaré, vendredi. »
            "plain",
            "",
            rf"^\s*(?P<quote>(?P<name>{_NAME})){BRACKETED}(?:\s+et\s+{_NAME})?\s*,\s+(?:\w+\s+){{0,2}}\w+\s*[.:]\s*$",
        ),
    ),
}
_WINDOW = 120  # characters around a gate hit in which a phrase may lie
_PRIORITY = {
    "offset": 0, "road": 1, "between": 2, "direction": 3, "near": 4, "area": 5, "site": 6,
    "object": 7, "apposition": 7, "plain": 7,
}  # fmt: skip

_NOT_PLACE_WORDS = """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi
    dimanche the a an this that these his her their le la les un une ce cette ces son sa ses leur
    president colonel col lt general gen captain capt minister mr mrs ms dr m mme président
    général capitaine ministre lieutenant sergeant commander commandant english french
    arabic bambara fulfulde français anglais arabe"""
_NOT_PLACES = frozenset(fold(w) for w in _NOT_PLACE_WORDS.split())
# Words that open many multi-word names ("Grand Sahara", "Haut-Sassandra", "North Kivu"): on their
# own, cut from the rest of a capitalised name, they are not the village that bears them.
_OPENER_WORDS = (
    "Grand Grande Petit Petite Haut Haute Bas Basse Nord Sud Est Ouest Saint Sainte Great Greater "
    "Upper Lower North South East West Central New Old"
)
_NAME_OPENERS = frozenset(fold(w) for w in _OPENER_WORDS.split())
_VAGUE = frozenset(
    fold(w)
    for w in (
        "Mali", "Burkina Faso", "Burkina", "Niger", "Nigeria", "Chad", "Tchad", "Algeria",
        "Algérie", "Mauritania", "Mauritanie", "Senegal", "Sénégal", "Guinea", "Guinée",
        "Benin", "Bénin", "Togo", "Ghana", "Côte d'Ivoire", "Ivory Coast", "Libya", "Libye",
        "Sahel", "Sahara", "Africa", "Afrique", "West Africa", "Afrique de l'Ouest", "Europe",
        "France", "Russia", "Russie", "United States", "Etats-Unis", "États-Unis", "Liptako",
    )
)  # fmt: skip


class PlaceFinder:
    """Finds locating phrases in one language ("en", "fr"; other codes try both)."""

    def __init__(
        self,
        lang: str,
        known: Callable[[str], bool] | None = None,
        names: Iterable[str] = (),
        spelt: Callable[[str], bool] | None = None,
    ) -> None:
        self.lang = lang
        self.known = known
        # A run cut to a shorter start must name a place as written: "Tchoma Bangou" is not
        # "Tchoma", a Koma by its sound. Without this test, ``known`` stands for it.
        self.spelt = spelt or known
        # Capitalised names of several words that are not places although they start with one
        # ("Boko Haram" is not the village of Boko): a run is not cut inside one of them.
        self._other_names = frozenset(
            fold(n) for n in names if " " in n.strip() and n[:1].isupper()
        )
        # Acronyms of actors ("FAMa", "FDS") are not places, even where a village shares the
        # letters (Fama).
        self._acronyms = frozenset(
            n.strip() for n in names if " " not in n.strip() and sum(c.isupper() for c in n) >= 2
        )
        languages = [lang] if lang in _PATTERNS else list(_PATTERNS)
        self._patterns = [
            (kind, re.compile(gate) if gate else None, re.compile(pattern), _anchors(gate))
            for code in languages
            for kind, gate, pattern in _PATTERNS[code]
        ]

    def find(self, text: str) -> list[PlaceMention]:
        """Locating phrases in ``text`` (offsets into it), in order of position."""
        found: list[tuple[int, int, int, PlaceMention, bool]] = []
        lower = text.lower()
        if len(lower) != len(text):  # a rare letter that lowers to two: no gating
            lower = ""
        for kind, gate, pattern, anchors in self._patterns:
            if anchors and lower:
                for anchor in anchors:
                    if anchor in lower:
                        break
                else:
                    continue  # no gate word in the sentence: the gate cannot hit
            for match in _matches(pattern, gate, text, lower):
                mention = self._mention(kind, match, text)
                if (
                    kind == "plain"
                    and mention is not None
                    and (
                        _SOURCE_AT.search(text[max(0, mention.start - 72) : mention.start])
                        or _TAKEN_TO.search(text[max(0, mention.start - 48) : mention.start])
                        or (
                            _OFFICIALS_AT.search(text[max(0, mention.start - 48) : mention.start])
                            and _SAYS.match(text, mention.end)
                        )
                    )
                ):
                    continue  # where a witness speaks from or the wounded were taken, not where
                    # it happened
                if mention is not None:
                    vague = fold(mention.name) in _VAGUE
                    found.append((_PRIORITY[kind], mention.start, mention.end, mention, vague))
        found.sort(key=lambda f: (f[0], f[1]))
        kept: list[tuple[int, int, int, PlaceMention, bool]] = []
        for item in found:
            if all(item[2] <= k[1] or item[1] >= k[2] for k in kept):
                kept.append(item)
        precise = [k for k in kept if not k[4]]
        chosen = [k[3] for k in sorted(precise or kept, key=lambda k: k[1])]
        return self._coordinated(text, chosen)

    def _coordinated(self, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """Places joined to a found one by a comma, "and" or "et" ("killed in Djibo and Arbinda",
        "à Komsilga, Nodin et Soro"): each a place of its own when the gazetteer knows the name."""
        if self.known is None or not found:
            return found
        out: list[PlaceMention] = []
        for n, mention in enumerate(found):
            out.append(mention)
            limit = found[n + 1].start if n + 1 < len(found) else len(text)
            end = mention.end
            while (match := _AND.match(text, end, limit)) is not None:
                name = self._trim(match["name"], strict=True)
                if name is None or fold(name) in _VAGUE:
                    break
                start = match.start("name")
                out.append(PlaceMention(name, start, start + len(name), name))
                end = start + len(name)
        return out

    def _mention(self, kind: str, match: re.Match[str], text: str) -> PlaceMention | None:
        groups = match.groupdict()
        if groups.get("a") and groups.get("b"):
            first = self._trim(match["a"], strict=False)
            second = self._trim(match["b"], strict=False)
            if first is None or second is None:
                return None
            end = match.start("b") + len(second)
            start = match.start("quote")
            if kind == "road":
                end = match.end("quote")
            return PlaceMention(f"{first}–{second}", start, end, text[start:end])
        name = self._trim(match["name"], strict=kind in ("plain", "object", "apposition"))
        if name is None:
            return None
        if kind in ("offset", "direction") and _far(text[max(0, match.start() - 24) : match.end()]):
            return None  # "Kidal, about 1,500 km north-east of Bamako" places nothing near Bamako
        start = match.start("quote")
        end = match.start("name") + len(name)
        if kind in ("area", "road") and match.end("quote") > match.end("name"):
            end = match.end("quote")  # "the Mopti region"
        if kind == "road":
            name = name.replace("-", "–")
        return PlaceMention(name, start, end, text[start:end])

    def _trim(self, name: str, *, strict: bool) -> str | None:
        """Drop non-place words from the end of a capitalised run; None when nothing is left."""
        # "Bamako's Modibo Keïta airport": the possessor is the place.
        name = _POSSESSIVE.sub("", name) or name
        words = name.split()
        while words and fold(words[-1]) in _NOT_PLACES | {"de", "du", "el", "al", "ag"}:
            words.pop()
        if not words or fold(words[0]) in _NOT_PLACES:
            return None
        if len(words) == 1 and words[0] in self._acronyms:
            return None
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
            acronym = words[0]
            return acronym if self.known is not None and self.known(acronym) else None
        if self.known is not None:
            spelt = self.spelt or self.known
            for n in range(len(words), 0, -1):
                candidate = _join(name, words[:n])
                if n < len(words) and fold(" ".join(words[: n + 1])) in self._other_names:
                    return None  # "Boko Haram": the run is another kind of name
                if n == 1 < len(words) and fold(words[0]) in _NAME_OPENERS:
                    break  # "au Grand Sahara" is not the town of Grand
                if (self.known if n == len(words) else spelt)(candidate):
                    return candidate
            if strict and fold(" ".join(words)) not in _VAGUE:
                return None
        return _join(name, words)


#: Beyond this distance an offset situates a place for the reader; it does not locate an event.
FAR_KM = 150


def _far(phrase: str) -> bool:
    """Whether the phrase gives a distance beyond :data:`FAR_KM` ("1,500 km north-east of")."""
    distance = _DISTANCE.search(phrase)
    if distance is None:
        return False
    number = re.sub(r"[,. ]", "", distance["n"])
    return number.isdigit() and int(number) > FAR_KM


_DISTANCE = re.compile(r"(?P<n>\d[\d,. ]*?)\s*(?:km|kms|kilom|miles?)\b", re.IGNORECASE)


#: The place a source speaks from: "a security source in Dori", "une source sécuritaire à
#: Dori", "reached by telephone in Mopti", "joint par téléphone à Gao", "who now lives in Dori",
#: and (with :data:`_SAYS`) "local officials in Niono said".
_SOURCE_AT = re.compile(
    r"\b(?:(?:security|military|local|medical|hospital|humanitarian)\s+sources?|"
    r"sources?\s+(?:sécuritaires?|militaires?|locales?|médicales?|hospitalières?|humanitaires?)|"
    r"reached(?:\s+by\s+(?:tele)?phone)?|joints?\s+par\s+téléphone|joints?|jointes?|"
    r"who\s+(?:now\s+)?lives?|qui\s+vit(?:\s+désormais)?|interviewed|interrogée?s?|"
    r"met|rencontrée?s?)"
    r"(?:\s+\w+){0,3}\s+(?:in|at|à|au)\s*$"
    # ... and the speaker of a quote put after it: '», a déclaré un cadre du parti à Bamako',
    # '", said a resident in Djibo'.
    r"|[»\"”,]\s*(?:(?:a|ont)\s+(?:déclaré|indiqué|affirmé|confié|expliqué|raconté|ajouté)|"
    r"said|says|told\s+\w+|added)\s+(?:un|une|le|la|l['’]|des|a|an|the|one)\b[^,.;»\"”]{0,40}?"
    r"\s+(?:in|at|à|au)\s*$"
    # ... or the speaker first, the verb after the place: '," an officer based in Niono said'.
    r"|[»\"”],?\s+(?:un|une|le|la|l['’]|a|an|the|one)\s+[^,.;»\"”]{0,40}?\s+(?:in|at|à|au)\s*$",
    re.IGNORECASE,
)
#: Officials (or analysts, diplomats) speaking from a place, when a verb of saying follows it
#: ("officials in Niono said", "security analysts in Bamako said");
#: "gunmen killed two officials in Sokolo" stays a place.
#: Where the wounded or the dead were taken: "deux blessés, évacués à Niamey", "treated in Djibo".
_TAKEN_TO = re.compile(
    r"\b(?:évacué|transporté|transféré|acheminé|emmené|admis|hospitalisé|soigné|evacuated|"
    r"airlifted|flown|rushed|transferred|admitted|hospitali[sz]ed|treated)e?s?"
    r"(?:\s+[\w'’-]+){0,3}\s+(?:in|at|to|à|au|vers)\s*$",
    re.IGNORECASE,
)
_OFFICIALS_AT = re.compile(
    r"\b(?:officials?|authorities|élus?|autorités|responsables?|notables?|analysts?|diplomats?|"
    r"observers?|experts?|researchers?|analystes?|diplomates?|observateurs?|chercheurs?)"
    r"(?:\s+\w+){0,2}\s+"
    r"(?:in|at|à|au)\s*$",
    re.IGNORECASE,
)
_SAYS = re.compile(
    r"\s*,?\s*(?:said|say|says|told|reported|added|warned|estimated|a déclaré|ont déclaré|"
    r"ont indiqué|indiquent|affirment|ont affirmé|estiment|ont estimé|craignent|"
    # ... or who blame someone for the event: "officials in Niamey attributed the attack to"
    r"attributed|blamed|accused|ont attribué|attribuent|ont imputé|imputent|accusent|ont accusé)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s\b.*$", re.DOTALL)

#: A further place joined to the one before: "and Arbinda", ", Nodin", "et à Soro".
_AND = re.compile(  # "... Kain (Yatenga), Bahn (Loroum) et Bomboro": past the area in brackets
    rf"{BRACKETED}(?:,\s+|\s+(?:and|et)\s+)(?:(?:in|at|à|de|d['’])\s*)?(?:{_OF_TOWN_EN}|{_OF_TOWN_FR})"
    rf"(?P<name>{_NAME})"
)


def _anchors(gate: str) -> tuple[str, ...]:
    """Plain substrings one of which every hit of ``gate`` contains: the literal start of each
    alternative ("overr" for "overr[au]n", "town" for "towns?"), found by ``in`` far faster
    than the pattern runs. A gate that is one leading group ("(?:region|towns?) of") takes the
    group's alternatives. Empty (no shortcut) when some alternative starts with syntax."""
    if gate.startswith("(?:") and gate.count("(") == 1:
        close = gate.index(")")
        if gate[close + 1 : close + 2] not in ("?", "*", "{"):  # the group itself is required
            gate = gate[3:close]
    if "(" in gate or ")" in gate:
        return ()
    anchors = []
    for alternative in gate.split("|"):
        literal = re.match(r"[^\\.^$*+?{}\[\]|()]*", alternative)
        word = literal[0] if literal else ""
        if word != alternative and alternative[len(word)] in "?*{":
            word = word[:-1]  # the last letter is optional
        if not word:
            return ()
        anchors.append(word)
    return tuple(anchors)


def _matches(
    pattern: re.Pattern[str], gate: re.Pattern[str] | None, text: str, lower: str
) -> list[re.Match[str]]:
    if gate is None or not lower:
        return list(pattern.finditer(text))
    windows: list[list[int]] = []
    for hit in gate.finditer(lower):
        lo, hi = max(0, hit.start() - _WINDOW), min(len(text), hit.end() + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [m for lo, hi in windows for m in pattern.finditer(text, lo, hi)]


def _join(original: str, words: list[str]) -> str:
    """The start of ``original`` that holds ``words`` (keeping its own spacing)."""
    end = 0
    for word in words:
        end = original.index(word, end) + len(word)
    return original[:end]
