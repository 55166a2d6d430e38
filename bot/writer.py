"""Who is writing: the signs of a young person writing about their own life.

The editors' role phrases (`roles` in data/routing.yml) name writers by the words they use ("jag är 15",
"min pappa", "lärare"). Young people rarely say who they are: they write "pappa slår mig", "kuratorn på
min skola", "e 15 o". Read by the editors' phrases alone, two in three young writers in the
real-language corpus went unrecognised, and one in five was taken for a parent or a member of staff
("mamma", "kuratorn"). These signs find them without taking parents for teenagers: a parent names
their child ("min son", "dottern", "som mamma").
"""
from __future__ import annotations

import re

from bot.text import fold, words

YOUNG = "young"

# "jag är 15", "ja e 16", "… . e 14 o …", "jag (15)": the writer's own age, not "för 15 år sedan".
_OWN_AGE = re.compile(
    # "jag är 15", "e 16", "jag (14)", and "ja e kille 17", "jag är en tjej på 15".
    r"(?:\b(?:jag|ja|jg)\s+(?:ar|e)\s+(?:(?:en\s+)?(?:kille|tjej|pojke|flicka)\s+(?:pa\s+)?)?|(?:^|[.!?,:;]\s*)(?:e|ar)\s+"
    r"|\bjag\s*\(\s*)(1\d)\b"
    r"(?!\s*(?:ar|manader|veckor)\s+(?:sedan|sen))"
)
# The writer's own adult age: "jag är 30", "nu är jag 45" (not "jag är 20 min sen", "är 25 år sedan").
_OWN_ADULT_AGE = re.compile(r"(?:\b(?:jag|ja|jg)\s+(?:ar|e)\s+|\b(?:ar|e)\s+(?:jag|ja)\s+)(?:[2-9]\d|1[89])\b"
                            r"(?!\s*(?:ar|manader|veckor|min|minuter|kr|procent)\s+(?:sedan|sen))"
                            r"(?!\s*(?:min|minuter|kr|procent|st)\b)")
YOUNGEST_ADULT = 18

# The writer's own parents, named without "min": "pappa slår mig", "mamma och pappa bråkar".
_OWN_PARENTS = {"mamma", "pappa", "morsan", "farsan", "foraldrar", "foraldrarna", "styvpappa", "styvmamma",
                "mammas", "pappas", "plastpappa", "plastmamma", "bonuspappa", "bonusmamma"}
# …but "en pappa", "hans mamma", "vi föräldrar", "andra föräldrar" are someone else's.
_NOT_OWN = {"en", "ett", "hans", "hennes", "deras", "barnens", "andra", "vi", "oss", "som", "alla", "nan", "nagon",
            "ensam", "bra", "var", "vara"}
_FIRST_PERSON = {"jag", "mig", "mej", "ja", "min", "mitt", "mina"}
# A parent writing names their child or calls themselves a parent.
_PARENT_SIGNS = ("min son", "min dotter", "mitt barn", "mina barn", "vart barn", "var son", "var dotter", "sonen",
                 "dottern", "barnen", "som mamma", "som pappa", "som foralder", "mamma till", "pappa till",
                 "ar mamma", "ar pappa", "barnens", "hans pappa", "hennes pappa", "hans mamma", "hennes mamma",
                 "min tonaring", "tonaring", "mitt barnbarn", "vi foraldrar", "oss foraldrar")
_CHILD_BY_AGE = re.compile(r"\b(?:min|mitt|var|vart)\s+\d+\s*-?\s*(?:aring|arig|ars)\b")
# School seen from a pupil's desk.
_PUPIL_SIGNS = ("i min klass", "i klassen", "klasskompis", "klasskompisar", "klasskamrat", "mina klasskamrater",
                "pa rasten", "min mentor", "min larare", "kuratorn", "skolskoterskan", "min skola", "pa min skola",
                "jag gar i", "ja gar i", "i nian", "i attan", "i sjuan", "hogstadiet")
# …and from the staff room.
_STAFF_SIGNS = re.compile(r"\b(?:min elev|mina elever|en elev|eleven|elever|eleverna|jobbar|arbetar|personal|"
                          r"kollega|kollegor|jag ar larare|som larare)\b")


def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


