"""Which touchpoint a piece of customer feedback is about: ranked suggestions (no Qt).

An explainable word score, no model and no network: each touchpoint is a small
document of its own words (title, description, its channel's names in English and
Hebrew, its stage's title, its lane cells and its notes' titles), and a feedback text
is scored against every document with BM25 (the ranking function of search engines):
each word the text shares with a touchpoint adds its rarity across the map (a word
every card has says nothing) times how strongly the touchpoint holds it (a word in the
title counts three times, a channel name twice; repeats add less and less; a long
card is not favoured for its length).  The shared words that scored most are the
explanation the editor shows.  ``docs/feedback-matching.md`` works an example.

Words are folded so that the ways people write one word meet: lower case, Hebrew
points (niqqud) and geresh dropped (צ'אט is צאט), Hebrew one-letter prefixes (ו ה ב ל
מ ש כ and their runs, like וה, שב, כשה) stripped when the rest is a word the map
knows, simple Hebrew and English endings folded (עוגות and עוגה, orders and ordering),
a few spelling variants of channel names joined, and common words of both languages
dropped.

    matcher = Matcher(journey)       # O(the map's words), once
    matcher.suggest(text, limit=3)   # [Suggestion(tp, score, words), ...]

A query costs O(its words x the cards that hold them); 10,000 e-mails against 5,000
touchpoints take seconds (``bench/bench_matching.py``).
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import schema as S
from .changes import evidence_only
from .vocabulary import CHANNELS

# How much a word counts by where the card holds it.
WEIGHTS = {"title": 3.0, "channel": 2.0, "description": 1.0, "stage": 1.0, "cell": 1.0,
           "note": 1.0}
K1, B = 1.2, 0.75  # BM25's usual saturation and length normalisation
MAX_QUERY_CHARS = 20_000  # an e-mail's text past this adds nothing but time

_PREFIX_LETTERS = "והבלמשכ"
# Hebrew's one-letter words glue on in this order: ו, then ש or כש, then ה ב ל מ כ.
_PREFIX = re.compile("^(ו?(?:ש|כש)?[הבלמכ]?)")
_POINTS = re.compile("[\u0591-\u05c7]")  # cantillation and niqqud
_INNER_MARKS = re.compile("(?<=\\w)['\"`\u2018\u2019\u05f3\u05f4](?=\\w)")
_WORD = re.compile(r"[^\W_]+")
_HEBREW = re.compile("[\u05d0-\u05ea]")
_FINALS = str.maketrans("ךםןףץ", "כמנפצ")

# Words too common to say what a text is about.
STOP_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those there here i me my we our us you your he she they them his
her their what which who whom when where why how all any some no not nor so too very
can could would should will just than then also about after before again into out up
down over under do does did done have has had having am get got im ive dont didnt
your yours hi hello thanks thank please dear regards best one yes
של את על עם זה זו זאת הוא היא הם הן אני אנחנו אתם אתן אתה את לא כן גם אבל או כי אם
מה מי איך למה כל יש אין היה הייתה היו להיות רק עוד כבר אז פה שם כמו אחרי לפני בין
עד מאוד הרבה קצת לי לו לה לנו לכם להם שלי שלנו שלכם שלהם אותי אותו אותה אותנו שלום
תודה בבקשה היי כבר אצל אל מן אף כך ככה עכשיו היום אחד אחת
""".split())

# Spellings of a channel that the vocabulary's names do not cover, folded onto them.
_ALIASES = {
    "ווטסאפ": "וואטסאפ", "וואצאפ": "וואטסאפ", "ווצאפ": "וואטסאפ", "wa": "whatsapp",
    "whats": "whatsapp", "וטסאפ": "וואטסאפ", "מייל": "email", "אימייל": "email",
    "דואל": "email", "mail": "email", "אינסטגרם": "instagram", "אינסטה": "instagram",
    "insta": "instagram", "פייסבוק": "facebook", "fb": "facebook", "גוגל": "google",
    "phone": "טלפון", "call": "טלפון", "telephone": "טלפון", "website": "אתר",
    "site": "אתר", "web": "אתר", "online": "אתר", "app": "אפליקציה",
}


