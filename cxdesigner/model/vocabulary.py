"""The words a map shows of itself, in English and Hebrew (no Qt).

What a map *draws* speaks the map's language (``journey.document["language"]``), not
the interface's: a Hebrew map's canvas, PNG, SVG and PDF are Hebrew in an English
editor, and the other way round.  So the words the canvas, the picture exports and
the report share (channels, note kinds, statuses, "Untitled touchpoint", the emotion
lane...) live here, in the model layer that all of them may import, and not in Qt's
translation files, which follow the interface.  ``export/labels.py`` adds the report's
own words on top of this table; ``canvas/labels.py`` reads it for the canvas.

    words = vocabulary(journey.document["language"])
    words.channel("phone"), words("untitled_touchpoint"), words("emotion_lane", persona=n)
"""

from __future__ import annotations

LANGUAGES = ("en", "he")

# Latin words a Hebrew value may keep: acronyms Hebrew writes in Latin letters, and
# the product's name.  A test fails on any other Latin letter in a Hebrew value.
ALLOWED_LATIN = ("NPS", "CSAT", "KPI", "SWOT", "ICE", "RICE", "CX Designer")

WORDS = {
    "en": {
        "untitled_stage": "Untitled stage", "untitled_touchpoint": "Untitled touchpoint",
        "untitled_note": "Untitled note", "untitled_persona": "Untitled persona",
        "untitled": "Untitled journey map", "new_persona": "New persona",
        "all_customers": "Any customer", "emotion_lane": "Emotion ({persona})",
        "picture_description": "A customer-journey map made with CX Designer",
        "emotion_2": "Delighted", "emotion_1": "Pleased", "emotion_0": "Neutral",
        "emotion_-1": "Annoyed", "emotion_-2": "Frustrated",
    },
    "he": {
        "untitled_stage": "שלב ללא שם", "untitled_touchpoint": "נקודת מגע ללא שם",
        "untitled_note": "הערה ללא שם", "untitled_persona": "פרסונה ללא שם",
        "untitled": "מפת מסע ללא שם", "new_persona": "פרסונה חדשה",
        "all_customers": "כל לקוח", "emotion_lane": "רגש ({persona})",
        "picture_description": "מפת מסע לקוח שנוצרה ב־CX Designer",
        "emotion_2": "מאושר", "emotion_1": "מרוצה", "emotion_0": "נייטרלי",
        "emotion_-1": "מאוכזב", "emotion_-2": "מתוסכל",
    },
}