# Built once: every message asks these.
_PARENT = _any_of(_PARENT_SIGNS)
_PUPIL = _any_of(_PUPIL_SIGNS)


def own_age(text: str) -> int | None:
    """The age the writer gives for themselves ("jag är 15", "e 16 o …"), if any."""
    return _own_age(fold(text))


def writes_as_young(text: str, role: str | None) -> bool:
    """The text reads as a young person writing about their own life.

    `role` is what the editors' phrases found: a young person's own age overrules it; their own parents
    count where the phrases found nothing or a relative; a pupil's view of school where they found
    nothing or staff (a pupil mentioning "kuratorn")."""
    return _reads_young(fold(text), role)


def _own_age(folded: str) -> int | None:
    match = _OWN_AGE.search(folded)
    return int(match.group(1)) if match else None


def _reads_young(folded: str, role: str | None) -> bool:
    age = _own_age(folded)
    if age is not None and age < YOUNGEST_ADULT:
        return True
    sequence = words(folded)
    tokens = set(sequence)
    if not tokens & _FIRST_PERSON or _PARENT.search(folded) or _CHILD_BY_AGE.search(folded):
        return False
    own_parents = any(word in _OWN_PARENTS and (index == 0 or sequence[index - 1] not in _NOT_OWN)
                      for index, word in enumerate(sequence))
    if role in (None, "relative") and own_parents:
        return True
    return role in (None, "staff") and bool(_PUPIL.search(folded)) and not _STAFF_SIGNS.search(folded)


# A member of staff saying so ("jag är lärare och en elev i min klass …"): the editors' "i min klass" is a pupil's.
_STAFF_SAYS_SO = re.compile(r"\b(?:jag ar|jobbar som|arbetar som|som)\s+(?:larare|mentor|rektor|kurator|skolkurator|"
                            r"fritidsledare|socialsekreterare|skolskoterska|pedagog|specialpedagog|faltassistent)\b"
                            r"|\b(?:min elev|mina elever)\b")


# An adult's life: their own children, grandchildren, partner, work. "först med mina föräldrar och nu med mina egna
# barn": the editors' "mina föräldrar" is then someone who is a parent too, not a young person.
_ADULT_SIGNS = re.compile(r"\b(?:mina egna barn|mitt eget barn|egna barn|barnbarn\w*|min man|min fru|min sambo|min make|"
                          r"mitt jobb|pa jobbet|efter jobbet|min chef|pensionar|pensionen|"
                          r"i (?:snart |over |mer an )?(?:tjugo|trettio|fyrtio|femtio|sextio|[2-9]\d) ar)\b")


# The writer says he is a man or a boy ("jag är en man på 45", "jag e kille"), or a wife or girlfriend hurts him
# ("min fru slår mig"): lines for women (Kvinnofridslinjen, tjejjourer) are then not his.
# "jag e 16 kille", "jag är 17 år och kille": an age may come first.
_AGE_FIRST = r"(?:\d{1,2}\s+(?:ar\s+)?(?:(?:och|o)\s+)?)?"
_MAN_SAYS_SO = re.compile(rf"\b(?:jag|ja|jg)\s+(?:ar|e)\s+{_AGE_FIRST}(?:en\s+)?(?:man|kille|pojke|snubbe)\b")
_FEMALE_PARTNER_HURTS_ME = re.compile(
    r"\b(?:min|mitt)\s+(?:fru|hustru|frun|tjej|flickvan|exfru|extjej|ex-fru|ex-tjej|ex-flickvan)\s+"
    r"(?:\w+\s+){0,3}?(?:slar|slog|sparkar|sparkade|hotar|hotade|kontrollerar|knuffar|knuffade|har slagit|misshandlar)"
    r"\s+(?:\w+\s+)?(?:mig|mej)\b")


# The same told the other way round ("jag blir slagen av min flickvän"), and a man asking whether the lines for women
# are his ("Kvinnofridslinjen är väl bara för kvinnor?", "finns det nåt för killar?").
_HURT_BY_FEMALE_PARTNER = re.compile(
    r"\b(?:blir|blev|har blivit|har blitt|bli)\s+(?:\w+\s+)?(?:slagen|misshandlad|hotad|sparkad|knuffad|kontrollerad)\s+"
    r"av\s+(?:min|mitt)\s+(?:fru|hustru|tjej|flickvan|exfru|extjej|ex-fru|ex-tjej|ex-flickvan)\b")
