"""What one message tells: the classifier's intent plus the facts explicit rules find in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator

from bot import situations
from bot.catalogue import Resource
from bot.conversation import lexicon
from bot.conversation.case import ADULT, UNDER_18
from bot.danger import DangerRules
from bot.editors_data import Snapshot
from bot.places import Area, Gazetteer
from bot.terms import IndexedTokens, Phrases, index_text
from bot.text import fold, words
from bot.writer import says_staff, writer_role, writes_about_self, writes_as_man

FALLBACK = "nlu_fallback"
OTHER_AREA = "other"
SECOND_CONCERN_CONFIDENCE = 0.3
SUICIDE = "suicide_selfharm"
# A question about "a service" that names none is about the concern behind it, when the classifier
# sees one with at least this confidence.
SERVICE_QUESTIONS = ("ask_service", "ask_contact_detail", "privacy_question")
UNDERLYING_CONCERN_CONFIDENCE = 0.1
# Signs that answer yes or no without words.
YES_OR_NO_SIGNS = frozenset("👍👌✅✔🆗👎❌")
SHORT_MESSAGE_WORDS = 6
# Moves that only give a fact about the case.
FACT_MOVES = frozenset({"inform_age", "inform_role", "inform_area"})
# The classifier's 'start over' wipes the conversation: below this, only with a phrase that says so.
RESTART_CONFIDENCE = 0.6
BARE_ANSWER_WORDS = 3
# A question about a process or a service, read from this confidence on, is answered as one: right after danger
# too, and about the police's part of the process by the police and victim support (POLICE_PROCESS_KINDS).
QUESTION_CONFIDENCE = 0.5
POLICE_PROCESS_KINDS = ("police", "victim_support")
WISH_TO_LEAVE = {"worried_extremism": "leave_extremism", "worried_gang": "leave_gang",
                 # "min bror sitter på anstalt och säger att han vill ändra sitt liv": the way out, for him and for you.
                 "relative_suspected": "leave_gang"}
USES_VIOLENCE_KIND = "helpline"  # in violence at home, the line for those who use it (Välj att sluta)
_AGE = re.compile(r"(?<![\d:.,-])(\d{1,2})\s*-?\s*(?:ar|aring|ars|arig)\b")
_IS_AGE = re.compile(r"\b(ar|e|fyller|fyllde|fyllt|blir|bara|typ|nastan)\s+(\d{1,2})\b(?![:.]\d)"
                     r"(?!\s*(?:personer|pers|st|stycken|kr|kronor|grader|minuter|min|procent|elever|barn|ungdomar|"
                     r"killar|tjejer|ganger|timmar|dagar|veckor|manader)\b)")
# "min dotter på 15", "sonen, 14,": the age of the one the message is about, written after who it is.
_KIN_AGE = re.compile(r"\b(?:son|sonen|dotter|dottern|bror|brorsa|brorsan|syster|systern|barn|barnet|kille|killen|tjej|"
                      r"tjejen|pojke|pojken|flicka|flickan|elev|eleven|brorson|systerson|brorsdotter|systerdotter|kusin|"
                      r"lillebror|lillasyster|storebror|storasyster|barnbarn|barnbarnet|kvinna|kvinnan|mannen|en man|"
                      r"klient|klienten)\s*(?:pa|,|\()?\s*(?:ca|cirka|runt|typ)?\s*(\d{1,2})\b"
                      r"(?![:.]\w)(?!\s*(?:dagar|dag|minuter|min|timmar|timme|veckor|vecka|manader|manad|kr|st|gr|kg|"
                      r"ganger|gang|ggr|lektioner|mobiler|personer|killar|tjejer|barn)\b)")
_OWN_AGE = re.compile(r"\b(?:(?:jag|ja)\s+(?:ar|e|blir|fyller)|(?:ar|e)\s+(?:jag|ja))\s+(\d{2,3})\b(?![:.]\d)"
                      r"(?!\s*(?:procent|%|kr|min|minuter|st)\b)")
OWN_AGE_ANSWER_WORDS = 4
ADULT_AGE, OLDEST_AGE = 18, 110
_YOUNG_WORDS = re.compile(r"\b(?:tonaring|tonaringar|minderarig|tonarsdotter|tonarsson)\b")
# "jag är vuxen", "han är myndig"; not "måste jag berätta för nån vuxen" or "prata med en vuxen".
_ADULT_WORDS = re.compile(r"(?<!nan )(?<!nagon )(?<!en )(?<!med )(?<!till )(?<!for )(?<!annan )\b(?:vuxen|myndig|over 18)\b"
                          r"|\b(?:pensionar|gammal kvinna|gammal man|gammal dam|aldre dam|aldre kvinna|aldre man)\b"
                          # A spouse or adult education ("en kursdeltagare blir slagen av sin man", "på komvux").
                          r"|\b(?:sin|hennes|hans) (?:man|make|fru|hustru)\b|\b(?:vuxenutbildning\w*|komvux|sfi|kursdeltagare\w*)\b")
# A bare age, the answer to "Hur gammal är du?": "16", "typ 15", "14 år".
_BARE_AGE = re.compile(r"\s*(?:typ|ca|runt|nastan|snart|bara)?\s*(\d{1,2})\s*(?:ar|ar gammal|arig)?\s*[.!]?\s*")


@dataclass(frozen=True)
class Message:
    """One user message as the NLU understood it."""

    text: str
    intent: str = ""
    confidence: float = 1.0
    ranking: tuple[tuple[str, float], ...] = ()
    entities: dict[str, str] = field(default_factory=dict)
    # The NLU's danger classifier (bot.danger_model), when it ran: the NLU has then weighed the
    # editors' patterns against it, and the guide keeps that decision rather than matching again.
    danger_probability: float | None = None
    danger_rule: str | None = None  # why the NLU saw danger: an editors' pattern id, or "danger_model"
    maybe_danger: bool = False  # the NLU's maybe-danger, read as the conversation going on (weigh_maybe_danger)
    denies_danger: bool = False  # "nej inte nu": no to the bot's question whether someone is in danger (weigh_no_to_danger)

    @classmethod
    def from_parse_data(cls, data: dict[str, Any], text: str | None = None) -> "Message":
        """A message as Rasa's NLU returns it (parse data, or a tracker's latest message)."""
        intent = data.get("intent") or {}
        ranking = tuple((str(r.get("name")), float(r.get("confidence") or 0.0))
                        for r in data.get("intent_ranking") or [] if r.get("name"))
        entities = {e["entity"]: str(e["value"]) for e in data.get("entities") or [] if e.get("entity")}
        probability = data.get("danger_probability")
        return cls(text=data.get("text") or "" if text is None else text, intent=intent.get("name") or "",
                   confidence=float(intent.get("confidence") or 0.0), ranking=ranking, entities=entities,
                   danger_probability=None if probability is None else float(probability),
                   danger_rule=data.get("danger_rule"))

    @property
    def is_payload(self) -> bool:
        """A button press ("/worried_gang") rather than typed words."""
        return self.text.startswith("/")


@dataclass(frozen=True)
class Facts:
    """Everything one message tells, found by the classifier and by explicit rules."""

    intent: str
    confidence: float = 1.0  # the classifier's confidence in `intent`
    situations: tuple[str, ...] = ()  # situations this message raises, most urgent first
    danger: bool = False
    area: Area | None = None
    other_area: bool = False  # the "another municipality" button without a name
    role: str | None = None
    age_group: str | None = None
    services: tuple[Resource, ...] = ()  # services named in the message ("Bris", "soc")
    asked: tuple[Resource, ...] = ()  # named services the message asks about ("kan barn också ringa Orostelefonen?")
    declined: tuple[str, ...] = ()  # kinds of contact the person turns down ("hon vill inte ha polis")
    own_kinds: tuple[str, ...] = ()  # kinds of service the writer works at ("jag är socialsekreterare")
    wanted_kinds: tuple[str, ...] = ()  # kinds asked for by what they do ("finns det någon samordnare?")
    adult_writer: bool = False  # the writer gives their own age, 18 or over ("jag är 74 år")
    man: bool = False  # the writer says he is a man or a boy ("jag är kille", "min fru slår mig")
    uses_violence: bool = False  # the writer uses violence at home ("jag har slagit min fru", "vill sluta slå")
    what_it_is: bool = False  # only a name and "vad är": "vad är Välj att sluta?"
    asks_other: bool = False  # "finns det något annat?": more help for the same case
    vague: bool = False  # "hej jag vet inte riktigt vart jag ska vända mig": nothing yet of what it is about
    asks_pay: bool = False  # "kan jag inte bara betala?"
    fears_removal: bool = False  # "jag vill inte att de tar honom": soc turned down for fear of losing the child
    about_self: bool = False  # the writer's own situation: "jag", and no son, friend or pupil the worry is for
    cannot_call: bool = False  # "jag vågar inte ringa", "kan inte ringa, han hör mig"
    # A question about reporting to the police ("hur gör jag en polisanmälan om hot"), or about reporting at all
    # ("ska vi anmäla?") without a word of social services' part of it.
    police_report: bool = False
    report: bool = False
    # "bryter jag sekretessen om jag gör en orosanmälan?": the duty to report and secrecy.
    secrecy_and_report: bool = False
    # A step of the legal process asked about ("kan jag få kontaktförbud?", "måste jag vittna?"): lexicon.PROCESS_TOPICS
    process_topic: str | None = None
    parents_told: bool = False  # "kommer soc säga till mina föräldrar?"
    tell_the_police: bool = False  # "ska jag säga till polisen?"
    not_to_the_police: bool = False  # "jag vill inte polisanmäla henne, vi har barn ihop"
    contact_parents: bool = False  # "ska jag ringa föräldrarna först?"
    # Help is there: "har ringt 112 nu och polisen är på väg", when only the classifier (no pattern) saw danger.
    help_arrived: bool = False
    detail: str | None = None  # a question about a contact: number, hours, anonymity, cost, languages …
    closing: bool = False
    thanks: bool = False  # thanks opens or ends a message that asks nothing and says there is no more
    short: bool = False  # at most SHORT_MESSAGE_WORDS words: "vi går i 8an", "jag bor i tumba"
    acknowledged: bool = False  # only "okej", "aight", "ok bra": after the help, the person is leaving
    asks: bool = False  # the message has a question mark: "tack, men när har de öppet?" is a question
    question: bool = False  # a question mark, or a question's first word ("kan jag göra det på nätet")
    restart: bool = False
    affirm: bool = False
    deny: bool = False
    show_all: bool = False
    uncertain: bool = False  # the classifier could not tell; give the likeliest help and ask
    distress: bool = False  # some sign of violence, crime, fear, threat, extremism, gangs or distress
    about_the_bot: bool = False  # the message asks about this chat (is it saved, is it anonymous)
    crime: bool = False  # a crime is described: the police come earlier
    likely: tuple[str, ...] = ()  # the likeliest situations, best first, for a clarifying question
    behind_danger: str | None = None  # in a danger message, the concern the classifier also saw ("n-ordet på dörren")
    danger_rule: str | None = None  # in a danger message, why: an editors' pattern id, or "danger_model"
    underlying: str | None = None  # the concern behind a question that names no service
    maybe_danger: bool = False  # the classifier's unsure danger, read as the conversation going on: the emergency number stays in sight
    denies_danger: bool = False  # no to the question whether someone is in danger now, or to the emergency answer
    danger_over: bool = False  # the danger is over or the person is safe ("han har gått", "vi är okej nu")
    place_unknown: bool = False  # "jag vet inte var hon bor": where the person in danger is
    still_there: bool = False  # "jag är ensam hemma", "han är kvar": the danger is not over
    children_there: bool = False  # "det finns små barn där också": children in a home with violence
    call_for_me: bool = False  # "kan ni ringa åt mig?": the bot cannot call or send help
    reported: bool = False  # "vi har redan anmält", "jag har fått kallelse till rättegången"
    of_someone_else: bool = False  # a short message about a third person ("han är 19", "hon e 15")
    angry_at_us: bool = False  # "ni på kommunen gör ju ingenting", "skit i era jävla nummer"
    feelings: bool = False  # "jag kan inte sova", "alla i skolan har sett den", "🥺"
    # Which worry the message's own words name (lexicon.TOPIC_CUES): "gänget", "nazist" …
    topic_words: tuple[str, ...] = ()
    asks_chat: bool = False  # "finns det en chatt?", "kan jag skriva istället?"
    waiting: bool = False  # "vad gör jag nu medans jag väntar": help is on its way
    called: bool = False  # "jag har ringt dom": read as the call to 112 only right after the emergency answer
    held: bool = False  # someone is held by the police or in custody ("polisen tog min son igår")
    says_staff: bool = False  # "jag är lärare", not "jag har sagt till en lärare"
    words: int = 0


def understand(message: Message, data: Snapshot, gazetteer: Gazetteer,
               lemmatize: Callable[[str], list[str]] | None = None) -> Facts:
    intent = _resolved_intent(message)
    text = "" if message.is_payload else message.text
    tokens = index_text(text)
    if intent == "start_over" and message.confidence < RESTART_CONFIDENCE and not lexicon.RESTART.found_in(tokens):
        # "kan jag prata med nån om det" read as 'start over' at 0.37: losing what was said costs too much.
        intent = FALLBACK
    if intent == "privacy_question" and text and not (
            lexicon.PRIVACY_WORDS if message.intent == intent else lexicon.PRIVACY_GUESSED).found_in(tokens):
        intent = FALLBACK  # "vet inte varför jag skriver här" read as a question about this chat at 0.99
    if intent in ("affirm", "deny") and text and not any(c.isalnum() for c in text) and not set(text) & YES_OR_NO_SIGNS:
        # "🥺🥺" read as a yes (to "Är någon i fara just nu?"): a feeling, not an answer. "👍" is a yes.
        intent = FALLBACK
    words_count = len(tokens.tokens)
    short = words_count <= SHORT_MESSAGE_WORDS
    bare = words_count <= BARE_ANSWER_WORDS  # "ja", "nej tack", "ja gärna"

    danger = intent == situations.DANGER
    if text and not danger and message.danger_probability is None:
        danger = data.danger.match(text, lemmatize(text) if lemmatize else None) is not None

    area, other_area = _area(_without_news_places(text, gazetteer, data.catalogue.areas()), message.entities, gazetteer)
    role = writer_role(text, data.routing.roles.detect(text)) if text else None
    if role is None and intent == "staff_concern":
        role = "staff"
    age_group = _age_group(text, message.entities)
    if (age_group is None and role not in ("relative", "staff")
            and _own_adult_ages(fold(text))):
        age_group = ADULT  # "jag är 35 och blir slagen": the writer's own age, about themselves

    services = tuple(data.catalogue.named_in(text)) if text else ()
    asked = tuple(r for r in services if _asks_about(text, data.catalogue.folded_aliases(r)))
    declined = tuple(dict.fromkeys(r.kind for r in services if r.kind != "emergency"
                                   and _turns_down(text, data.catalogue.folded_aliases(r))))
    if lexicon.POLICE_DECLINED.found_in(tokens) and not danger:
        declined = tuple(dict.fromkeys((*declined, "police")))
    vague = (not danger and not services and len(tokens.tokens) <= VAGUE_WORDS and lexicon.VAGUE.found_in(tokens)
             and not lexicon.SIGNS.found_in(tokens))
    raised = [] if vague else _situations(message, intent, text, tokens, role)
    own_kinds = tuple(kind for kind, phrases in lexicon.OWN_SERVICE.items() if phrases.found_in(tokens))
    requests = "?" in text or lexicon.REQUEST.found_in(tokens)
    is_question = _is_question(text, tokens)  # once: several readings below need it
    wanted_kinds = tuple(kind for kind, phrases in lexicon.WANTED_KIND.items()
                         if requests and kind not in own_kinds and phrases.found_in(tokens))
    if intent == "ask_process" and message.confidence >= QUESTION_CONFIDENCE and _about_the_police_process(tokens):
        # "finns det nåt sätt att vittna utan att dom ser mig?": the police and victim support answer, not soc.
        wanted_kinds = tuple(dict.fromkeys((*wanted_kinds, *POLICE_PROCESS_KINDS)))
    uses_violence = lexicon.USES_VIOLENCE.found_in(tokens) and not lexicon.HIT_NOT_HITTING.found_in(tokens)
    if uses_violence and not any(situations.is_concern(s) for s in raised) and _OWN_PARTNER_OR_TEMPER.search(fold(text)):
        raised.append("violence_close_relationship")  # "jag har tagit tag i min tjej hårt, jag vill inte vara sån"
    if "violence_close_relationship" in raised and uses_violence:
        wanted_kinds = tuple(dict.fromkeys((*wanted_kinds, USES_VIOLENCE_KIND)))  # Välj att sluta first
    if role is None and "professional_support" in wanted_kinds:
        role = "staff"  # "kan yrkesverksamma ringa er för konsultation?": who asks for a line for professionals is one
    detail = next((name for name, phrases in lexicon.DETAILS.items() if name != "what_is" and phrases.found_in(tokens)), None)
    if services and detail is None and lexicon.DETAILS["what_is"].found_in(tokens):
        detail = "what_is"
    what_it_is = detail == "what_is" and asks_only_what_it_is(
        text, [alias for r in services for alias in data.catalogue.folded_aliases(r)])
    if detail is None and intent == "ask_contact_detail":
        detail = "reach"  # "kan någon ringa mig?": how to reach them, rather than "tell me more"
    # A sign of violence or distress, or words of extremism or gangs ("skrek heil i headsetet"): never out of scope.
    distress = danger or ((lexicon.SIGNS.found_in(tokens) or any(cues.found_in(tokens) for cues in lexicon.TOPIC_CUES.values()))
                          and not data.danger.sounds_harmless(text))
    # "min mammas kille slår mig när mamma jobbar. jag e 12" read as giving an age: a story with a sign of violence
    # is about more than the fact it gives; unsure, so the likeliest help comes with the question.
    tells_more = intent in FACT_MOVES and distress and words_count > SHORT_MESSAGE_WORDS
    uncertain = intent == FALLBACK or (intent == situations.OUT_OF_SCOPE and distress) or tells_more
    thanks = not danger and lexicon.says_thanks(tokens, text)
    reporting = lexicon.TO_REPORT.found_in(tokens)  # not a witness's or a trial's question
    asks_other = lexicon.ASK_OTHER.found_in(tokens)
    return Facts(
        intent=intent,
        confidence=message.confidence if intent == message.intent else 0.0,
        situations=tuple(situations.by_urgency(raised)),
        danger=danger,
        area=area,
        other_area=other_area,
        role=role,
        age_group=age_group,
        services=services,
        asked=asked,
        declined=declined,
        own_kinds=own_kinds,
        wanted_kinds=wanted_kinds,
        help_arrived=(not danger or message.danger_rule == "danger_model") and lexicon.HELP_ARRIVED.found_in(tokens),
        adult_writer=any(age >= ADULT_AGE for age in _own_ages(fold(text))),
        man=writes_as_man(text),
        uses_violence=uses_violence,
        what_it_is=what_it_is,
        about_self=bool(text) and writes_about_self(text),
        police_report=reporting and _about_the_police_process(tokens),
        secrecy_and_report=lexicon.SECRECY.found_in(tokens) and (reporting or lexicon.SOCIAL_SERVICES_PROCESS.found_in(tokens))
        and not lexicon.POLICE_PROCESS.found_in(tokens),
        report=reporting and not lexicon.SOCIAL_SERVICES_PROCESS.found_in(tokens)
        and not lexicon.NOT_TO_THE_POLICE.found_in(tokens),
        cannot_call=len(tokens.tokens) <= CANNOT_CALL_WORDS and lexicon.CANNOT_CALL.found_in(tokens),
        detail=detail,
        closing=(intent in ("thanks", "goodbye") and _sure_goodbye(message, tokens)
                 or (short and lexicon.CLOSING.found_in(tokens) and not raised) or thanks),
        thanks=thanks,
        short=short,
        acknowledged=bare and "?" not in text and _only_acknowledging(tokens),
        asks="?" in text,
        question=is_question,
        restart=not asks_other and (intent == "start_over" or (short and lexicon.RESTART.found_in(tokens))),
        asks_other=asks_other,
        vague=vague,
        fears_removal=lexicon.FEAR_OF_REMOVAL.found_in(tokens) and not lexicon.REMOVAL_WANTED.found_in(tokens),
        asks_pay=lexicon.ASK_PAY.found_in(tokens),
        affirm=intent == "affirm" or (bare and lexicon.AFFIRM.found_in(tokens) and not lexicon.DENY.found_in(tokens)),
        deny=intent == "deny" or (bare and lexicon.DENY.found_in(tokens)),
        show_all=intent == "show_contacts" or (short and lexicon.SHOW_ALL.found_in(tokens) and not raised),
        uncertain=uncertain and not danger,
        distress=distress,
        crime=lexicon.CRIME.found_in(tokens),
        about_the_bot=lexicon.ABOUT_THE_BOT.found_in(tokens),
        likely=_likely(message, tokens),
        behind_danger=_behind_danger(message, tokens) if danger else None,
        danger_rule=message.danger_rule if danger else None,
        underlying=_underlying(message, intent, bool(services)),
        maybe_danger=message.maybe_danger,
        denies_danger=message.denies_danger,
        danger_over=bool(text) and (lexicon.SAFE_NOW.found_in(tokens) or data.danger.time_signs(text).safe),
        words=words_count,
        place_unknown=lexicon.PLACE_UNKNOWN.found_in(tokens),
        still_there=lexicon.STILL_THERE.found_in(tokens) or lexicon.NOT_RESPONDING.found_in(tokens),
        children_there=lexicon.CHILDREN_THERE.found_in(tokens),
        call_for_me=lexicon.CALL_FOR_ME.found_in(tokens),
        of_someone_else=bool(tokens.tokens) and tokens.tokens[0] in _THIRD_PERSON,
        angry_at_us=lexicon.ANGRY_AT_US.found_in(tokens),
        feelings=lexicon.FEELINGS.found_in(tokens) or bool(set(text) & lexicon.FEELING_SIGNS),
        topic_words=tuple(name for name, cues in lexicon.TOPIC_CUES.items() if cues.found_in(tokens)),
        asks_chat=lexicon.CHAT.found_in(tokens),
        reported=(lexicon.ALREADY_REPORTED.found_in(tokens) and not lexicon.NOT_REPORTED.found_in(tokens)
                  and not lexicon.NOT_TO_THE_POLICE.found_in(tokens)),
        waiting=lexicon.WAITING.found_in(tokens),
        called=lexicon.CALLED.found_in(tokens),
        held=lexicon.HELD.found_in(tokens),
        says_staff=says_staff(text),
        process_topic=_process_topic(tokens, is_question),
        not_to_the_police=lexicon.WONT_REPORT.found_in(tokens),
        tell_the_police=lexicon.TELL_THE_POLICE.found_in(tokens) and is_question,
        parents_told=lexicon.PARENTS_TOLD.found_in(tokens) and is_question,
        contact_parents=lexicon.CONTACT_PARENTS.found_in(tokens) and (is_question or lexicon.REQUEST.found_in(tokens)),
    )


# A concern the situation classifier saw beside the danger, sure enough to carry into the calm turns after it.
BEHIND_DANGER_CONFIDENCE = 0.2


def _behind_danger(message: Message, tokens: IndexedTokens) -> str | None:
    behind = next((name for name, confidence in message.ranking if name != situations.DANGER
                   and situations.is_concern(name) and confidence >= BEHIND_DANGER_CONFIDENCE), None)
    if behind == SUICIDE and _threatened_by_someone(tokens):
        behind = "threat_extortion"  # "han sa att han ska döda mig om han berättar": his threat, not her wish to die
    if behind is None or behind == "staff_concern":
        # A professional's worry, or none the classifier is sure of: which one, by its words ("mitt ex står utanför").
        behind = next((specific for specific, cues in lexicon.TOPIC_CUES.items() if cues.found_in(tokens)), behind)
    return behind


def _threatened_by_someone(tokens: IndexedTokens) -> bool:
    """Someone else threatens the writer's life, and the writer says no word of taking their own."""
    return (lexicon.THREATENED_WITH_DEATH.found_in(tokens) and not lexicon.SELF_HARM.found_in(tokens)
            and not lexicon.OWN_DEATH.found_in(tokens))