CHANNELS = {
    "en": {"advertising": "Advertising", "website": "Website", "app": "App",
           "social": "Social media", "search": "Search", "reviews": "Reviews / word of mouth",
           "phone": "Phone / call centre", "chat": "Chat", "whatsapp": "WhatsApp",
           "email": "Email", "store": "Store / sales floor", "face_to_face": "Face to face",
           "delivery": "Delivery / packaging", "other": "Other"},
    "he": {"advertising": "פרסום", "website": "אתר", "app": "אפליקציה",
           "social": "רשתות חברתיות", "search": "חיפוש", "reviews": "ביקורות / מפה לאוזן",
           "phone": "טלפון / מוקד", "chat": "צ'אט", "whatsapp": "וואטסאפ",
           "email": 'דוא"ל', "store": "חנות / אולם מכירות", "face_to_face": "פנים אל פנים",
           "delivery": "משלוח / אריזה", "other": "אחר"},
}
# A touchpoint's mode as a card names it ("Phone · Direct").
MODES = {
    "en": {"direct": "Direct", "indirect": "Indirect"},
    "he": {"direct": "ישירה", "indirect": "עקיפה"},
}
NOTE_KINDS = {
    "en": {"pain_point": "Pain point", "opportunity": "Opportunity", "strength": "Strength",
           "weakness": "Weakness", "threat": "Threat", "insight": "Insight"},
    "he": {"pain_point": "נקודת כאב", "opportunity": "הזדמנות", "strength": "חוזקה",
           "weakness": "חולשה", "threat": "איום", "insight": "תובנה"},
}
# One letter on a note chip of the map.
NOTE_LETTERS = {
    "en": {"pain_point": "P", "opportunity": "O", "strength": "S", "weakness": "W",
           "threat": "T", "insight": "I"},
    "he": {"pain_point": "כ", "opportunity": "ה", "strength": "ח", "weakness": "ל",
           "threat": "א", "insight": "ת"},
}
STATUSES = {
    "en": {"planned": "Planned", "in_progress": "In progress", "done": "Done",
           "cancelled": "Cancelled"},
    "he": {"planned": "מתוכנן", "in_progress": "בביצוע", "done": "בוצע", "cancelled": "בוטל"},
}
PERSONA_KINDS = {
    "en": {"new": "New customer", "existing": "Existing customer",
           "returning": "Returning customer"},
    "he": {"new": "לקוח חדש", "existing": "לקוח קיים", "returning": "לקוח חוזר"},
}
# A lane's usual name (a text lane has none: its title names it) and the blueprint's
# lines and marks.  The CSV's lane headers are these words too (``csvio``).
LANE_KINDS = {
    "en": {"customer_actions": "Customer actions", "frontstage": "Frontstage",
           "backstage": "Backstage", "support": "Support processes",
           "physical_evidence": "Physical evidence", "text": "Lane", "image": "Pictures",
           "emotion": "Emotion"},
    "he": {"customer_actions": "פעולות הלקוח", "frontstage": "חזית",
           "backstage": "מאחורי הקלעים", "support": "תהליכי תמיכה",
           "physical_evidence": "ראיות פיזיות", "text": "נתיב", "image": "תמונות",
           "emotion": "רגש"},
}
BLUEPRINT_LINES = {
    "en": {"interaction": "Line of interaction", "visibility": "Line of visibility",
           "internal": "Line of internal interaction"},
    "he": {"interaction": "קו האינטראקציה", "visibility": "קו הנראות",
           "internal": "קו האינטראקציה הפנימית"},
}
CELL_MARKS = {
    "en": {"fail": "Fail point", "wait": "Wait point"},
    "he": {"fail": "נקודת כשל", "wait": "נקודת המתנה"},
}
# Every table above by name, for the test that keeps the languages complete.
TABLES = {"words": WORDS, "channels": CHANNELS, "modes": MODES, "note_kinds": NOTE_KINDS,
          "note_letters": NOTE_LETTERS, "statuses": STATUSES, "persona_kinds": PERSONA_KINDS,
          "lane_kinds": LANE_KINDS, "blueprint_lines": BLUEPRINT_LINES,
          "cell_marks": CELL_MARKS}


def language_of(language: str) -> str:
    """The table's language for a map's ``language`` field (anything else: English)."""
    return "he" if language == "he" else "en"


class Vocabulary:
    """The map's words in one language.  Placeholders use ``str.format`` names."""

    def __init__(self, language: str) -> None:
        self.lang = language_of(language)
        self._words = self.table()

    def table(self) -> dict[str, str]:
        return WORDS[self.lang]

    def __call__(self, key: str, **values) -> str:
        text = self._words.get(key) or WORDS["en"].get(key) or self._fallback(key)
        return text.format(**values) if values else text

    def _fallback(self, key: str) -> str:
        raise KeyError(key)

    def channel(self, channel: str) -> str:
        return CHANNELS[self.lang].get(channel, channel)

    def mode(self, mode: str) -> str:
        return MODES[self.lang].get(mode, mode)

    def note_kind(self, kind: str) -> str:
        return NOTE_KINDS[self.lang].get(kind, kind)

    def note_letter(self, kind: str) -> str:
        return NOTE_LETTERS[self.lang].get(kind, "?")

    def status(self, status: str) -> str:
        return STATUSES[self.lang].get(status, status)

    def persona_kind(self, kind: str) -> str:
        return PERSONA_KINDS[self.lang].get(kind, kind)

    def lane_kind(self, kind: str) -> str:
        return LANE_KINDS[self.lang].get(kind, kind)

    def lane_title(self, lane: dict) -> str:
        """What a lane is called on the map: its title, else its kind's usual name."""
        return lane["title"] or self.lane_kind(lane["lane_kind"])

    def blueprint_line(self, line: str) -> str:
        return BLUEPRINT_LINES[self.lang].get(line, line)

    def cell_mark(self, mark: str) -> str:
        return CELL_MARKS[self.lang].get(mark, mark)

    def emotion(self, value: int | None) -> str:
        return "" if value is None else self(f"emotion_{value}")


_BY_LANGUAGE = {language: Vocabulary(language) for language in LANGUAGES}


def vocabulary(language: str) -> Vocabulary:
    """The shared words for a map's ``language``: one object per language, made once,
    as painting asks for it often."""
    return _BY_LANGUAGE[language_of(language)]
