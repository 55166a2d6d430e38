"""The routing action: reads the tracker, asks bot.guide, sends the reply and remembers slots."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import nlp
from bot.guide import Guide

REMEMBERED_SLOTS = ("situation", "area", "role")


@lru_cache(maxsize=1)
def guide() -> Guide:
    """One guide per action server process; it reloads edited YAML by itself."""
    return Guide(lemmatize=nlp.lemmas)


# Load the data and the Swedish pipeline when the server starts, so the first user does not wait.
guide()
nlp.load_pipeline()


class ActionRoute(Action):
    def name(self) -> Text:
        return "action_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        latest = tracker.latest_message or {}
        entities = {e["entity"]: str(e["value"]) for e in latest.get("entities", []) if e.get("entity")}
        embedding_area = (latest.get("metadata") or {}).get("area")
        reply = guide().respond(
            intent=(latest.get("intent") or {}).get("name") or "",
            text=latest.get("text") or "",
            slots={name: tracker.get_slot(name) for name in REMEMBERED_SLOTS},
            entities=entities,
            default_area=embedding_area,
        )
        for message in reply.messages:
            dispatcher.utter_message(text=message.get("text"), buttons=message.get("buttons") or [],
                                     json_message=message.get("custom"))
        return [SlotSet(name, value) for name, value in reply.slots.items()]
