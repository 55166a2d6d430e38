"""One turn of the conversation: from the case so far and a new message to a reply and the new case.

Every turn moves the case forward. New information gets a short acknowledgement and what it
changes; nothing new gets a short answer and the next useful question, never the same text again.
Danger always comes first, and the help for what the person said before stays in the same answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from bot import situations
from bot.catalogue import Resource
from bot.conversation import phrases
from bot.conversation.case import ADULT, DANGER_CAN_HIDE, Case, digest
from bot.conversation.understanding import QUESTION_CONFIDENCE, SERVICE_QUESTIONS, Facts
from bot.editors_data import Snapshot
from bot.places import Area, Gazetteer
from bot.reply import Button, Card, Reply
from bot.routing import GENERIC_SOCIAL_SERVICES, Decision, fits_situation, fits_writer, local_choice
from bot.schedule import describe_week

POLICE = "police_non_emergency"
VICTIM_SUPPORT = "brottsofferjouren"
RELATIVE_SUSPECTED = "relative_suspected"
SUICIDE = "suicide_selfharm"
SUICIDE_LINE = "mind_suicide_line"
CHILD_LINE = "bris"
# Concerns where the writer or their family was hurt or threatened: someone arrested later is the one who did it.
VICTIMS = frozenset({"violence_close_relationship", "threat_extortion", "crime_victim", "hate_crime", "affected_by_violence",
                     "grief_fear"})
# Crimes against the writer or their family: "ska jag säga till polisen?" is a report of it, not a tip.
OWN_CRIMES = frozenset({"violence_close_relationship", "threat_extortion", "crime_victim", "hate_crime"})
# Concerns where "ska vi anmäla?" means a report to the police.
CRIMES = frozenset({"threat_extortion", "crime_victim", "hate_crime", "report_crime", "affected_by_violence"})
EMERGENCY = "police_emergency"
# Contacts from each further concern, after all of the most urgent one's.
FURTHER_CONCERN_CONTACTS = 3
# Concerns whose help depends on whether the person concerned is under 18.
AGE_MATTERS = frozenset({
    "worried_gang", "worried_extremism", "young_self", "leave_gang", "leave_extremism", "affected_by_violence",
    "suicide_selfharm", "grief_fear", "threat_extortion", "crime_victim", "relative_suspected",
})
# Moves that only mean something after earlier turns; as a first message they are read as unsure.
CONTEXT_MOVES = frozenset({"ask_contact_detail", "affirm", "deny", "show_contacts", "inform_age", "ask_numbers"})
# Concerns where the person may be in danger without having said so: the first question is whether.
ASK_ABOUT_DANGER = frozenset({"violence_close_relationship", "threat_extortion"})
# The questions a bare "ja" or "nej" answers.
YES_NO_QUESTIONS = frozenset({"what_happens", "danger"})
# Questions about how to reach a contact, as opposed to what it is or does.
YOUNG_SELF = "young_self"
LATER_CONCERN_CONFIDENCE = 0.5
# At most this many words right after the emergency answer: still about the danger, unless it says otherwise.
DANGER_GOES_ON_WORDS = 8
LATER_DETAIL_QUESTION_CONFIDENCE = 0.8
AUTHORITIES = frozenset({"police", "social_services", "security_police"})
POLICE_KINDS = frozenset({"police", "security_police"})
PRACTICAL_DETAILS = frozenset({"number", "hours", "cost", "languages", "anonymity", "reach"})
# Lines for children and young people themselves (Bris): to a parent or a teacher they are an extra for the
# young person, never the contact to start with.
LINES_FOR_THE_YOUNG = frozenset({"child_helpline"})
# A phone number as the editors write it after a name: digits, spaces and hyphens.
_NUMBER = re.compile(r"[\d][\d -]*")
# Violence or control at home: "ska jag ringa föräldrarna först?" gets "not before the child is safe".
CHILD_AT_HOME = frozenset({"violence_close_relationship"})
LOCAL_SOCIAL_SERVICES = "local:social_services"
# A message this short says nothing of a concern its words do not name ("jag har ringt nu").
FEW_WORDS = 5
# "jag har ringt 112, de är på väg" right after the emergency answer; a longer message says more than that.
CALLED_WORDS = 8
# Concerns told most often by the one they happened to: without a relative or staff writing, the age asked is theirs.
TOLD_BY_THE_ONE_HIT = frozenset({"affected_by_violence", "grief_fear", "crime_victim", "threat_extortion", "hate_crime",
                                 "suicide_selfharm"})
# The editors' danger patterns (data/danger.yml) that say someone is about to take their own life.
SUICIDE_DANGER_RULES = frozenset({"suicide_now", "overdose", "overdose_with_a_wish_to_die"})
LINES_FOR_WOMEN = frozenset({"kvinnofridslinjen", "tjejjouren", "tjejzonen"})
# Who helps with each step of the legal process (phrases.PROCESS_ANSWERS), in order.
PROCESS_CONTACTS = {
    "restraining_order": (POLICE, VICTIM_SUPPORT),
    "leave_without_naming": ("police_exit_coordination", LOCAL_SOCIAL_SERVICES),
    "defence": (POLICE, LOCAL_SOCIAL_SERVICES),
    "counsel": (POLICE, VICTIM_SUPPORT),
    "witness": (VICTIM_SUPPORT, POLICE),
    "witness_anonymity": (POLICE, VICTIM_SUPPORT),
    "support_person": (VICTIM_SUPPORT, POLICE),
    "protected_identity": (LOCAL_SOCIAL_SERVICES, POLICE, VICTIM_SUPPORT),
    "protected_housing": (LOCAL_SOCIAL_SERVICES, "kvinnofridslinjen", VICTIM_SUPPORT),
    "investigation": (POLICE, VICTIM_SUPPORT),
    "visit": (LOCAL_SOCIAL_SERVICES, POLICE),
    "report_adult": (LOCAL_SOCIAL_SERVICES, VICTIM_SUPPORT),
    "block": (POLICE, VICTIM_SUPPORT),
    "which_number": (POLICE, EMERGENCY),
}
# Answers that fit only one kind of case: blocking is about a threat or blackmail, a visit about someone held.
PROCESS_CASES = {"block": frozenset({"threat_extortion"}), "visit": frozenset({"relative_suspected"})}
# Worries where a described crime moves the police up the list.
POLICE_EARLIER = frozenset({"worried_gang", "worried_extremism", "young_self", "staff_concern", "grief_fear"})


@dataclass(frozen=True)
class Turn:
    reply: Reply
    case: Case


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    buttons: tuple[Button, ...] = ()


class TurnBuilder:
    """Builds one turn; each `_move` method is one thing the bot can do."""

    def __init__(self, data: Snapshot, gazetteer: Gazetteer, facts: Facts, case: Case, now: datetime,
                 default_area: str | None = None):
        self.data = data
        self.gazetteer = gazetteer
        if facts.not_to_the_police and case.role != "relative" and "police" not in facts.declined:
            # "jag vill inte polisanmäla henne, vi har barn ihop" turns the police down. Not from a relative ("jag vill
            # inte polisanmäla mitt eget barn"): what helps a parent is social services, as before.
            facts = replace(facts, declined=(*facts.declined, "police"))
        self.facts = facts
        self.before = case
        self.now = now
        self.default_area = default_area
        self.news: list[str] = []
        # "vet inte om jag vill anmäla", read as a tip to the police, from someone hit by the crime: about reporting it.
        self.asks_about_reporting = False
        self.case = self._absorb(case)

    # --- the case ------------------------------------------------------------------------------

    def _absorb(self, case: Case) -> Case:
        """The case with what this message tells; `self.news` says what is new."""
        facts = self.facts
        if facts.area is not None and facts.area.id != case.area:
            case = replace(case, area=facts.area.id)
            self.news.append("area")
        # A teacher stays a teacher: "ska jag ringa föräldrarna?" reads young ("föräldrarna") without an age.
        staff_stays = case.role == "staff" and facts.role == "young" and facts.age_group is None
        # A young person stays young: "jag har sagt till en lärare" names a teacher, it is not one writing.
        young_stays = case.role == "young" and facts.role == "staff" and not facts.says_staff
        if facts.role and facts.role != case.role and not staff_stays and not young_stays:
            case = replace(case, role=facts.role)
            self.news.append("role")
        if facts.man and not case.man:
            case = replace(case, man=True)
            self.news.append("man")
        if facts.reported and not case.reported:
            case = replace(case, reported=True)
            self.news.append("reported")
        if facts.children_there and not case.children:
            case = replace(case, children=True)
            self.news.append("children")
        if facts.uses_violence and not case.uses_violence:
            case = replace(case, uses_violence=True)
        if facts.age_group and facts.age_group != case.age_group:
            case = replace(case, age_group=facts.age_group)
            self.news.append("age")
        # "vad är Välj att sluta?" asks about a service; the classifier's situation for the name is no concern.
        concerns = [] if facts.what_it_is else [s for s in facts.situations if situations.is_concern(s)]
        if case.urgent and facts.still_there and facts.words <= DANGER_GOES_ON_WORDS:
            concerns = []  # "jag är själv med barnen" right after 112 tells of the danger, not of a new concern
        if YOUNG_SELF in concerns and self._writer_is_not_young(case):
            # "Young person about themselves" is the classifier's reading of many first-person messages;
            # from a parent, a teacher or a writer of 74 it is wrong: the next likeliest concern, if any
            # (none later in a conversation, where people go on about the case they began with).
            instead = None if self.before.concerns else next(
                (s for s in facts.likely if situations.is_concern(s) and s != YOUNG_SELF), None)
            replaced = [s if s != YOUNG_SELF else instead for s in concerns]
            concerns = list(dict.fromkeys(s for s in replaced if s is not None))
        if "report_crime" in concerns and facts.report and self._own_crime(case):
            concerns.remove("report_crime")
            self.asks_about_reporting = True
        if RELATIVE_SUSPECTED in concerns and (case.danger or VICTIMS & set(case.concerns)):
            # "polisen har tagit honom nu" after violence or a threat is the one who did it, not the writer's
            # family member: the case goes on as it was.
            concerns.remove(RELATIVE_SUSPECTED)
        for leaving, kin, other, worry in (("leave_gang", "worried_gang", "leave_extremism", "worried_extremism"),
                                           ("leave_extremism", "worried_extremism", "leave_gang", "worried_gang")):
            if (leaving in concerns and {worry, other} & set(case.concerns) and not {kin, leaving} & set(case.concerns)
                    and kin not in facts.topic_words):
                # "hur kommer jag ut?" in a conversation about an extremist group, read as leaving a gang: the way
                # out of the group the conversation is about (EXIT, not Passus), unless the message names the other.
                concerns = [other if s == leaving else s for s in concerns]
        if facts.underlying and not case.last_shown:
            # A first "vart vänder man sig, anonymt?" is about the worry, not about a contact shown.
            concerns.append(facts.underlying)
        if facts.danger and situations.DANGER not in concerns:
            concerns.insert(0, situations.DANGER)
        if concerns and not case.concerns and facts.about_self and case.role not in ("relative", "staff"):
            case = replace(case, about_self=True)
        # A question about how to reach a contact ("kan jag skriva nånstans istället?") is about the contacts
        # unless the classifier is sure of a new concern.
        asks_detail = facts.asks and facts.detail in PRACTICAL_DETAILS
        # So does a short answer that gives a place, an age or a role ("vi går i 8an" read as grief at 0.58).
        gives_facts = facts.short and bool(self.news)
        needed = LATER_DETAIL_QUESTION_CONFIDENCE if asks_detail or gives_facts else LATER_CONCERN_CONFIDENCE
        if case.concerns and not facts.danger and facts.confidence < needed:
            # Later in a conversation, "han är 19 och bor hos morsan" or "pappa jagar" read as a new concern at
            # 0.14–0.46: people go on about the same case. A weak guess adds no concern; the words still count.
            concerns = [s for s in concerns if s != facts.intent]
        if facts.thanks and case.shown and not facts.danger and not self.news:
            # "Tack, vi gör en polisanmälan idag" after the help closes; what the classifier reads into the rest
            # ("polisanmälan" → a question about the process) is not a new concern.
            concerns = []
        new = [s for s in concerns if s not in case.situations]
        if new:
            case = case.with_situations(new)
        calm = [c for c in case.concerns if c != situations.DANGER]
        if case.tentative == YOUNG_SELF and self._writer_is_not_young(case):
            case = replace(case, tentative=None)  # "det gäller min systerdotter": not the young person's own worry
        if not calm and case.tentative and not facts.danger and (self.news or facts.uncertain):
            # The bot was unsure (or gave the emergency answer to a message with no other concern) and gave the
            # likeliest help; "han är 14" or "jag bor i tumba" goes on about that, not back to "Vad gäller det?".
            case = replace(case.with_situations([case.tentative]), tentative=None)
        elif new or calm:
            case = replace(case, tentative=None)
        if facts.danger:
            case = replace(case, danger=True)
        # "nej inte soc" holds for the rest of the conversation, and a social worker needs no referral to soc;
        # asking for that kind again ("finns det fältare?") takes it back.
        set_aside = tuple(dict.fromkeys(k for k in (*case.set_aside, *facts.declined, *facts.own_kinds)
                                        if k not in facts.wanted_kinds))
        if set_aside != case.set_aside:
            case = replace(case, set_aside=set_aside)
        if facts.crime and case.concerns and not case.danger and "crime" not in case.asked:
            # Remembered in `asked` so the acknowledgement comes once.
            case = replace(case, asked=(*case.asked, "crime"))
            self.news.append("crime")
        self.new_concerns = [s for s in situations.by_urgency(new)]
        return case

    def _writer_is_an_adult(self) -> bool:
        """A parent, a relative, staff, or someone who says they are an adult: not the young person concerned."""
        return self.case.role in ("relative", "staff") or self.facts.adult_writer

    def _writer_is_not_young(self, case: Case) -> bool:
        """The writer is not a young person writing about themselves: a relative, staff, an adult age, or a
        conversation that began about someone or something else."""
        if case.role in ("relative", "staff"):
            return True
        if self.before.concerns and case.role != "young" and YOUNG_SELF not in self.before.concerns:
            return True  # the case began about someone else or something else: "jag vill vara anonym" is not it
        return self.facts.adult_writer

    @property
    def named(self) -> list[Resource]:
        """The services the message names that are for where the person is: a municipality's own
        contact when the person is there ("fältarna" in Stockholm), or when nobody knows where they are
        (the card names its municipality), never when they live somewhere else."""
        area = self.area
        here = set(area.lookup_order()) if area else set()
        named = [r for r in self.facts.services if r.area == "national" or r.area in here or area is None]
        # Two services of one kind under one name ("ungdomsmottagningen": UMO and the city's own): the
        # local one first, where it stands in the message; otherwise the message's order.
        first_of_kind: dict[str, int] = {}
        for index, resource in enumerate(named):
            first_of_kind.setdefault(resource.kind, index)
        return sorted(named, key=lambda r: (first_of_kind[r.kind], r.area == "national"))

    @property
    def area(self) -> Area | None:
        area_id = self.case.area or self.default_area
        return self.gazetteer.area_by_id(area_id) if area_id else None

    def decide(self, situation: str) -> Decision:
        # A young writer who is 18 or over ("jag är 19") is routed as anyone: the routes for young people
        # start with lines for children (Bris is for under 18). Case.young says which young writers count.
        role = None if self.case.role == "young" and not self.case.young else self.case.role
        return self.data.routing.decide(situation, self.data.catalogue, role, self.area, self.now,
                                        young=self.case.minor, said=self.case.said)

    def contacts_for(self, concerns: list[str]) -> tuple[list[Resource], list[Decision]]:
        """Every contact of the most urgent concern, then the first few of each further one."""
        decisions = [self.decide(s) for s in concerns]
        contacts: list[Resource] = []
        for index, decision in enumerate(decisions):
            chosen = list(decision.contacts) if index == 0 else list(decision.contacts[:FURTHER_CONCERN_CONTACTS])
            contacts += [c for c in chosen if c.id not in {r.id for r in contacts}]
        contacts = self._in_wanted_order(contacts, concerns[0] if concerns else None)
        if "crime" in self.case.asked and set(concerns) & POLICE_EARLIER and POLICE in self.data.catalogue:
            police = self.data.catalogue.get(POLICE)
            contacts = [c for c in contacts if c.id != POLICE]
            contacts.insert(min(1, len(contacts)), police)
        return contacts, decisions

    def _in_wanted_order(self, contacts: list[Resource], situation: str | None) -> list[Resource]:
        """The kinds the person asks for first ("finns det någon samordnare?"), the ones set aside last (turned
        down, or the writer's own service). The emergency number, when it leads, stays first."""
        wanted = self.facts.wanted_kinds
        if not wanted and not self.case.set_aside:
            return contacts
        for kind in wanted:
            if situation is not None and not any(c.kind == kind for c in contacts):
                found = self._contact_of_kind(kind, situation)
                if found is not None:
                    contacts = [*contacts, found]

        aside = self.case.set_aside
        leading_emergency = contacts[0] if contacts and contacts[0].kind == "emergency" else None

        def place(index: int, contact: Resource) -> tuple[int, float]:
            if contact is leading_emergency:
                return 0, index
            if contact.kind in wanted:
                return 1, index
            if contact.kind in aside:
                # Behind the other help, but not behind the police: a social worker needs no referral to soc,
                # and the police first is no answer to "not soc".
                police = next((j for j in range(index + 1, len(contacts))
                               if contacts[j].kind in POLICE_KINDS and contacts[j].kind not in aside), len(contacts))
                return 2, police - 0.5
            return 2, index

        return [c for _, c in sorted(enumerate(contacts), key=lambda item: place(*item))]

    def _contact_of_kind(self, kind: str, situation: str) -> Resource | None:
        """The catalogue's contact of this kind for this situation and writer: local first, then national."""
        role = self.case.role
        found = local_choice(self.data.catalogue, kind, self.area, situation, role)
        if found is not None:
            return found
        return next((r for r in self.data.catalogue.in_area("national", kind)
                     if fits_situation(r, situation) and fits_writer(r, role)), None)

    # --- choosing the move -----------------------------------------------------------------------

    def build(self) -> Turn:
        facts, case = self.facts, self.case
        question_situation = self._question_situation()
        if facts.restart:
            return self._restart()
        # "tack, polisen är här nu. hej" ends the talk: a goodbye with the help for afterwards, not more help.
        ends = facts.closing and not facts.asks and not self.new_concerns
        # "polisen kom. kan jag göra en orosanmälan också?": once help has come, a clear question gets its answer.
        question_after_danger = (self.before.danger and question_situation is not None
                                 and facts.intent == question_situation and facts.confidence >= QUESTION_CONFIDENCE)
        if (facts.called and self.before.urgent and not ends and not facts.question
                and facts.words <= CALLED_WORDS and not facts.danger_over):
            # "jag har ringt dom", "har ringt 112, de är på väg": stay safe until help is there. Still danger in the
            # words ("… han slår henne fortfarande"): the emergency number stays first.
            reply = self._help_on_the_way()
        elif self.before.danger and facts.cannot_call and not facts.help_arrived and not facts.closing:
            reply = self._cannot_call()  # "jag kan inte ringa, dom hör mig", even when the classifier reads danger again
        elif (facts.help_arrived and self.before.danger and not ends and not question_after_danger
                and self._calm_concerns(likely=True, help_arrived=True)):
            reply = self._after_danger()  # "har ringt 112 nu, men vad gör vi med de andra ungdomarna?"
        elif facts.danger:
            reply = self._danger()
        elif facts.denies_danger and facts.declined and case.concerns and not self.new_concerns:
            reply = self._alternatives(opening=phrases.NOT_IN_DANGER)  # "nej ingen polis": no danger, and not the police
        elif facts.denies_danger:
            reply = self._no_danger_now()  # "nej inte nu, dom åker i juni", "nej det är inte akut"
        elif self._danger_goes_on():
            reply = self._danger_still()  # "ja", "jag vet inte var hon bor" right after the emergency answer
        elif facts.asks_pay and "threat_extortion" in case.concerns:
            reply = self._dont_pay()  # "kan jag inte bara betala?"
        elif facts.waiting and self.before.danger and not facts.danger and not self.new_concerns:
            # "vad gör jag nu medans jag väntar" after calling: stay safe until help is there
            reply = self._ask(None, route="danger_now:waiting", text=phrases.WAITING.format(emergency=self._emergency_number()))
        elif facts.call_for_me and not facts.help_arrived:
            reply = self._call_for_me()  # "kan ni ringa åt mig?": the bot cannot; who can
        elif facts.asks_chat and not case.shown and not case.concerns and not self.named:
            reply = self._chats_first()  # "finns det någon chatt, jag kan inte prata hemma"
        elif facts.angry_at_us and not self.new_concerns:
            reply = self._heard_the_anger()  # "skit i era jävla nummer", "jag vill att ni gör nåt"
        elif facts.show_all:
            reply = self._show_all()
        elif facts.intent == "privacy_question" and self._about_the_bot() and not facts.asks_chat:
            reply = self._bot_privacy()
        elif (facts.declined or facts.asks_other) and case.concerns and not self.new_concerns:
            reply = self._alternatives()  # "nej inte soc", "finns det något annat?"
        elif (facts.parents_told and case.role == "young" and case.young and not self._writer_is_an_adult()
              and not self.new_concerns):
            reply = self._young_and_parents()  # "kommer soc säga till mina föräldrar?"
        elif facts.tell_the_police and not OWN_CRIMES & {*case.concerns, *self.new_concerns}:
            reply = self._tell_the_police()  # "ska jag säga till polisen?" about a rumour or what someone has
        elif self._process_question():
            reply = self._process_answer(facts.process_topic or "")  # "kan jag få kontaktförbud?", "måste jag vittna?"
        elif facts.contact_parents and CHILD_AT_HOME & {*case.concerns, case.tentative or ""}:
            reply = self._parents_later()  # "ska jag ringa föräldrarna först?"
        elif facts.fears_removal and facts.question and not self.new_concerns:
            reply = self._removal_question()  # "kan de ta mitt barn?", "kan hon bli omhändertagen?"
        elif facts.closing and not facts.asks and not self.new_concerns:
            reply = self._closing()  # "okej då ringer jag imorgon. tack" closes; it does not ask for the number
        elif "children" in self.news and CHILD_AT_HOME & set(case.concerns) and not self.new_concerns and not facts.question:
            reply = self._children_there()  # "det finns små barn där också", after the help for the adults
        elif self._lines_for_him():
            reply = self._help_for_what_was_said()  # "Kvinnofridslinjen är väl bara för kvinnor?", "finns det nåt för män?"
        elif facts.detail and self._about_contacts() and (self.named or case.last_shown):
            reply = self._detail(facts.detail, self._asked_about())
        elif self.named and self._about_contacts():
            reply = self._service()
        elif facts.closing and not self.new_concerns:
            reply = self._closing()
        elif facts.wanted_kinds and case.concerns and not self.new_concerns and (wanted := self._wanted_contacts()):
            reply = self._described(wanted, "follow_up:what_is")  # "finns det någon samordnare jag kan konsultera?"
        elif (case.pending and case.pending.partition(":")[0] in YES_NO_QUESTIONS and (facts.affirm or facts.deny)
              and not self.new_concerns and not self.news):
            reply = self._answer_to_pending()
        elif facts.acknowledged and case.shown and not self.new_concerns and not self.news:
            reply = self._closing()  # "okej", "aight" after the help: a short goodbye with the numbers that matter
        elif (self.new_concerns and self.case.last_shown and facts.asks and facts.detail in PRACTICAL_DETAILS
              and not DANGER_CAN_HIDE & set(self.new_concerns)):
            # "kan man lämna tips anonymt?": the answer, about the new concern's contacts. Violence at home, threats
            # and suicidal thoughts keep their own reply, which asks about danger and gives the number.
            reply = self._detail_of_new_concern()
        elif self.new_concerns:
            reply = self._new_concerns()
        elif self.asks_about_reporting:
            reply = self._police_report(self.decide("ask_process"))
        elif ("reported" in self.news and case.concerns and not facts.question
              and self.decide(case.concerns[0]).route.writers):
            reply = self._help_for_what_was_said()  # "jag har anmält" (read as a question how to): the help after a report
        elif question_situation is not None:
            reply = self._question(question_situation)
        elif facts.other_area:
            reply = self._ask(Question("area_name", phrases.QUESTIONS["area_name"]), route="ask_area")
        elif facts.vague and not case.concerns:
            # "hej jag vet inte vart jag ska vända mig", "det gäller min systerdotter": the likeliest help, and what
            # it is about; nothing is taken as said yet.
            reply = self._unsure()
        elif (facts.uncertain or facts.intent in CONTEXT_MOVES) and not case.concerns and not case.shown:
            reply = self._unsure()
        elif facts.intent == situations.OUT_OF_SCOPE and not facts.distress and not case.concerns:
            reply = self._out_of_scope()
        elif self.news:
            reply = self._update()
        elif facts.intent == situations.OUT_OF_SCOPE and not case.concerns:
            reply = self._out_of_scope()
        elif self.case.danger and self._calm_concerns(likely=True):
            reply = self._after_danger()
        elif facts.question and case.last_shown:
            reply = self._open_question()  # "kan jag ha nån med mig i rätten?": who can answer it, not a nudge
        else:
            reply = self._nudge()
        if ((facts.maybe_danger or question_after_danger or self.before.urgent) and not reply.urgent
                and self._emergency_number() not in reply.full_text()):
            reply = replace(reply, text=" ".join(p for p in (reply.text, phrases.IF_IN_DANGER.format(emergency=self._emergency_number())) if p))
        return self._finish(reply)

    def _about_contacts(self) -> bool:
        """The message asks about contacts (named or just shown), not about a new situation. "Vad var
        numret till avhopparna?" is about a contact shown, even if it sounds like a question about exit
        support in general."""
        if self.facts.what_it_is:
            return True  # "vad är Välj att sluta?" asks what it is, even if the name sounds like a situation
        if self.new_concerns:
            return False
        intent = self.facts.intent
        if intent in SERVICE_QUESTIONS or not situations.is_situation(intent):
            return True
        if self.named and self.facts.asks and intent == situations.OUT_OF_SCOPE and self.case.concerns:
            return True  # "finns det nån nationell stödtelefon för yrkesverksamma?" names the one it asks about
        if self.named and self.facts.detail and intent == situations.OUT_OF_SCOPE:
            return True  # "vad e passus", read as out of scope, asks what Passus is
        practical = self.facts.detail in PRACTICAL_DETAILS and bool(self.case.last_shown)
        first = self.data.catalogue.resources.get(self.case.last_shown[0]) if self.case.last_shown else None
        if (self.facts.detail == "what_happens" and intent == "ask_process" and first is not None
                and first.kind == "social_services" and self.facts.process_topic is None and self.case.concerns):
            # "Vad händer sen när jag har anmält?" after social services were given: what they do next. After other
            # help, the question about the process gets social services' part in it.
            return True
        if (self.facts.detail and self.facts.short and self.case.last_shown
                and self.facts.confidence < LATER_CONCERN_CONFIDENCE):
            return True  # "vad händer sen?", read as a weak new situation, asks about the contacts just given
        # "kan jag skriva nånstans istället?" after contacts, with no new concern, asks about them.
        return practical and (self.facts.asks or situations.BY_ID[intent].group in ("question", "info"))

    def _question_situation(self) -> str | None:
        return next((s for s in self.facts.situations if not situations.is_concern(s)), None)

    def _about_the_bot(self) -> bool:
        """'Is it anonymous?' right after contacts is about them; 'is this chat saved?' is about the bot; 'kan
        polisen skydda mig?' (read as a privacy question) is about the police."""
        if self.facts.about_the_bot:
            return True
        if self.named:
            return False
        return not self.case.last_shown or self.facts.detail != "anonymity"

    def _asked_about(self) -> list[Resource]:
        if self.named:
            return [self._local_version(r) for r in self.named]
        if self.facts.wanted_kinds:
            # "vad var numret till avhopparna?": the exit programmes shown, not the last reply's first three.
            shown = [self.data.catalogue.get(i) for i in self.case.shown if i in self.data.catalogue]
            of_kind = [r for r in shown if r.kind in self.facts.wanted_kinds] or self._wanted_contacts()
            if of_kind:
                return of_kind[:3]
        if self.facts.detail == "anonymity" and self.facts.report and CRIMES & set(self.case.concerns):
            # "kan jag vara anonym om jag anmäler?", "får dom veta vem som anmälde?" after a crime: the police's answer.
            police = [self.data.catalogue.get(i) for i in (POLICE, "police_tip_form", VICTIM_SUPPORT) if i in self.data.catalogue]
            if police:
                return police
        # "är det öppet på natten?" right after an answer about Kvinnofridslinjen is about Kvinnofridslinjen.
        ids = self.case.last_about if self.facts.detail in PRACTICAL_DETAILS and self.case.last_about else self.case.last_shown
        return [self.data.catalogue.get(i) for i in ids if i in self.data.catalogue][:3]

    def _local_versions_of_last_shown(self) -> list[Resource]:
        """The contacts just shown that have a version where the person lives (the social services there)."""
        shown = [self.data.catalogue.get(i) for i in self.case.last_shown if i in self.data.catalogue]
        return [local for r in shown if (local := self._local_version(r)).id != r.id]

    def _local_social_services(self) -> Resource:
        return self._local_version(self.data.catalogue.get(GENERIC_SOCIAL_SERVICES))

    def _local_version(self, resource: Resource) -> Resource:
        """'soc' means the social services where the person lives, when the bot knows where that is."""
        if resource.id != GENERIC_SOCIAL_SERVICES or self.area is None:
            return resource
        concern = self.case.concerns[0] if self.case.concerns else "staff_concern"
        return local_choice(self.data.catalogue, "social_services", self.area, concern, self.case.role) or resource

    # --- the moves -------------------------------------------------------------------------------

    def _danger(self) -> Reply:
        danger = self.decide(situations.DANGER)
        others = self._other_concerns()
        if not others and self.facts.behind_danger is not None:
            # What the message is about besides the danger, kept for the calm turns after it.
            self.case = replace(self.case, tentative=self.facts.behind_danger)
        contacts, decisions = self.contacts_for([situations.DANGER, *others])
        if self._life_at_risk_by_own_hand() and SUICIDE_LINE in self.data.catalogue:
            # "jag har tagit en massa tabletter", "jag står på bron och orkar inte mer": not the text for a crime
            # ("När faran är över kan du ringa polisen …"); the suicide line next to 112, the police's number not.
            line = self.data.catalogue.get(SUICIDE_LINE)
            rest = [c for c in contacts if c.kind != "emergency" and c.id != SUICIDE_LINE and c.id != POLICE]
            emergency = [c for c in contacts if c.kind == "emergency"][:1]
            return Reply(route=f"{danger.route.id}:suicide", text=phrases.DANGER_SUICIDE.format(emergency=self._emergency_number()),
                         cards=self._cards([*emergency, line, *rest][:4]), urgent=True, situations=self.case.situations)
        text = [danger.route.text]
        if others:
            earlier = [s for s in others if s not in self.new_concerns]
            text.append(phrases.DANGER_KEEP if earlier else decisions[1].route.text)
        return Reply(route=danger.route.id, text="\n\n".join(text), cards=self._cards(contacts), urgent=True,
                     situations=self.case.situations)

    def _help_on_the_way(self) -> Reply:
        text = phrases.HELP_ON_THE_WAY.format(emergency=self._emergency_number())
        if not self.facts.danger:
            return self._ask(None, route="danger_now:called", text=text)
        emergency = self._emergency_card()
        return Reply(route="danger_now:called", text=text, cards=self._cards(emergency), urgent=True,
                     situations=self.case.situations)

    def _life_at_risk_by_own_hand(self) -> bool:
        facts = self.facts
        if facts.danger_rule in SUICIDE_DANGER_RULES or facts.behind_danger == SUICIDE:
            return True
        # An editors' pattern about violence says what the danger is; the case's suicide concern does not override it.
        return facts.danger_rule in (None, "danger_model") and self._suicide_case()

    def _danger_again(self) -> Reply:
        """A second message about the danger: 112 first once more, in other words, and the help after it."""
        emergency = self._emergency_card()
        after, _ = self.contacts_for(self._other_concerns() or [situations.DANGER])
        rest = [c for c in after if c.kind != "emergency" and c.id not in self.before.shown][:2]
        return Reply(route="danger_now:again", text=phrases.DANGER_AGAIN.format(emergency=self._emergency_number()), cards=self._cards([*emergency, *rest]),
                     urgent=True, situations=self.case.situations)

    def _danger_goes_on(self) -> bool:
        """Right after the emergency answer, "ja" or "jag vet inte var hon bor" is about the danger: the emergency number
        stays first (the emergency centre finds people without an address). Anything else that says something ("vi bor i Tumba",
        "jag e 15", what happened) asks for the help after it, which it gets with the emergency number in the text
        (build): so the writers of the conversation sets judged such turns, and so a frightened person reads them."""
        facts = self.facts
        # Someone about to take their life: "jag vill inte att nån kommer hit" is no sign that it is over.
        return (self.before.urgent and facts.words <= DANGER_GOES_ON_WORDS and not facts.question and not self.news
                # "jag är själv med barnen" says the danger goes on, whatever concern the classifier reads into it.
                and (facts.still_there or (facts.affirm or facts.place_unknown or self._suicide_case()) and not facts.situations)
                and not (facts.help_arrived or facts.danger_over and not facts.place_unknown or facts.closing or facts.declined
                         or facts.asks_other or facts.show_all or facts.restart or facts.cannot_call))

    def _calm_or_tentative(self) -> list[str]:
        """The case's concerns besides danger, or what the emergency answer's message was also about."""
        return self._other_concerns() or [c for c in (self.case.tentative,) if c]

    def _suicide_case(self) -> bool:
        """Someone wants to take their life, and no one else threatens them: violence or a threat in the case
        makes a suicide reading of a short message ("jag är själv med barnen") the classifier's mistake."""
        before = self.before  # what this message adds is read on its own ("jag är själv med barnen" is no suicide)
        return SUICIDE in {*before.concerns, before.tentative or ""} and not OWN_CRIMES & set(before.concerns)

    def _danger_still(self) -> Reply:
        """The emergency number first again, what the message added acknowledged, and the help after it."""
        emergency = self._emergency_card()
        calm = self._calm_or_tentative()
        after, _ = self.contacts_for(calm) if calm else ([], [])
        rest = [c for c in after if c.kind != "emergency" and c.id not in self.before.shown][:2]
        acks = self._acknowledgements([n for n in self.news if n in ("area", "age")])
        again = phrases.PLACE_UNKNOWN if self.facts.place_unknown else phrases.DANGER_AGAIN
        if self._suicide_case() and not self.facts.place_unknown and SUICIDE_LINE in self.data.catalogue:
            again = phrases.DANGER_AGAIN_SUICIDE  # the line again, even if shown: it is the other way to talk now
            rest = [self.data.catalogue.get(SUICIDE_LINE), *(c for c in rest if c.id != SUICIDE_LINE)][:2]
        text = " ".join(t for t in (acks, again.format(emergency=self._emergency_number())) if t)
        return Reply(route="danger_now:again", text=text, cards=self._cards([*emergency, *rest]), urgent=True,
                     situations=self.case.situations)

    def _no_danger_now(self) -> Reply:
        """No to the question whether someone is in danger now, or to the emergency answer ("nej det är inte akut
        nu"): the help for the rest of the case, and the emergency number for if it changes."""
        calm = self._calm_or_tentative()
        corrected = self.before.urgent
        if not calm and not self.before.concerns and not self.facts.short:
            # "Det är inte akut men min exman hotar mig på sms hela tiden": a first message that says no one is in
            # danger and what it is about; its likeliest concern, not "Vad gäller det?".
            calm = [s for s in self.facts.likely if situations.is_concern(s)][:1]
            corrected = bool(calm)
            if calm:
                self.case = self.case.with_situations(calm)
        self.case = replace(self.case, danger=False,
                            situations=tuple(s for s in self.case.situations if s != situations.DANGER))
        text = " ".join((phrases.NOT_IN_DANGER, phrases.IF_IT_CHANGES.format(emergency=self._emergency_number())))
        if not calm:
            return self._ask(Question("situation", phrases.ASK_SITUATION, _menu()), route="answer", text=text)
        contacts, decisions = self.contacts_for(calm)
        question = self._next_question(decisions)
        if not corrected:
            return self._ask(question, route="answer", text=text)  # the help was given with the question
        calm_contacts = [c for c in contacts if c.kind != "emergency"]
        route_text = decisions[0].route.text
        if self._emergency_number() in route_text:
            text = phrases.NOT_IN_DANGER  # the route's own text says when to call
        return Reply(route=f"answer:{decisions[0].route.id}", text=" ".join((text, route_text)),
                     cards=self._cards(calm_contacts), question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None})

    def _young_and_parents(self) -> Reply:
        soc = self._local_social_services()
        bris = [self.data.catalogue.get(i) for i in (CHILD_LINE,) if i in self.data.catalogue]
        return Reply(route="follow_up:young_and_parents",
                     text=phrases.YOUNG_AND_PARENTS.format(emergency=self._emergency_number()),
                     cards=self._cards([soc, *bris]), situations=self.case.situations)

    def _tell_the_police(self) -> Reply:
        tips = [self.data.catalogue.get(i) for i in ("police_tip_form", POLICE) if i in self.data.catalogue]
        text = phrases.TELL_THE_POLICE.format(police=self._number(POLICE) or "polisen", emergency=self._emergency_number())
        return Reply(route="process:tell_the_police", text=text, cards=self._cards(tips), situations=self.case.situations)

    def _process_question(self) -> bool:
        """A question about a step of the legal process that has its own answer here (phrases.PROCESS_ANSWERS)."""
        topic = self.facts.process_topic
        if topic is None or self.new_concerns and topic not in PROCESS_CASES:
            return False
        if topic == "witness" and self.facts.police_report:
            return False  # "hur polisanmäler jag, och måste jag vittna då?": how to report comes first
        if topic == "report_adult":
            # "gäller orosanmälan ens då?" about someone 18 or over: no, it is for children (about a child, as before)
            return self.case.age_group == ADULT and not self.case.children
        if topic == "visit" and self.facts.held:
            return True  # "polisen tog min son igår … får jag träffa honom?", before any concern is taken
        return topic not in PROCESS_CASES or bool(PROCESS_CASES[topic] & set(self.case.concerns))

    def _process_answer(self, topic: str) -> Reply:
        """A question about a step of the legal process: its answer, and who can help with it."""
        if topic == "counsel" and "relative_suspected" in self.case.concerns:
            topic = "defence"  # "kan han få en advokat?" from the family of one who is suspected
        if topic == "witness" and self.facts.detail == "anonymity":
            topic = "witness_anonymity"  # "kan jag vara anonym om jag vittnar?"
        wanted = PROCESS_CONTACTS[topic]
        contacts = [self._local_social_services() if i == LOCAL_SOCIAL_SERVICES else self.data.catalogue.get(i)
                    for i in wanted if i == LOCAL_SOCIAL_SERVICES or i in self.data.catalogue]
        if topic == "report_adult" and self.case.concerns:
            # Social services, then the case's own help for the adult (Orostelefonen, Kvinnofridslinjen …).
            own = [c for c in self.contacts_for(list(self.case.concerns))[0] if c.kind not in ("social_services", "emergency")]
            contacts = [self._local_social_services(), *own[:2]]
        if self.case.man:
            contacts = [c for c in contacts if c.id not in LINES_FOR_WOMEN]
        text = phrases.PROCESS_ANSWERS[topic].format(police=self._number(POLICE) or "polisen.se",
                                                     emergency=self._emergency_number())
        return Reply(route=f"process:{topic}", text=text, cards=self._cards(contacts), situations=self.case.situations)

    def _parents_later(self) -> Reply:
        """Staff who ask whether to call the parents first, about violence or control at home: not before the child
        is safe; social services first."""
        soc = self._local_social_services()
        advice = [r for r in (self._contact_of_kind("professional_support", "violence_close_relationship"),) if r]
        return Reply(route="process:parents_later", text=phrases.PARENTS_LATER.format(emergency=self._emergency_number()),
                     cards=self._cards([soc, *advice]), situations=self.case.situations)

    def _removal_question(self) -> Reply:
        """"Kan soc ta mitt barn?": what happens after a report to social services, which says how rare that is."""
        local = self._local_social_services()
        answering = local if local.what_happens else self.data.catalogue.get(GENERIC_SOCIAL_SERVICES)
        # The answer to the question first; the rest of what happens after it, without saying it twice.
        process = (answering.what_happens or "").replace(phrases.REPORT_RARELY_REMOVES, "").strip()
        # Its card only if not shown yet, as for any question about a contact (_detail).
        return Reply(route="follow_up:what_happens", text=" ".join(p for p in (phrases.SOC_RARELY_REMOVES, process) if p),
                     cards=self._cards([local] if local.id not in self.before.shown else []),
                     situations=self.case.situations, extra={"about": [local.id]})

    def _children_there(self) -> Reply:
        """Children in a home with violence: a report of concern to social services, who can protect them."""
        soc = self._local_social_services()
        contacts, _ = self.contacts_for(list(self.case.concerns))
        rest = [c for c in contacts if c.id != soc.id and c.kind != "emergency" and c.id not in self.before.shown][:2]
        # Staff have a duty to report and cannot be anonymous: their own words.
        said = phrases.CHILDREN_THERE_STAFF if self.case.role == "staff" else phrases.CHILDREN_THERE
        return Reply(route="follow_up:children", text=said.format(emergency=self._emergency_number()),
                     cards=self._cards([soc, *rest]), situations=self.case.situations)

    def _heard_the_anger(self) -> Reply:
        """Anger at the municipality or the bot: heard, what the bot is, and where to act or complain."""
        soc = self._local_social_services()
        return Reply(route="follow_up:anger", text=phrases.HEARD_THE_ANGER.format(emergency=self._emergency_number()),
                     cards=self._cards([soc] if soc.id not in self.before.shown else []), situations=self.case.situations)

    def _lines_for_him(self) -> bool:
        """A man says so, or asks whether the lines for women are his, about a concern with routes for men."""
        facts, case = self.facts, self.case
        if not case.concerns or self.new_concerns or not case.man:
            return False
        if "man" not in self.news and not (facts.man and facts.question):
            return False
        return "man" in self.decide(case.concerns[0]).route.writers

    def _help_for_what_was_said(self) -> Reply:
        """The help for what the writer said of themselves (a man or a boy; a report done), in full; a man who was
        given his help already is told so."""
        contacts, decisions = self.contacts_for(list(self.case.concerns))
        previous_first = self.before.last_shown[0] if self.before.last_shown else None
        about_men = "man" in self.news or self.facts.man
        if about_men and contacts and contacts[0].id == previous_first:
            # He was given his help already ("min fru slår mig", then "finns det nåt för män?"): say so.
            return Reply(route=f"follow_up:{decisions[0].route.id}", text=phrases.FOR_HIM_ALREADY.format(name=short_name(contacts[0])),
                         cards=self._cards(contacts[:1]), situations=self.case.situations)
        opening = phrases.FOR_HIM if previous_first and "man" in self.news else ""
        question = self._next_question(decisions)
        # Asked ("finns det nåt för män?"), it is the answer; told ("jag är kille"), it is his help.
        route = f"follow_up:{decisions[0].route.id}" if self.facts.question else decisions[0].route.id
        return Reply(route=route, text=" ".join(p for p in (opening, decisions[0].route.text) if p),
                     cards=self._cards(contacts), question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None})

    def _police_and_victim_support(self) -> list[Resource]:
        return [self.data.catalogue.get(i) for i in (POLICE, VICTIM_SUPPORT) if i in self.data.catalogue]

    def _dont_pay(self) -> Reply:
        return Reply(route="follow_up:dont_pay", text=phrases.DONT_PAY.format(emergency=self._emergency_number()),
                     cards=self._cards(self._police_and_victim_support()), situations=self.case.situations)

    def _call_for_me(self) -> Reply:
        """The bot cannot call or send anyone: in danger, the emergency number with a way round; otherwise who to call."""
        emergency = self._emergency_card()
        if self.before.danger or self.facts.danger or self.facts.maybe_danger:
            return Reply(route="danger_now:call_for_me", text=phrases.CALL_FOR_ME_DANGER.format(emergency=self._emergency_number()),
                         cards=self._cards(emergency), urgent=True, situations=self.case.situations)
        police = [self.data.catalogue.get(i) for i in (POLICE,) if i in self.data.catalogue]
        return Reply(route="follow_up:call_for_me", text=phrases.CALL_FOR_ME.format(emergency=self._emergency_number()),
                     cards=self._cards([*emergency, *police]), situations=self.case.situations)

    def _cannot_call(self) -> Reply:
        emergency = self._emergency_card()
        return Reply(route="danger_now:cannot_call", text=phrases.CANNOT_CALL.format(emergency=self._emergency_number()),
                     cards=self._cards(emergency), urgent=True, situations=self.case.situations)

    def _detail_of_new_concern(self) -> Reply:
        contacts, _ = self.contacts_for(list(self.new_concerns))
        return self._detail(self.facts.detail or "what_is", [c for c in contacts if c.kind != "emergency"][:2])

    def _new_concerns(self) -> Reply:
        contacts, decisions = self.contacts_for(list(self.case.concerns))
        new = [d for d in decisions if d.situation in self.new_concerns]
        opening = []
        if len(self.case.concerns) > 1:
            opening.append(phrases.ACK_SECOND_CONCERN if len(self.new_concerns) > 1 or not self.before.concerns
                           else phrases.ACK_NEW_CONCERN)
        # Who is writing is already answered by the route; where and how old change the contacts. In a first
        # message they are part of what the person tells, not an answer: no "Tack, då vet jag …".
        if self.before.concerns or self.before.shown:
            opening.append(self._acknowledgements([n for n in self.news if n in ("area", "age")]))
        texts = [" ".join(o for o in opening if o)] if any(opening) else []
        texts += [d.route.text for d in new]
        texts += list(dict.fromkeys(note for d in new for note in (*d.notes, d.closed_note) if note))  # once each
        ordered_new = self._in_wanted_order(list(new[0].contacts), new[0].situation) if new and new[0].contacts else []
        first_new = ordered_new[0].id if ordered_new else None
        shown = [c for c in contacts if c.id not in self.before.shown or c.id == first_new]
        if first_new:
            shown.sort(key=lambda c: c.id != first_new)
        # A service the person asks about comes first ("kan barn också ringa Orostelefonen? jag är orolig för …"),
        # then the concern's own contacts; a service only mentioned on the way does not.
        asked = next((self._local_version(r) for r in self.facts.asked if r.kind != "emergency"
                      and r in self.named), None)
        if asked is not None:
            shown = [asked, *(c for c in shown if c.id != asked.id)]
        if self.facts.declined and not self.facts.danger:
            # "inte polisen": the others first, the police's own exit coordination among the police
            shown.sort(key=lambda c: c.kind in self.facts.declined or "police" in self.facts.declined and _run_by_the_police(c))
        question = self._next_question(decisions)
        return Reply(route=new[0].route.id if new else decisions[0].route.id, text="\n\n".join(texts),
                     cards=self._cards(shown), question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None})

    def _update(self) -> Reply:
        """New facts about the same concern: say what they change."""
        acks = self._acknowledgements(self.news)
        if not self.case.concerns:
            local = self._local_versions_of_last_shown() if "area" in self.news else []
            if local and self.case.answered:
                # "Vad är tecknen på radikalisering?" then "Jag jobbar i Botkyrka": that answer's contacts there.
                decision = self.decide(self.case.answered)
                contacts = [c for c in decision.contacts if c.id not in self.before.shown] or local
                question = self._next_question([decision])
                here = phrases.LOCAL_VERSIONS if len(contacts) > 1 else phrases.LOCAL_VERSION
                return Reply(route="follow_up:local", text=" ".join((acks, here)),
                             cards=self._cards(contacts), question=question.text if question else "",
                             buttons=question.buttons if question else (), situations=self.case.situations,
                             extra={"question": question.key if question else None})
            if local:
                # "soc nummer?" then "botkyrka": the social services of Botkyrka, with the question what it is about.
                ask = Question("situation", phrases.ASK_SITUATION, _menu())
                return Reply(route="follow_up:local", text=" ".join((acks, phrases.LOCAL_VERSION)),
                             cards=self._cards(local), question=ask.text, buttons=ask.buttons,
                             situations=self.case.situations, extra={"question": ask.key})
            return self._ask(Question("situation", phrases.ASK_SITUATION, _menu()), route="ask_situation", text=acks)
        contacts, decisions = self.contacts_for(self._calm_concerns() or list(self.case.concerns))
        new = [c for c in contacts if c.id not in self.before.shown]
        # Asked for by what it does ("finns det någon samordnare?"): shown again, first, even if shown before.
        wanted = [c for c in contacts if c.kind in self.facts.wanted_kinds]
        new = [*wanted, *(c for c in new if c not in wanted)]
        if "crime" in self.news and POLICE in self.data.catalogue and POLICE not in self.before.shown:
            # "Det du beskriver kan vara brott. Då är polisen viktig att kontakta." comes with the police's card.
            new = [self.data.catalogue.get(POLICE), *(c for c in new if c.id != POLICE)]
        previous_first = self.before.last_shown[0] if self.before.last_shown else None
        route = decisions[0].route.id
        if {"man", "reported"} & set(self.news) and decisions[0].route.writers:
            return self._help_for_what_was_said()  # the help for what the writer said of themselves, in full
        texts = [acks]
        notes = list(dict.fromkeys(note for d in decisions for note in d.notes if "area" in self.news))
        texts += notes
        adult = self._writer_is_an_adult()
        if adult:
            new.sort(key=lambda c: c.kind in LINES_FOR_THE_YOUNG)  # Bris is for the young person: after the rest
        if new and contacts and contacts[0] not in new and adult and new[0].kind in LINES_FOR_THE_YOUNG:
            # "han är 15" from his mother: Bris is for him to call himself. Her own first contact is shown again
            # on top, so that the first card is the one for the person writing.
            texts.append(phrases.FOR_THE_YOUNG_TOO.format(name=short_name(contacts[0]), lines=listed(new)))
            new = [contacts[0], *new]
            route = f"for_the_young:{route}"
        elif new:
            texts.append(phrases.CHANGED)
        elif contacts and contacts[0].id != previous_first:
            texts.append(phrases.CHANGED_FIRST.format(name=contacts[0].name))
            new = [contacts[0]]
        else:
            texts.append(phrases.NOTHING_CHANGED)
        question = self._next_question(decisions)
        return Reply(route=route, text=" ".join(t for t in texts if t), cards=self._cards(new),
                     question=question.text if question else "", buttons=question.buttons if question else (),
                     situations=self.case.situations, extra={"question": question.key if question else None})

    def _question(self, situation: str) -> Reply:
        decision = self.decide(situation)
        if situation == "ask_process" and self._about_a_police_report():
            return self._police_report(decision)
        if situation == "ask_process" and self.facts.secrecy_and_report:
            return self._secrecy_and_report(decision)
        contacts = self._in_wanted_order(list(decision.contacts), situation)
        # "hur anmäler jag till Säpo …?": the service the question is about comes first.
        asked = [self._local_version(r) for r in self.facts.asked if r.kind != "emergency" and r in self.named]
        contacts = [*asked, *(c for c in contacts if c.id not in {a.id for a in asked})]
        cards = self._cards(contacts)
        text = "\n\n".join(t for t in (decision.route.text, *decision.notes, decision.closed_note) if t)
        question = self._next_question([decision]) if decision.ask_area else None
        return Reply(route=decision.route.id, text=text, cards=cards, question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None, "answered": situation})

    def _about_a_police_report(self) -> bool:
        """"hur gör jag en polisanmälan om hot", or "ska vi anmäla?" after a threat or a crime: not an orosanmälan."""
        return self.facts.police_report or (self.facts.report and self._own_crime(self.case))

    @staticmethod
    def _own_crime(case: Case) -> bool:
        """A crime in the case that the writer could report: a threat, a robbery, hate, or violence from their own
        partner (not a child hit at home, which a relative reports to social services)."""
        return bool(CRIMES & set(case.concerns)) or ("violence_close_relationship" in case.concerns and case.about_self
                                                     and case.role != "relative")

    def _police_report(self, decision: Decision) -> Reply:
        first = self._police_and_victim_support()
        rest = [c for c in decision.contacts if c not in first and c.kind != "social_services"]
        text = phrases.POLICE_REPORT.format(police=self._number(POLICE) or "polisen.se", emergency=self._emergency_number())
        return Reply(route="process:police_report", text=text, cards=self._cards([*first, *rest]),
                     situations=self.case.situations)

    def _secrecy_and_report(self, decision: Decision) -> Reply:
        """"bryter jag sekretessen om jag gör en orosanmälan?": the duty to report weighs more."""
        soc = [c for c in decision.contacts if c.kind == "social_services"][:1]
        text = phrases.SECRECY_AND_REPORT.format(emergency=self._emergency_number())
        return Reply(route="process:secrecy", text=text, cards=self._cards(soc), situations=self.case.situations)

    def _detail(self, detail: str, resources: list[Resource]) -> Reply:
        # "kan jag ringa på arabiska?" to a service whose own text says it has interpreters: that sentence.
        interpreters = {r.id: sentence for r in resources if detail == "languages" and not r.languages
                        and (sentence := _interpreter_sentence(r))}
        unknown_languages = [r for r in resources if detail == "languages" and not r.languages and r.id not in interpreters]
        lines = [f"{short_name(r)}: {interpreters[r.id]}" if r.id in interpreters else self._detail_line(detail, r)
                 for r in resources if r not in unknown_languages]
        if unknown_languages:  # one sentence for all of them, not the same sentence for each
            names = phrases.join_words([r.name for r in unknown_languages])
            lines.append(phrases.DETAIL["unknown_languages"].format(name=names))
        if detail == "reach" and self.facts.asks_chat and not any(r.chat for r in resources):
            lines.append(self._chats_that_fit())  # "finns det chatt?" about contacts that have none
        cards = self._cards([r for r in resources if r.id not in self.before.shown])
        # What "it" means in the next question ("är det öppet på natten?"), even when no card is shown again.
        return Reply(route=f"follow_up:{detail}", text="\n".join(lines), cards=cards,
                     situations=self.case.situations, extra={"about": [r.id for r in resources]})

    def _chats_first(self) -> Reply:
        """A chat asked for before anything else is said: the catalogue's chats, and what it is about."""
        chats = [r for r in self.data.catalogue.resources.values() if r.chat and not r.reference_only][:4]
        ask = Question("situation", phrases.ASK_SITUATION, _menu())
        return Reply(route="follow_up:chats", text=phrases.CHATS_FIRST, cards=self._cards(chats), question=ask.text,
                     buttons=ask.buttons, situations=self.case.situations, extra={"question": ask.key})

    def _chats_that_fit(self) -> str:
        """The catalogue's chats for this person: lines for the young only for the young, and for the case's concerns."""
        adult = self._writer_is_an_adult() or self.case.age_group == ADULT
        concerns = list(self.case.concerns) or [YOUNG_SELF]
        chats = [r for r in self.data.catalogue.resources.values() if r.chat and not r.reference_only
                 and not (adult and r.kind in LINES_FOR_THE_YOUNG) and not (self.case.man and r.id in LINES_FOR_WOMEN)
                 and any(fits_situation(r, c) for c in concerns)]
        if not chats:
            return phrases.NO_CHAT
        return phrases.CHATS.format(names=phrases.join_words([f"{short_name(r)} ({r.chat})" for r in chats[:3]]))

    def _detail_line(self, detail: str, resource: Resource) -> str:
        name = resource.name
        where = resource.url or resource.email or "kommunens webbplats"
        if detail == "number":
            if resource.phones:
                numbers = phrases.join_words([p.number for p in resource.phones])
                return phrases.DETAIL["number"].format(name=name, numbers=numbers)
            return phrases.DETAIL["no_number"].format(name=name, where=where)
        if detail == "hours":
            return self._hours_line(resource, where)
        if detail == "reach":
            return self._reach_line(resource, where)
        if detail == "languages":
            if not resource.languages:
                return phrases.DETAIL["unknown_languages"].format(name=name)
            names = [phrases.LANGUAGE_NAMES.get(code, code) for code in resource.languages]
            return phrases.DETAIL["languages"].format(name=name, languages=phrases.join_words(names))
        field_text = {"anonymity": resource.anonymity, "cost": resource.cost, "what_happens": resource.what_happens,
                      "what_is": resource.description}.get(detail)
        if not field_text and resource.kind == "social_services" and detail in ("anonymity", "what_happens"):
            # The rules for an orosanmälan are the law's, the same in every municipality: said once, for all.
            generic = self.data.catalogue.resources.get(GENERIC_SOCIAL_SERVICES)
            if generic is not None:
                field_text = generic.anonymity if detail == "anonymity" else generic.what_happens
        if field_text:
            return phrases.DETAIL[detail].format(name=name, text=field_text)
        return phrases.DETAIL[f"unknown_{detail}"].format(name=name)

    def _reach_line(self, resource: Resource, where: str) -> str:
        """Every way to reach the contact that the catalogue knows; never a way it does not list."""
        numbers = phrases.join_words([p.number for p in resource.phones]) if resource.phones else ""
        if not resource.email and not resource.url and not resource.chat:
            key = "reach_phone_only" if numbers else "reach_unknown"
            return phrases.DETAIL[key].format(name=resource.name, numbers=numbers, where=where)
        ways = [phrases.REACH_WAYS[way].format(numbers=numbers, email=resource.email, url=resource.url, chat=resource.chat)
                for way, known in (("phone", numbers), ("email", resource.email), ("chat", resource.chat),
                                   ("url", resource.url and resource.url != resource.chat)) if known]
        return phrases.DETAIL["reach"].format(name=resource.name, ways=phrases.join_words(ways))

    def _hours_line(self, resource: Resource, where: str) -> str:
        name = resource.name
        schedule = resource.schedule
        if schedule is None:
            hours = next((p.hours for p in resource.phones if p.hours), None)
            if hours:
                return phrases.DETAIL["phone_hours"].format(name=name, hours=hours)
            return phrases.DETAIL["unknown_hours"].format(name=name, where=where)
        if schedule.always_open:
            return phrases.DETAIL["always_open"].format(name=name)
        week = describe_week(schedule)
        if resource.is_open(self.now):
            return phrases.DETAIL["open_now"].format(name=name, week=week)
        return phrases.DETAIL["closed_now"].format(name=name, opens=resource.opens(self.now) or "senare", week=week)

    def _other_concerns(self) -> list[str]:
        """The case's concerns besides imminent danger."""
        return [s for s in self.case.concerns if s != situations.DANGER]

    def _calm_concerns(self, likely: bool = False, help_arrived: bool = False) -> list[str]:
        """The case's concerns other than danger, in a turn that is not about danger (or in which help has
        come): once 112 has been given, "han bor i göteborg" or "han lever, vad gör vi sen?" is about the rest of
        the case. With `likely`, this message's likeliest concerns when the case has no other."""
        if self.facts.danger and not help_arrived:
            return []
        calm = self._other_concerns()
        if not calm and likely:
            if self.case.tentative and (self.facts.words <= FEW_WORDS or not self.facts.situations):
                # A message that raises no concern of its own ("jag har ringt nu", "han har gått nu men jag är så
                # rädd"): what the danger message was also about.
                calm = [self.case.tentative]
            else:
                calm = [s for s in self.facts.likely if situations.is_concern(s)][:1]
        return calm

    def _after_danger(self) -> Reply:
        """After the emergency answer: the help for what comes next, contacts not shown yet first."""
        contacts, decisions = self.contacts_for(self._calm_concerns(likely=True, help_arrived=True))
        adult = self._writer_is_an_adult()
        # A line for young people to call themselves does not help a parent or a teacher: last for them.
        contacts = sorted((c for c in contacts if c.kind != "emergency"),
                          key=lambda c: (adult and c.kind in LINES_FOR_THE_YOUNG, c.id in self.before.shown))
        question = self._next_question(decisions)
        return Reply(route=f"after_danger:{decisions[0].route.id}", text=phrases.AFTER_DANGER.format(emergency=self._emergency_number()),
                     cards=self._cards(contacts[:3]), question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None})

    def _alternatives(self, opening: str = "") -> Reply:
        """The person turns a channel down: the case's other contacts, those not shown yet first."""
        contacts, _ = self.contacts_for(list(self.case.concerns))
        declined = {*self.facts.declined, *self.case.set_aside}
        others = [c for c in contacts if c.kind not in declined and c.kind != "emergency"
                  and not ("police" in declined and _run_by_the_police(c))]
        adult = self._writer_is_an_adult()
        only_for_the_young = adult and all(c.kind in LINES_FOR_THE_YOUNG for c in others)
        if ((not others or only_for_the_young) and "social_services" not in self.facts.declined
                and GENERIC_SOCIAL_SERVICES in self.data.catalogue):
            others = [self._local_social_services(), *others]
        # Someone who turns an authority down is looking for someone to talk to: support lines first. A line for
        # young people to call themselves does not help a parent or a teacher: it comes last for them.
        others.sort(key=lambda c: (adult and c.kind in LINES_FOR_THE_YOUNG, c.kind in AUTHORITIES,
                                   c.id in self.before.shown))
        if self.facts.declined:
            said = phrases.DECLINED if others else phrases.DECLINED_NO_OTHERS
        else:  # "finns det något annat?"
            said = phrases.MORE_HELP if any(c.id not in self.before.shown for c in others) else phrases.NO_MORE_HELP
        reassure = ""
        if "social_services" in self.facts.declined and self.facts.fears_removal:
            reassure = phrases.SOC_RARELY_REMOVES + " "
        text = " ".join(p for p in (opening, said.format(emergency=self._emergency_number(), reassure=reassure)) if p)
        return Reply(route="declined", text=text, cards=self._cards(others[:3]), situations=self.case.situations)

    def _wanted_contacts(self) -> list[Resource]:
        contacts, _ = self.contacts_for(list(self.case.concerns))
        wanted = self.facts.wanted_kinds
        # In the order of the wanted kinds: the police's part of the process wants the police, then victim support.
        return sorted((c for c in contacts if c.kind in wanted), key=lambda c: wanted.index(c.kind))[:2]

    def _described(self, resources: list[Resource], route: str, intro: str = "") -> Reply:
        """What each contact does, with its card again even if shown before: the contacts of a kind asked for,
        or the ones that can answer a question."""
        lines = [intro, *(self._detail_line("what_is", r) for r in resources)]
        return Reply(route=route, text="\n".join(line for line in lines if line), cards=self._cards(resources),
                     situations=self.case.situations)

    def _service(self) -> Reply:
        return self._detail("what_is", self._asked_about())

    def _bot_privacy(self) -> Reply:
        return Reply(route="privacy", text=phrases.BOT_PRIVACY, situations=self.case.situations)

    def _closing(self) -> Reply:
        # "nej inte polisen": the goodbye keeps the emergency number, not the police number the person turned down.
        police_declined = "police" in self.case.set_aside
        core = [self.data.catalogue.get(i) for i in (EMERGENCY, POLICE) if i in self.data.catalogue
                and not (i == POLICE and police_declined)]
        numbers = {r.id: r.phones[0].number for r in core if r.phones}
        text = [phrases.CLOSING]
        if EMERGENCY in numbers and POLICE in numbers:
            text.append(phrases.CLOSING_NUMBERS.format(emergency=numbers[EMERGENCY], police=numbers[POLICE]))
        elif EMERGENCY in numbers:
            text.append(phrases.CLOSING_EMERGENCY.format(emergency=numbers[EMERGENCY]))
        first = []
        # After danger, the contact for what comes next: the first concern besides the danger.
        chosen = [c for c in self.case.concerns if c != situations.DANGER] or list(self.case.concerns)
        if chosen:
            contacts, _ = self.contacts_for(chosen[:1])
            first = [c for c in contacts if c.id not in numbers][:1]
        # Without danger in the conversation, the card for what comes next leads; the numbers follow it.
        cards = [*core, *first] if self.case.danger or not first else [*first, *core]
        return Reply(route="closing", text=" ".join(text), cards=self._cards(cards), situations=self.case.situations)

    def _restart(self) -> Turn:
        reply = Reply(route="restart", text=phrases.RESTART, buttons=_menu())
        return Turn(reply, Case(last_reply=digest(reply.full_text())))

    def _answer_to_pending(self) -> Reply:
        pending = self.case.pending or ""
        if pending == "danger" and self.facts.affirm:
            self.case = replace(self.case.with_situations([situations.DANGER]), danger=True)
            return self._danger()
        if pending.startswith("what_happens") and self.facts.affirm:
            asked_about = pending.partition(":")[2]
            ids = [asked_about] if asked_about else list(self.case.last_shown[:2])
            return self._detail("what_happens", [self.data.catalogue.get(i) for i in ids if i in self.data.catalogue])
        text = phrases.NOT_IN_DANGER if pending == "danger" else phrases.DENIED
        question = self._next_question([self.decide(s) for s in self.case.concerns]) if self.case.concerns else None
        return self._ask(question, route="answer", text=text)

    def _unsure(self) -> Reply:
        likely = [s for s in self.facts.likely if s in situations.BY_ID
                  and not (s == YOUNG_SELF and self._writer_is_not_young(self.case))]
        emergency = self._emergency_number()
        if not likely:
            return Reply(route="ask_situation", text=phrases.UNKNOWN.format(emergency=emergency),
                         question=phrases.ASK_SITUATION, buttons=_menu())
        decision = self.decide(likely[0])
        if situations.is_concern(likely[0]):
            # Remembered, so that "han är 14" next goes on about it (see _absorb).
            self.case = replace(self.case, tentative=likely[0])
        buttons = tuple(Button(situations.BY_ID[s].title, situations.payload(s)) for s in likely)
        contacts = self._in_wanted_order(list(decision.contacts), likely[0])[:2]
        return Reply(route=f"unsure:{decision.route.id}", text=phrases.UNSURE, cards=self._cards(contacts),
                     question=phrases.UNSURE_QUESTION, buttons=buttons, situations=self.case.situations)

    def _out_of_scope(self) -> Reply:
        decision = self.decide(situations.OUT_OF_SCOPE)
        return Reply(route=decision.route.id, text=decision.route.text, cards=self._cards(list(decision.contacts)),
                     situations=self.case.situations)

    def _open_question(self) -> Reply:
        """A question the catalogue has no field for: the contacts just given that can answer it, and what they
        do. Better than "Jag förstår" to someone who asked something."""
        given = [self.data.catalogue.get(i) for i in self.case.last_shown if i in self.data.catalogue]
        resources = [r for r in given if r.kind != "emergency"][:2]
        if not resources:
            return self._nudge()
        return self._described(resources, "follow_up:open_question", phrases.OPEN_QUESTION)

    def _nudge(self) -> Reply:
        question = None
        if self.case.concerns:
            question = self._next_question([self.decide(s) for s in self.case.concerns])
        first = self.data.catalogue.resources.get(self.case.last_shown[0]) if self.case.last_shown else None
        if (self.facts.distress or self.facts.feelings) and first is not None and first.kind != "emergency":
            # "han säger att judar styr världen", "känns som ingen bryr sig": more told, not "Okej." but the help
            # that fits it, named again.
            return Reply(route="nudge:heard", text=phrases.HEARD.format(name=short_name(first)),
                         question=question.text if question else "", buttons=question.buttons if question else (),
                         situations=self.case.situations, extra={"question": question.key if question else None})
        turn_number = len(self.case.asked) + len(self.case.shown)
        return self._ask(question or Question("anything_else", phrases.QUESTIONS["anything_else"]), route="nudge",
                         text=phrases.NUDGES[turn_number % len(phrases.NUDGES)])

    def _ask(self, question: Question | None, route: str, text: str = "") -> Reply:
        return Reply(route=route, text=text, question=question.text if question else "",
                     buttons=question.buttons if question else (), situations=self.case.situations,
                     extra={"question": question.key if question else None})

    # --- pieces ----------------------------------------------------------------------------------

    def _acknowledgements(self, news: list[str]) -> str:
        """One sentence for what the message told: "Tack, då vet jag att det gäller Järva och någon under 18."
        rather than two that start alike."""
        sentences = [ack for n in news if (ack := self._acknowledgement(n))]
        merged: list[str] = []
        for sentence in sentences:
            previous = merged[-1] if merged else ""
            if previous.startswith(phrases.ACK_START) and sentence.startswith(phrases.ACK_START):
                rest = sentence[len(phrases.ACK_START):].rstrip(".")
                about = "det gäller "
                both_about = previous.startswith(phrases.ACK_START + about) and rest.startswith(about)
                merged[-1] = f"{previous.rstrip('.')} och {rest.removeprefix(about) if both_about else 'att ' + rest}."
            else:
                merged.append(sentence)
        return " ".join(merged)

    def _acknowledgement(self, news: str) -> str:
        if news == "area" and self.area is not None:
            return phrases.ACK_AREA.format(place=self.area.name)
        if news == "age" and self.case.age_group:
            writer_is_young = self.case.role == "young" or "young_self" in self.case.concerns
            # "han är 19", from a young writer about a brother: his age, not the writer's.
            own = writer_is_young and not self.facts.of_someone_else
            return (phrases.ACK_OWN_AGE if own else phrases.ACK_AGE)[self.case.age_group]
        if news == "role" and self.case.role and "age" not in self.news:
            return phrases.ACK_ROLE.get(self.case.role, "")
        if news == "crime":
            return phrases.ACK_CRIME
        return ""

    def _next_question(self, decisions: list[Decision]) -> Question | None:
        """One useful question the bot has not asked yet: is anyone in danger now (violence at home,
        threats), where, how old, what happens when you call."""
        case = self.case
        asked = set(case.asked)
        if set(case.concerns) & ASK_ABOUT_DANGER and not case.danger and "danger" not in asked:
            return Question("danger", phrases.QUESTIONS["danger"], phrases.YES_NO)
        if any(d.ask_area for d in decisions) and self.area is None and "area" not in asked:
            return Question("area", phrases.QUESTIONS["area"], phrases.AREA_BUTTONS)
        if (set(case.concerns) & AGE_MATTERS and case.age_group is None and case.role != "staff"
                and "age" not in asked):
            # "va där när dom sköt igår, kan inte sova": no one else named, a victim or witness is asked about themselves.
            about_self = case.about_self or case.role is None and bool(set(case.concerns) & TOLD_BY_THE_ONE_HIT)
            key = "age_self" if case.role == "young" or "young_self" in case.concerns or about_self else "age_other"
            return Question("age", phrases.QUESTIONS[key], phrases.AGE_BUTTONS)
        first = next((c for d in decisions for c in d.contacts if c.what_happens and c.kind != "emergency"), None)
        if first is not None and "what_happens" not in asked:
            return Question(f"what_happens:{first.id}", phrases.QUESTIONS["what_happens"].format(name=first.name),
                            phrases.YES_NO)
        return None

    def _cards(self, resources: list[Resource]) -> tuple[Card, ...]:
        unique = list({r.id: r for r in resources}.values())
        return tuple(Card.of(r, self.now) for r in unique)

    def _emergency_card(self) -> list[Resource]:
        """The emergency contact of the danger route, as a list of at most one."""
        return [c for c in self.contacts_for([situations.DANGER])[0] if c.kind == "emergency"][:1]

    def _emergency_number(self) -> str:
        return self._number(EMERGENCY)

    def _number(self, resource_id: str) -> str:
        """The first phone number the editors gave the resource, or "" when it has none."""
        resource = self.data.catalogue.resources.get(resource_id)
        return resource.phones[0].number if resource and resource.phones else ""

    def _finish(self, reply: Reply) -> Turn:
        """Remember what was shown and asked; never send the same text twice in a row."""
        if reply.urgent and digest(reply.full_text()) == self.before.last_reply:
            reply = self._danger_again()  # danger again: 112 first again, never "nothing new to add"
        if reply.route == "privacy" and digest(reply.full_text()) == self.before.last_reply:
            reply = replace(reply, text=phrases.BOT_PRIVACY_AGAIN)
        if digest(reply.full_text()) == self.before.last_reply:
            question = None
            if self.case.concerns:
                question = self._next_question([self.decide(s) for s in self.case.concerns])
            reply = self._ask(question or Question("anything_else", phrases.QUESTIONS["anything_else"]),
                              route="nudge", text=phrases.NOTHING_TO_ADD)
            if digest(reply.full_text()) == self.before.last_reply:
                reply = replace(reply, text=phrases.NUDGES[1], question="", buttons=())
        earlier = [i for i in self.case.shown if i not in {c.id for c in reply.cards}]
        if earlier and not reply.all_cards and not reply.urgent and reply.route not in ("restart", "closing"):
            reply = replace(reply, buttons=(*reply.buttons, phrases.SHOW_ALL_BUTTON))
        if reply.route == "closing":
            # Thanks or goodbye ends the case: what the person writes next starts a new one.
            return Turn(reply, Case(last_reply=digest(reply.full_text())))
        question_key = reply.extra.get("question")
        case = self.case.with_shown([c.id for c in reply.cards] if not reply.all_cards else [])
        case = replace(case, last_about=tuple(reply.extra.get("about") or ()),
                       answered=reply.extra.get("answered") or (None if case.concerns else case.answered))
        case = case.asking(question_key)
        return Turn(reply, replace(case, last_reply=digest(reply.full_text()), urgent=reply.urgent))

    def _show_all(self) -> Reply:
        resources = [self.data.catalogue.get(i) for i in self.case.shown if i in self.data.catalogue]
        if not resources:
            return self._ask(Question("situation", phrases.ASK_SITUATION, _menu()), route="ask_situation",
                             text=phrases.NO_CONTACTS_YET)
        return Reply(route="show_all", text=phrases.SHOW_ALL, cards=self._cards(resources), all_cards=True,
                     situations=self.case.situations)