_LINES_FOR_MEN = re.compile(r"\bbara for (?:kvinnor|tjejer)\b|\b(?:nat|nagot|nan|nagon|hjalp|stod) for (?:man|killar)\b"
                            r"|\bfor (?:man|killar) (?:ocksa|med)\b"
                            # "nån som pratar med män": a line for men, not "om jag pratar med killar slår han mig".
                            r"|\bsom (?:bara )?prata(?:r)? med (?:man|killar)\b")
# A wife or girlfriend who controls him ("min fru kollar min telefon och tar alla mina pengar").
_FEMALE_PARTNER_CONTROLS_ME = re.compile(
    r"\b(?:min|mitt)\s+(?:fru|hustru|tjej|flickvan)\s+(?:\w+\s+){0,2}?(?:kollar|tar|styr|bestammer over|laser)"
    r"\s+(?:alla\s+)?(?:mina|min|mitt)\b")


# "min fru är väldigt kontrollerande": a man about his wife.
_FEMALE_PARTNER_IS = re.compile(r"\b(?:min|mitt)\s+(?:fru|hustru|flickvan)\s+(?:ar|e)\s+(?:\w+\s+)?"
                                r"(?:kontrollerande|svartsjuk|valdsam|elak|hotfull|aggressiv)\b")
_WOMAN_SAYS_SO = re.compile(rf"\b(?:jag|ja|jg)\s+(?:ar|e)\s+{_AGE_FIRST}(?:en\s+)?(?:kvinna|tjej|flicka)\b")


def says_staff(text: str) -> bool:
    """The writer says they work with it ("jag är lärare"), not that they told a teacher ("jag har sagt till en lärare")."""
    folded = fold(text)
    return bool(_STAFF_SAYS_SO.search(folded) or _STAFF_SIGNS.search(folded))


def writes_as_man(text: str) -> bool:
    folded = fold(text)
    # "jag e tjej 15": whatever else the message says, she is not a man.
    return bool(_MAN_SAYS_SO.search(folded) or (
        _FEMALE_PARTNER_HURTS_ME.search(folded) or _HURT_BY_FEMALE_PARTNER.search(folded) or _LINES_FOR_MEN.search(folded)
        or _FEMALE_PARTNER_CONTROLS_ME.search(folded) or _FEMALE_PARTNER_IS.search(folded))
        and not _WOMAN_SAYS_SO.search(folded))


# "jag", "mig": the message is about the writer, unless it also names someone else the worry is for.
_ABOUT_ME = re.compile(r"\b(?:jag|mig|mej|ja|jg)\b")
_SOMEONE_ELSE = re.compile(r"\b(?:min|mitt|mina|var|vart|vara|hans|hennes)\s+(?:son|dotter|barn|barnbarn|bror|brorsa|"
                           r"lillebror|storebror|syster|lillasyster|storasyster|kusin|kompis|van|vanner|elev|elever|"
                           r"systerson|brorson|systerdotter|brordotter|pojkvan|flickvan|granne|grannes)\b"
                           r"|\b(?:sonen|dottern|eleven|grannen)\b")


def writes_about_self(text: str) -> bool:
    """The writer's own situation ("jag kan inte sova sen skjutningen"), not someone else's ("min son …")."""
    folded = fold(text)
    return bool(_ABOUT_ME.search(folded)) and not _SOMEONE_ELSE.search(folded)


def writer_role(text: str, role: str | None) -> str | None:
    """The editors' role, or `young` where the text reads as a young person's own, or `staff` where a
    member of staff says so."""
    folded = fold(text)  # once: every message comes through here
    if role == YOUNG and _OWN_ADULT_AGE.search(folded):
        return None  # "min pappa slog mig när jag var liten, nu är jag 30": an adult about their own life
    if role == YOUNG and _own_age(folded) is None:
        if _STAFF_SAYS_SO.search(folded):
            return "staff"
        if _PARENT.search(folded) or _CHILD_BY_AGE.search(folded):
            return "relative"  # "min mamma hjälper oss med min 9-åring": a parent, who names their own parents too
        if _ADULT_SIGNS.search(folded):
            return None
    return YOUNG if role != YOUNG and _reads_young(folded, role) else role