def _only_acknowledging(tokens: IndexedTokens) -> bool:
    said = set(tokens.tokens)
    return bool(said & lexicon.ACKNOWLEDGING) and said <= lexicon.ACKNOWLEDGING | lexicon.ACKNOWLEDGING_TOO


# Concerns whose reply asks "Är någon i fara just nu?" (turn.ASK_ABOUT_DANGER), and how sure the NLU must be of one.
ASKS_ABOUT_DANGER = frozenset({"threat_extortion"})
ASKED_ABOUT_DANGER_CONFIDENCE = 0.5
# The writer's own partner or temper: "jag har tagit tag i min tjej hårt", "problem med mitt humör".
_OWN_PARTNER_OR_TEMPER = re.compile(r"\b(?:min|mitt)\s+(?:tjej|flickvan|fru|sambo|kille|pojkvan|man|humor|ilska|partner)\b")
_A_DAY = re.compile(r"\b(?:idag|i dag)\b")


def weigh_maybe_danger(message: Message, helped: bool) -> Message:
    """The NLU's maybe-danger (situations.MAYBE_DANGER: the danger classifier unsure, only a plan, "idag" or
    "fortfarande" to say now) is danger, unless the person has had help in a conversation where nothing was
    danger: then it is what the message is about besides, which the NLU ranked second ("vi har möte med soc
    idag", "hon mår fortfarande dåligt")."""
    if message.intent != situations.MAYBE_DANGER:
        return message
    rest = tuple(r for r in message.ranking if r[0] != situations.MAYBE_DANGER)
    calm = next((r for r in rest if r[0] != situations.DANGER), None)
    if (not helped and calm and calm[0] in ASKS_ABOUT_DANGER and calm[1] >= ASKED_ABOUT_DANGER_CONFIDENCE
            and not _A_DAY.search(fold(message.text))):
        # "nån skickar hot på snap och säger att dom ska hitta mig": a threat whose only word of now is a plan. Its
        # reply asks whether anyone is in danger now and gives the emergency number for it. A day ("det händer
        # idag") is a time: danger.
        return replace(message, intent=calm[0], confidence=calm[1], ranking=rest, danger_rule=None, maybe_danger=True)
    if not helped:
        ranking = ((situations.DANGER, 1.0), *(r for r in rest if r[0] != situations.DANGER))
        return replace(message, intent=situations.DANGER, confidence=1.0, ranking=ranking)
    name, confidence = rest[0] if rest else (FALLBACK, 0.0)
    # danger_probability stays: it tells `understand` that the NLU has weighed the patterns, so it does not match them again.
    return replace(message, intent=name, confidence=confidence, ranking=rest, danger_rule=None, maybe_danger=True)


