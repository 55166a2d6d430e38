"""The routing action: reads the tracker, asks bot.guide, sends the reply and keeps the case in a slot."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import nlp
from bot.conversation.case import Case
from bot.conversation.understanding import Message
from bot.guide import Guide

CASE_SLOT = "case"
# Whether a maybe-danger is read as the conversation going on: the dialogue rules skip the static emergency answer then.
HELPED_SLOT = "helped"


@lru_cache(maxsize=1)
def guide() -> Guide:
    """One guide per action server process; the editors' data reloads by itself."""
    return Guide(lemmatize=nlp.lemmas)


# Load the data and the Swedish pipeline when the server starts, so the first user does not wait.
guide()
nlp.load_pipeline()


class ActionRoute(Action):
    def name(self) -> Text:
        return "action_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        latest = tracker.latest_message or {}
        turn = guide().respond(
            Message.from_parse_data(latest),
            Case.from_slot(tracker.get_slot(CASE_SLOT)),
            default_area=(latest.get("metadata") or {}).get("area"),
        )
        for message in turn.reply.to_messages():
            dispatcher.utter_message(text=message.get("text"), buttons=message.get("buttons") or [],
                                     json_message=message.get("custom"))
        return [SlotSet(CASE_SLOT, turn.case.to_slot()), SlotSet(HELPED_SLOT, turn.case.helped_without_danger)]