@dataclass(frozen=True)
class Suggestion:
    """A touchpoint a text may be about: its score and the shared words that made it,
    the strongest first (as the text wrote them, folded)."""
    tp: str
    score: float
    words: tuple[str, ...]


def _fold(word: str) -> str:
    """One word's ending folded: plurals and -ing in English, plural and construct
    endings in Hebrew, final letter forms as their ordinary form."""
    if _HEBREW.search(word):
        word = word.translate(_FINALS)
        for ending in ("ימ", "ות"):  # final letters are ordinary by now
            if len(word) > 4 and word.endswith(ending):
                word = word[:-2]
                break
        if len(word) > 3 and word[-1] in "הת":
            word = word[:-1]
        return word
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The text's words, lower case, points and inner quotes gone, channel spellings
    joined, stop words dropped (prefixes still on, endings not folded)."""
    return [word for _written, word in _words(text)]


def _words(text: str) -> list[tuple[str, str]]:
    """Each word as the text wrote it (lower case) and as ``words`` gives it."""
    text = unicodedata.normalize("NFKC", text[:MAX_QUERY_CHARS]).casefold()
    text = _INNER_MARKS.sub("", _POINTS.sub("", text))
    found = []
    for written in _WORD.findall(text):
        word = _ALIASES.get(written, written)
        if len(word) > 1 and word not in STOP_WORDS and not word.isdigit():
            found.append((written, word))
    return found


def _bare(word: str) -> list[str]:
    """A Hebrew word without each prefix run it may carry, longest run first, folded
    (nothing for a word with no such run, or too short to carry one)."""
    if not _HEBREW.match(word):
        return []
    run = _PREFIX.match(word)[1]
    bare = []
    for cut in range(len(run), 0, -1):
        rest = word[cut:]
        if len(rest) >= 3 and rest not in STOP_WORDS:
            bare.append(_fold(_ALIASES.get(rest, rest)))
    return bare


def _term(word: str, known: set[str] | frozenset[str]) -> str:
    """A word as an index term: a Hebrew prefix run is stripped when what is left is
    a term the map knows (the longest such run first), then the ending is folded."""
    return next((rest for rest in _bare(word) if rest in known), _fold(word))


def _channel_words(channel: str) -> str:
    return " ".join((channel.replace("_", " "), CHANNELS["en"].get(channel, ""),
                     CHANNELS["he"].get(channel, "")))


class Matcher:
    """The map's touchpoints indexed by their words, built once; ``suggest`` ranks
    them for a text.  Build it again after the map changes."""

    def __init__(self, journey) -> None:
        self._order = journey.journey_order()
        lanes = set(journey.lanes())
        parts: list[list[tuple[str, str]]] = []  # per card: (field, text)
        for tp in self._order:
            fields = journey.get(tp)
            texts = [("title", fields["title"]), ("description", fields["description"]),
                     ("channel", _channel_words(fields["channel"])),
                     ("stage", journey.title(journey.stage_of(tp)))]
            texts += [("cell", text) for lane, text in fields["cells"].items() if lane in lanes]
            texts += [("note", journey.title(n)) for n in journey.notes_on(tp)]
            parts.append(texts)
        # Two passes: the words first, so that a prefixed word ("בווטסאפ") can be
        # folded onto the bare one another card holds ("ווטסאפ").
        raw = [[(field, words(text)) for field, text in texts] for texts in parts]
        known = {_fold(w) for card in raw for _f, ws in card for w in ws}
        self._known = frozenset(known)
        # A prefixed word no card holds bare ("לחברים" alone) is found from the bare
        # form another prefix gives ("החברים"): bare form -> the terms that carry it.
        self._prefixed: dict[str, set[str]] = {}
        docs: list[Counter] = []
        for card in raw:
            tf: Counter = Counter()
            for field, ws in card:
                weight = WEIGHTS[field]
                for w in ws:
                    term = _term(w, self._known)
                    tf[term] += weight
                    for rest in _bare(w) if term == _fold(w) else ():
                        self._prefixed.setdefault(rest, set()).add(term)
            docs.append(tf)
        n = len(docs)
        lengths = [sum(tf.values()) for tf in docs]
        average = sum(lengths) / n if n else 1.0
        df: Counter = Counter(t for tf in docs for t in tf)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        # term -> [(card number, its BM25 weight x the term's rarity)]
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._cards: list[dict[str, float]] = []  # the same, per card: the explanations
        for i, (tf, length) in enumerate(zip(docs, lengths)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            card = {t: self.idf[t] * f * (K1 + 1) / (f + norm) for t, f in tf.items()}
            for t, value in card.items():
                self._postings.setdefault(t, []).append((i, value))
            self._cards.append(card)

    def terms(self, text: str) -> dict[str, str]:
        """The text's words that the map holds, as index terms, each with the first
        word that gave it as the text wrote it."""
        found: dict[str, str] = {}
        for written, w in _words(text):
            term = _term(w, self._known)
            if term in self.idf:
                found.setdefault(term, written)
                continue
            for rest in (_fold(w), *_bare(w)):
                for other in sorted(self._prefixed.get(rest, ())):
                    found.setdefault(other, written)
        return found

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """The ``limit`` touchpoints the text most likely concerns, best first; ties
        go to the earlier card in journey order.  Touchpoints that share no word with
        the text are never suggested."""
        scores: dict[int, float] = {}
        terms = self.terms(text)
        for term in terms:
            for i, value in self._postings.get(term, ()):
                scores[i] = scores.get(i, 0.0) + value
        best = heapq.nsmallest(max(limit, 0), scores.items(), key=lambda s: (-s[1], s[0]))
        return [Suggestion(self._order[i], round(score, 4), self._why(i, terms))
                for i, score in best]

    def _why(self, card: int, terms: dict[str, str]) -> tuple[str, ...]:
        weights = self._cards[card]
        shared = sorted((t for t in terms if t in weights), key=lambda t: -weights[t])
        return tuple(terms[t] for t in shared)


class Suggester:
    """The editor's suggestions for a map that changes: ``suggester(text)`` gives
    [(touchpoint id, the explaining words)], best first.  The index is built at the
    first call after an edit that changed more than feedback, citations or snapshots,
    so sorting a thousand e-mails into the map builds it once."""

    def __init__(self, journey, limit: int = 3) -> None:
        self.journey, self.limit = journey, limit
        self._matcher: Matcher | None = None
        journey.events.subscribe("journey_changed", self._on_changed)

    def __call__(self, text: str) -> list[tuple[str, str]]:
        if self._matcher is None:
            self._matcher = Matcher(self.journey)
        return [(s.tp, ", ".join(s.words)) for s in self._matcher.suggest(text, self.limit)]

    def detach(self) -> None:
        self.journey.events.unsubscribe(self._on_changed)

    def _on_changed(self, event) -> None:
        if not evidence_only(event.change):
            self._matcher = None


def item_text(fields) -> str:
    """What a feedback item says: its title (an e-mail's subject) and its text."""
    return f"{fields.get('title', '')}\n{fields.get('description', '')}"


def suggest_for_items(journey, items: Iterable[str], limit: int = 3
                      ) -> dict[str, list[Suggestion]]:
    """Suggestions for feedback items of the map, by item id (one index for all)."""
    matcher = Matcher(journey)
    return {item: matcher.suggest(item_text(journey.get(item)), limit) for item in items
            if journey.kind_of(item) == S.FEEDBACK}