# Below this, "goodbye" or "thanks" needs a word of leaving or thanks: "i natt" (when it happened) read as "god natt"
# at 0.59, "ska jag knacka på?" (a neighbour hearing violence) read as thanks at 0.32.
GOODBYE_CONFIDENCE = 0.7
def _sure_goodbye(message: Message, tokens: IndexedTokens) -> bool:
    return (message.confidence >= GOODBYE_CONFIDENCE or lexicon.CLOSING.found_in(tokens)
            or lexicon.LEAVING.found_in(tokens) or bool(set(tokens.tokens) & lexicon.THANKS_WORDS))


# At most this many words: an answer to "Är någon i fara just nu?", not a new story.
NO_TO_DANGER_WORDS = 15


def weigh_no_to_danger(message: Message, asked: bool, after_emergency: bool, rules: DangerRules) -> Message:
    """No to the bot's question whether someone is in danger, or to its emergency answer: "nej inte nu, dom åker i
    juni", "nej han är inte här nu", "nej det är inte akut". The danger classifier reads the "nu" in them as danger
    now; after that question they are the answer. An editors' pattern still counts ("nej men han har en kniv"), and
    so does a word of now after "men" ("nej dom är inte här nu men dom skrev att dom kommer ikväll"). `asked`: the
    last reply asked whether someone is in danger; a no is then enough. `after_emergency`: the last reply was the
    emergency answer, which asked nothing: a bare "nej" may mean anything, "inte akut", "inte här nu" say it."""
    said = _short_answer_to_danger(message)
    # Said in so many words ("hon är inte i fara just nu vad jag vet", "det är inte akut längre"), it needs no question.
    # Within one sentence: "Sonen skrev farväl, svarar inte. Akut" says the opposite.
    says_so = _in_one_sentence(message.text, lexicon.NO_DANGER)
    if said is None and says_so and after_emergency:
        # "Det är inte akut, han sa det i morse och sen gick han hem. Jag vill veta vad jag ska göra nu.": a correction
        # of the emergency answer that goes on to ask, when its first sentence says so.
        said = _correction_of_the_emergency(message)
    if said is None or lexicon.NOT_RESPONDING.found_in(index_text(message.text)):
        return message
    if not (says_so or (asked or after_emergency) and _in_one_sentence(message.text, lexicon.NOT_ACUTE)
            or asked and said[0] in lexicon.NO_WORDS) or _now_after_but(said, rules):
        return message
    return replace(message, intent="deny", confidence=1.0, ranking=(("deny", 1.0), *_without_danger(message.ranking)),
                   danger_rule=None, maybe_danger=False, denies_danger=True)