def _menu() -> tuple[Button, ...]:
    return tuple(Button(s.menu, situations.payload(s.id)) for s in situations.MENU if s.menu)


def take_turn(data: Snapshot, gazetteer: Gazetteer, facts: Facts, case: Case, now: datetime,
              default_area: str | None = None) -> Turn:
    """The reply to one message, and the case after it."""
    return TurnBuilder(data, gazetteer, facts, case, now, default_area).build()


def _run_by_the_police(resource: Resource) -> bool:
    """The police's own services of another kind (the exit coordination): turned down with "inte polisen"."""
    return resource.kind == "emergency" or resource.organization.strip().lower() == "polisen"


def _interpreter_sentence(resource: Resource) -> str:
    """The sentence of the contact's own text that speaks of interpreters ("Tolk finns för de flesta språk.")."""
    text = " ".join(t for t in (resource.description, resource.what_happens or "") if t)
    return next((sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if "tolk" in sentence.lower()), "")


def short_name(resource: Resource) -> str:
    """The name without a number after the dash ("Bris" for "Bris – 116 111"); "Botkyrka kommun – socialtjänsten"
    stays whole."""
    name, _, after = resource.name.rpartition(" – ")
    return name if name and _NUMBER.fullmatch(after) else resource.name


def listed(resources: list[Resource]) -> str:
    """The short names as a Swedish list: "Bris", "Bris och Tjejjouren", "Bris, Tjejjouren och UMO"."""
    names = [short_name(r) for r in resources]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
