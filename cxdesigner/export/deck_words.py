"""The deck's own words, on top of the report's (``labels.py``) and the map's
(``model/vocabulary.py``): a deck speaks its map's language, not the interface's."""

from __future__ import annotations

from .labels import Labels

EN = {
    "deck_kind": "Customer journey presentation",
    "continued": "{title} (continued)",
    "deck_parts": "The map is too large for one slide: its {n} numbered parts follow, "
                  "one a slide, in reading order.",
    "no_stages": "This map has no stages yet.",
    "counts": "The map in numbers",
    "pains": "Pain points", "ranked_notes": "Ranked notes",
}
HE = {
    "deck_kind": "מצגת מסע לקוח",
    "continued": "{title} (המשך)",
    "deck_parts": "המפה גדולה מכדי להציג אותה בשקף אחד: {n} החלקים הממוספרים מופיעים "
                  "בשקפים הבאים, חלק בכל שקף, לפי סדר הקריאה.",
    "no_stages": "במפה הזו עדיין אין שלבים.",
    "counts": "המפה במספרים",
    "pains": "נקודות כאב", "ranked_notes": "ההערות לפי דירוג",
}


class DeckLabels(Labels):
    """The report's words and the deck's, in the map's language."""

    def table(self) -> dict[str, str]:
        return {**super().table(), **(HE if self.lang == "he" else EN)}

    def _fallback(self, key: str) -> str:
        return EN.get(key) or super()._fallback(key)