def _short_answer_to_danger(message: Message) -> tuple[str, ...] | None:
    """The words of a typed message short enough to be an answer, when only the classifier saw danger in it (an
    editors' pattern always counts); None otherwise."""
    if message.is_payload or message.danger_rule not in (None, "danger_model"):
        return None
    said = index_text(message.text).tokens
    return said if said and len(said) <= NO_TO_DANGER_WORDS else None


# At most this many words for a correction of the emergency answer that says so in its first sentence.
CORRECTION_WORDS = 30


def _correction_of_the_emergency(message: Message) -> tuple[str, ...] | None:
    """The words of a message whose first sentence says there is no danger now, when only the classifier saw danger."""
    if message.is_payload or message.danger_rule not in (None, "danger_model"):
        return None
    said = index_text(message.text).tokens
    first = next((s for s in _SENTENCE_BREAK.split(message.text) if s.strip()), "")
    return said if len(said) <= CORRECTION_WORDS and lexicon.NO_DANGER.found_in(index_text(first)) else None


def _now_after_but(said: tuple[str, ...], rules: DangerRules) -> bool:
    """A word of now after "men": "nej dom är inte här nu men dom kommer ikväll" is danger again."""
    turn = next((i for i, word in enumerate(said) if word in lexicon.BUT_WORDS), None)
    if turn is None:
        return False
    rest = said[turn + 1:]
    # "han kommer hem snart men han är inte farlig just nu": the word of now is the no itself.
    return rules.time_signs(" ".join(rest)).now and not lexicon.NO_DANGER.found_in(IndexedTokens.of(rest))


def _without_danger(ranking: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    return tuple(r for r in ranking if r[0] not in (situations.DANGER, situations.MAYBE_DANGER))


def _in_one_sentence(text: str, phrases: Phrases) -> bool:
    return any(phrases.found_in(index_text(sentence)) for sentence in _SENTENCE_BREAK.split(text))


_SENTENCE_BREAK = re.compile(r"[.!?\n]+")


def weigh_danger_over(message: Message, after_emergency: bool, rules: DangerRules) -> Message:
    """Right after the emergency answer, "han har gått nu" says the danger is over: the help for afterwards, not the
    emergency number again. The classifier alone reads the "nu" as danger; an editors' pattern or a word of now after "men" still
    counts ("han har gått nu men han sa att han kommer tillbaka ikväll")."""
    if not after_emergency or message.intent not in (situations.DANGER, situations.MAYBE_DANGER):
        return message
    said = _short_answer_to_danger(message)
    if said is None or not _in_one_sentence(message.text, lexicon.SAFE_NOW) or _now_after_but(said, rules):
        return message
    return replace(message, intent=FALLBACK, confidence=0.0, ranking=_without_danger(message.ranking), danger_rule=None,
                   maybe_danger=False)


def _resolved_intent(message: Message) -> str:
    """The classifier's intent; when it fell back and its best guess was a conversational move
    ("loggas min ip-adress?" → privacy_question), that move: only situations need a clarifying question."""
    intent = message.intent or FALLBACK
    if intent != FALLBACK:
        return intent
    best = next(((name, confidence) for name, confidence in message.ranking if name != FALLBACK), None)
    if best and not situations.is_situation(best[0]) and best[1] >= UNDERLYING_CONCERN_CONFIDENCE:
        return best[0]
    return intent


def _is_question(text: str, tokens: IndexedTokens) -> bool:
    """A question mark, a question word first (after "och", "men": "och måste jag gå på rättegången"), or "jag
    undrar …"."""
    if "?" in text or lexicon.WONDERS.found_in(tokens):
        return True
    # Each clause's first word: "behöver han en advokat, hur fixar man det".
    for clause in re.split(r"[,;.!:]", fold(text)):
        said = clause.split()
        first = said[1] if len(said) > 1 and said[0] in _LEAD_INS else said[0] if said else ""
        if first in _QUESTION_START:
            return True
    return False


def _process_topic(tokens: IndexedTokens, is_question: bool) -> str | None:
    """The step of the legal process a question is about. A restraining order counts however it is said ("jag vill
    ha kontaktförbud"); the others only in a question, not in a story ("han vittnade mot dem i våras")."""
    topic = next((name for name, phrases in lexicon.PROCESS_TOPICS.items() if phrases.found_in(tokens)), None)
    if topic is None or topic == "restraining_order":
        return topic
    if topic not in ("protected_housing", "report_adult") and lexicon.SOCIAL_SERVICES_PROCESS.found_in(tokens):
        return None
    return topic if is_question else None


def _about_the_police_process(tokens: IndexedTokens) -> bool:
    """Reporting to the police, witnessing, a trial, a restraining order; not social services' part of it
    ("orosanmälan", "LVU") and not a refusal ("jag vill inte polisanmäla mitt eget barn")."""
    return (lexicon.POLICE_PROCESS.found_in(tokens) and not lexicon.SOCIAL_SERVICES_PROCESS.found_in(tokens)
            and not lexicon.NOT_TO_THE_POLICE.found_in(tokens))


# An event and where it happened ("skolskjutningen i Örebro", "sprängningen på Södermalm").
_EVENT_PLACE = re.compile(r"\b\w*(?:skjutning|skottlossning|sprangning|explosion|attack|attentat|dadet|terrordad|mordet|"
                          r"morden|upplopp|kravall|bombning|massaker)\w*\s+(?:i|pa|vid|utanfor)\s+(\w+(?:\s+\w+)?)")


def _without_news_places(text: str, gazetteer: Gazetteer, served: set[str]) -> str:
    """The text without the place of an event in a municipality the catalogue has no contacts for: "pratar om
    skolskjutningen i Örebro" is news, not where the writer lives. A shooting in a place the bot serves may well be
    the writer's own area ("skjutningen i Hallunda igår"), and stays."""
    folded = fold(text)
    spans = []
    for match in _EVENT_PLACE.finditer(folded):
        place = gazetteer.find(match.group(1))
        if place is not None and place.municipality not in served:
            spans.append(match.span())
    for start, end in reversed(spans):
        folded = folded[:start] + " " + folded[end:]
    return folded if spans else text


def _area(text: str, entities: dict[str, str], gazetteer: Gazetteer) -> tuple[Area | None, bool]:
    area = gazetteer.find(text) if text else None
    named = entities.get("area")
    if area is None and named and named != OTHER_AREA:
        area = gazetteer.area_by_id(named)
    return area, named == OTHER_AREA and area is None


def _age_group(text: str, entities: dict[str, str]) -> str | None:
    if entities.get("age_group") in (UNDER_18, ADULT):
        return entities["age_group"]
    if not text:
        return None
    folded = fold(text)
    # "hon fyller 18 i juni" is 17 now.
    ages = [int(m.group(2)) - (m.group(1) in ("fyller", "blir")) for m in _IS_AGE.finditer(folded)]
    # "en man på 45": any age written after who it is counts, an adult one as 30 (older is no different for the help).
    ages += [min(int(m.group(1)), 30) for m in _KIN_AGE.finditer(folded)]
    # "15 år" is an age, "i 3 år" and "för 10 år sedan" are durations.
    ages += [int(m.group(1)) for m in _AGE.finditer(folded)
             if not re.search(r"\b(?:i|for|pa|under|efter|inom|sedan|sen)\s*$", folded[:m.start()])
             and not re.match(r"\s*(?:sedan|sen|tillbaka)\b", folded[m.end():])]
    ages += [age for word, age in lexicon.AGE_WORDS.items() if re.search(rf"\b{word}\b", folded)]
    if not ages:
        # A school year gives an age only when none is written ("en elev som fyllt 19" on "gymnasiet" is 19).
        ages += [age for word, age in lexicon.SCHOOL_YEAR_AGES.items() if re.search(rf"\b{fold(word)}\b", folded)]
    bare = _BARE_AGE.fullmatch(folded)
    if bare and 5 <= int(bare.group(1)) <= OLDEST_AGE:
        ages.append(min(int(bare.group(1)), 30))  # "20": an adult, whoever it is
    ages = [a for a in ages if 5 <= a <= 30]
    if len(folded.split()) <= OWN_AGE_ANSWER_WORDS:
        # "jag e 45", an answer to "hur gammal är du?": the writer's own age, at any adult age. In a longer message
        # ("jag är 45 och orolig för min son") the age that matters is the other person's.
        ages += _own_adult_ages(folded)
    if ages:
        return UNDER_18 if min(ages) < 18 else ADULT
    if _ADULT_WORDS.search(folded):
        return ADULT
    if _YOUNG_WORDS.search(folded):
        return UNDER_18
    return None


def _own_ages(folded: str) -> list[int]:
    """The ages the writer gives for themselves ("jag e 45", "nu är jag 30")."""
    return [int(m.group(1)) for m in _OWN_AGE.finditer(folded)]


def _own_adult_ages(folded: str) -> list[int]:
    return [age for age in _own_ages(folded) if ADULT_AGE <= age <= OLDEST_AGE]


def _underlying(message: Message, intent: str, named_service: bool) -> str | None:
    """The concern behind a question about "a service" that names none ("vart vänder man sig, anonymt?")."""
    if intent not in SERVICE_QUESTIONS or named_service:
        return None
    # Never danger: that is the danger classifier's and the editors' patterns' to say, not a guess behind a question.
    return next((name for name, confidence in message.ranking
                 if situations.is_concern(name) and name != situations.DANGER
                 and confidence >= UNDERLYING_CONCERN_CONFIDENCE), None)


def _situations(message: Message, intent: str, text: str, tokens: IndexedTokens, role: str | None) -> list[str]:
    """The situations the message raises: the classifier's, a distinct second concern, a specific worry."""
    raised: list[str] = []
    if situations.is_situation(intent) and intent != situations.OUT_OF_SCOPE:
        raised.append(intent)
    elif intent == FALLBACK and lexicon.opens_with_more(tokens):
        # "förresten, han har slagit mig några gånger också": the person says there is more; the likeliest concern
        # is it, even when the classifier is unsure which. ("också" at the end of a question is not enough.)
        raised += [name for name, confidence in message.ranking if situations.is_concern(name)
                   and name != situations.DANGER and confidence >= SECOND_CONCERN_CONFIDENCE][:1]

    if intent == "staff_concern" or (role == "staff" and intent in ("inform_role", FALLBACK)):
        # A professional's worry about extremism or gangs gets that worry's contacts for staff.
        for specific, cues in lexicon.TOPIC_CUES.items():
            if cues.found_in(tokens):
                raised = [specific if s == "staff_concern" else s for s in raised] or [specific]
                break
    if raised and raised[0] == "affected_by_violence" and lexicon.SOMEONE_DIED.found_in(tokens):
        raised[0] = "grief_fear"  # "min kusin blev skjuten ihjäl förra månaden": grief, not only having seen it
    if raised and raised[0] == "crime_victim" and lexicon.PARTNER_HITS.found_in(tokens):
        raised[0] = "violence_close_relationship"  # "min syster blir slagen av sin kille": violence in a relationship
    if raised and raised[0] in WISH_TO_LEAVE and (lexicon.WANTS_OUT.found_in(tokens) or (
            lexicon.OWN_MEMBERSHIP.found_in(tokens) and writes_about_self(text))):
        raised[0] = WISH_TO_LEAVE[raised[0]]  # "han vill ut men är rädd": the help to leave, for him and for you
    if raised and situations.is_concern(raised[0]) and SUICIDE not in raised and lexicon.SELF_HARM.found_in(tokens):
        # "säger att det inte är nån idé att leva", read as a break-up or violence at home: the suicide line leads.
        raised.append(SUICIDE)
    if raised and situations.is_concern(raised[0]):
        first_topics = set(situations.BY_ID[raised[0]].topics)
        for name, confidence in message.ranking[1:3]:
            # A professional's general worry is not a second concern beside the one they describe.
            if (confidence >= SECOND_CONCERN_CONFIDENCE and situations.is_concern(name) and name not in raised
                    and name != "staff_concern" and not (name == SUICIDE and _threatened_by_someone(tokens))
                    and not first_topics & set(situations.BY_ID[name].topics)):
                raised.append(name)
                break
    return raised


def _likely(message: Message, tokens: IndexedTokens) -> tuple[str, ...]:
    """The likeliest situations for a clarifying question: the classifier's ranking, then topic words."""
    ranked = [name for name, _ in message.ranking
              if situations.is_situation(name) and name not in (situations.OUT_OF_SCOPE, situations.DANGER)
              and situations.BY_ID[name].group in ("concern", "question")]
    ranked += [name for name, cues in lexicon.TOPIC_CUES.items() if cues.found_in(tokens)]
    return tuple(dict.fromkeys(ranked))[:3]


# "kan barn också ringa Orostelefonen?", "är Bris anonymt?": a question whose subject is the service, not a
# service mentioned on the way ("han har vittnat hos polisen", "jag är inte redo för polisen").
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_THIRD_PERSON = {"han", "hon", "hen", "dom", "de", "brorsan", "syrran", "kompisen"}
_LEAD_INS = {"och", "o", "men", "sa", "ok", "okej", "jaha", "aha", "ja", "nej"}
_QUESTION_START = {"kan", "far", "maste", "ar", "hur", "vad", "nar", "vilka", "vem", "ska", "bor", "borde", "funkar",
                   "finns", "har", "tar", "hjalper", "ringer", "kostar",
                   # Session 18: "kommer polisen berätta för mina föräldrar", "blir jag anmäld om jag berättar".
                   "kommer", "blir", "varfor", "vart", "behover"}
_REACH = {"ringa", "ringer", "ring", "kontakta", "kontaktar", "prata", "pratar", "snacka", "chatta", "chattar", "mejla",
          "skriva", "skriver", "vanda", "hora", "soka", "ga", "traffa", "boka", "anmala", "anmaler", "anmal", "tipsa",
          "tipsar", "tips"}
_ABOUT = {"anonym", "anonymt", "anonyma", "oppet", "oppen", "oppna", "kostar", "gratis", "tolk", "sekretess",
          "tystnadsplikt", "berattar", "beratta", "registreras", "sparas"}
_NOT = {"inte", "utan", "forutom", "istallet", "aldrig"}


# "hon säger inte polis", "polisen kan jag inte gå till", "jag vill inte prata med soc igen", "SOC GÖR INGENTING":
# the person turns a channel down, and the bot offers the others instead of describing that one.
_DECLINE_BEFORE = {"inte", "ej", "aldrig", "slippa", "radd", "livradd", "sluta", "ingen"}
_DECLINE_AFTER = ("kan jag inte", "vill jag inte", "vagar jag inte", "kan vi inte", "vill vi inte", "gor ingenting",
                  "gor inget", "hjalper inte", "hjalper ingenting", "bryr sig inte", "lyssnar inte", "ar vardelos",
                  "hjalpte inte", "hjalpte inget", "gjorde ingenting", "gjorde inget", "har inte hjalpt",
                  "har redan varit", "brydde sig inte", "lyssnade inte", "hjalper ingen", "hjalper aldrig",
                  "hjalpte ingen", "gor aldrig nat", "gor aldrig nagot", "ar inte ett alternativ",
                  "e inte ett alternativ", "ar inget alternativ", "e inget alternativ", "kommer inte pa fraga",
                  "dom gor inget", "de gor inget", "dom gor ingenting", "de gor ingenting", "dom hjalper inte",
                  "de hjalper inte", "dom gjorde inget", "de gjorde inget", "dom gjorde ingenting", "de gjorde ingenting")


def _alias_places(text: str, aliases: list[tuple[str, ...]]) -> Iterator[tuple[str, list[str], int, int]]:
    """Where a service's name stands: each (sentence, its folded words, start, length)."""
    for sentence in _SENTENCE.findall(text):
        tokens = [fold(w) for w in words(sentence)]
        for alias in aliases:
            size = len(alias)
            for index in range(len(tokens) - size + 1):
                if tuple(tokens[index:index + size]) == alias:
                    yield sentence, tokens, index, size


# A vague opening is short: "min son hänger med fel kompisar, vet inte vart jag ska vända mig" says what it is about.
VAGUE_WORDS = 10
# "jag vågar inte ringa, han vet vem jag är" answers the emergency number; a long story that mentions it is more.
CANNOT_CALL_WORDS = 15
# Words around a name that still make "vad är Passus egentligen?" a bare question about what it is.
_WHAT_IS_FILLER = {"vad", "va", "ar", "e", "a", "gor", "betyder", "egentligen", "for", "nat", "nagot", "nagonting",
                   "typ", "och", "hej", "hejsan", "det", "den", "du", "vet"}


def asks_only_what_it_is(text: str, aliases: list[tuple[str, ...]]) -> bool:
    """The message is a name and "vad är" around it ("vad är Välj att sluta", "Vad e EXIT Fryshuset?"): it asks what
    the service is, whatever the classifier reads into the name."""
    tokens = [fold(w) for w in words(text)]
    named: set[int] = set()
    for alias in aliases:
        size = len(alias)
        named.update(i + k for i in range(len(tokens) - size + 1) if tuple(tokens[i:i + size]) == alias
                     for k in range(size))
    return bool(named) and all(t in _WHAT_IS_FILLER for i, t in enumerate(tokens) if i not in named)


def _turns_down(text: str, aliases: list[tuple[str, ...]]) -> bool:
    for _, tokens, index, size in _alias_places(text, aliases):
        after = " ".join(tokens[index + size:index + size + 4])
        # "har aldrig haft kontakt med soc" tells a fact; it does not turn soc down.
        refused = (set(tokens[max(0, index - 4):index]) & _DECLINE_BEFORE
                   and tokens[max(0, index - 2):index] != ["kontakt", "med"])
        if refused or after.startswith(_DECLINE_AFTER):
            return True
    return False


def _asks_about(text: str, aliases: list[tuple[str, ...]]) -> bool:
    for sentence, tokens, index, size in _alias_places(text, aliases):
        if not (sentence.rstrip().endswith("?") or tokens[0] in _QUESTION_START):
            continue
        before, after = set(tokens[max(0, index - 3):index]), set(tokens[index + size:index + size + 3])
        if before & _NOT:
            continue
        if before & _REACH or after & _ABOUT or tokens[0] in _QUESTION_START and index <= 2:
            return True
    return False
