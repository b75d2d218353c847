"""The words and colours of the report, in English and Hebrew (no Qt, no ReportLab).

The report speaks the map's language: ``labels(journey.document["language"])``.
Placeholders use ``str.format`` names.  The words the report shares with the canvas
and the picture exports (channels, note kinds, statuses, emotions, "Untitled ...")
are ``model/vocabulary.py``'s, so that a map reads the same in every picture of it;
this table adds the report's own words.
"""

from __future__ import annotations

import datetime as _dt

from ..model.vocabulary import (CHANNELS, NOTE_KINDS, NOTE_LETTERS, PERSONA_KINDS,  # noqa: F401
                                STATUSES, WORDS, Vocabulary)

EN = {
    **WORDS["en"],
    # sections
    "cover": "Cover", "contents": "Contents", "summary": "Executive summary",
    "map": "The journey map", "curve": "Emotion curve", "stages": "Stage by stage",
    "swot": "SWOT", "matrix": "Priority matrix", "plan": "Prioritised action plan",
    "personas": "Personas", "blueprint": "Service blueprint",
    # cover
    "report_kind": "Customer journey report", "client": "Prepared for",
    "consultant": "Prepared by", "date": "Date",
    "made_with": "Made with CX Designer",
    # footer
    "page_of": "page {n} of {m}",
    # summary
    "goal": "Goal of the experience", "no_goal": "No goal has been written for this map yet.",
    "at_a_glance": "At a glance", "top_priorities": "Top priorities",
    "low_points": "The low points of the journey",
    "low_points_persona": "Lowest moment for each persona",
    "insights": "Key insights", "plan_status": "Actions",
    "overdue_actions": "Overdue actions", "and_more": "and {n} more",
    "n_stages": "stages", "n_touchpoints": "touchpoints", "n_pain": "pain points",
    "n_opportunities": "opportunities", "n_actions": "actions", "n_overdue": "overdue",
    "n_personas": "personas", "n_notes": "notes",
    "no_priorities": "No pain points or opportunities have been scored yet.",
    "no_low_points": "No touchpoint is felt below neutral.",
    "feels": "feels {value}",
    "status_counts": "{planned} planned, {in_progress} in progress, {done} done, "
                     "{cancelled} cancelled",
    # map
    "map_overview": "Overview", "map_part": "Part {i} of {n}",
    "map_index": "The map is too large to read on one page: the {n} outlined parts follow, "
                 "one a page (the number is the page), each overlapping the next.",
    "continued_from": "continued from page {page}",
    "legend": "Legend", "emotion": "Emotion", "flow": "Customer flow",
    # blueprint
    "blueprint_intro": "Stage by stage, what happens in each lane at every touchpoint, in "
                       "journey order: what the customer does, what the customer sees, and "
                       "the work behind it.",
    "lane_column": "Lane",
    # curve
    "touchpoint_key": "Touchpoints",
    "no_emotions": "No emotion is recorded for this persona.",
    "lowest": "Lowest", "highest": "Highest",
    # stages
    "pictures": "Pictures",  # the touchpoints' pictures after them (export/pictures.py)
    "stage_n": "Stage {n}", "no_touchpoints": "No touchpoints in this stage.",
    "stage_notes": "About the whole stage", "map_notes": "About the whole journey",
    "touchpoint": "Touchpoint", "stage": "Stage",
    "channel": "Channel", "owner": "Owner",
    "evidence": "Evidence", "nps": "NPS", "csat": "CSAT", "kpi": "KPI",
    "emotions": "Emotion", "scores": "impact {impact} · effort {effort}",
    "votes": "{n} votes", "confidence": "confidence {n}",
    # swot
    "strengths": "Strengths", "weaknesses": "Weaknesses and pain points",
    "opportunities": "Opportunities", "threats": "Threats", "none_yet": "None recorded.",
    # matrix
    "impact": "Impact", "effort": "Effort", "low": "low", "high": "high",
    "quick_wins": "Quick wins", "big_bets": "Big bets", "fill_ins": "Fill-ins",
    "money_pits": "Money pits", "rank": "Rank", "note": "Note", "score": "Score",
    "quadrant": "Quadrant", "where": "Where", "unscored": "unscored",
    "not_plotted": "{n} notes have no impact or effort score yet and are not shown.",
    "more_ranked": "The chart numbers the top {n}; the rest are the grey dots.",
    "method": "Ranked by {method}.",
    # plan
    "action": "Action", "due": "Due", "status": "Status", "addresses": "Addresses",
    "overdue": "OVERDUE", "review_due": "review due", "no_owner": "no owner",
    "whole_journey": "Whole journey", "see_above": "as in {number} above",
    "no_plan": "Nothing to plan yet: score pain points and opportunities, then add "
               "actions that address them.",
    "no_actions": "No action addresses this yet.",
    # personas
    "persona_touchpoints": "{n} touchpoints felt", "persona_average": "average {value}",
    "best_moment": "Best moment", "worst_moment": "Hardest moment",
    "no_personas": "No personas are defined for this map.",
    "no_snapshot": "The map has no snapshot yet: take one at a review (Review > Take "
                   "Snapshot, or cxdesigner snapshot) to see here what changed since.",
    "no_blueprint": "No lane of the service blueprint holds text yet (Lanes > Add Lane).",
    # progress since a review (export/progress.py)
    "progress": "Progress since the last review", "progress_since": "Progress since {name}",
    "progress_intro": "What changed between the review \u201c{name}\u201d of {before} and "
                      "this report ({after}).",
    "next_review": "Next review", "review_late": "{date} (overdue)",
    "scores_change": "NPS and CSAT per touchpoint", "before": "Before", "now": "Now",
    "change": "Change", "answers": "Answers", "persona": "Persona",
    "typed_by_hand": "* typed by hand: no survey answers behind it.",
    "emotion_before_now": "Emotion before and now", "before_named": "before ({name})",
    "emotions_changed": "Emotions that changed", "no_emotion_change": "No emotion changed.",
    "notes_added": "Pain points and opportunities added",
    "notes_resolved": "Pain points and opportunities resolved",
    "actions_completed": "Actions completed", "actions_late": "Actions late",
    "actions_new": "New actions", "touchpoints_added": "Touchpoints added",
    "touchpoints_removed": "Touchpoints removed", "none_since": "None since the review.",
    "n_added": "added", "n_resolved": "resolved", "n_completed": "completed",
    "n_late": "late", "n_new_actions": "new actions", "n_new_touchpoints": "new touchpoints",
    "removed_from_map": "removed from the map",
    # notes on the report
    "about_report": "About this report",
    "replaced_chars": "{n} characters the report font cannot show (for example {sample}) "
                      "are shown as \ufffd.",
    "dropped_emoji": "{n} emoji are left out: the report font has no emoji.",
    "persona_view": "Emotions are shown for {persona}.",
}

HE = {
    **WORDS["he"],
    "cover": "שער", "contents": "תוכן העניינים", "summary": "תקציר מנהלים",
    "map": "מפת המסע", "curve": "עקומת הרגש", "stages": "שלב אחר שלב",
    "swot": "ניתוח SWOT", "matrix": "מטריצת עדיפויות", "plan": "תוכנית הפעולה לפי עדיפות",
    "personas": "פרסונות", "blueprint": "שרטוט השירות",
    "report_kind": "דוח מסע לקוח", "client": "הוכן עבור", "consultant": "הוכן על ידי",
    "date": "תאריך", "made_with": "הופק ב־CX Designer",
    "page_of": "עמוד {n} מתוך {m}",
    "goal": "מטרת החוויה", "no_goal": "עדיין לא נכתבה מטרה למפה הזו.",
    "at_a_glance": "במבט אחד", "top_priorities": "העדיפויות העליונות",
    "low_points": "נקודות השפל במסע", "low_points_persona": "הרגע הקשה ביותר לכל פרסונה",
    "insights": "תובנות מרכזיות", "plan_status": "פעולות",
    "overdue_actions": "פעולות באיחור", "and_more": "ועוד {n}",
    "n_stages": "שלבים", "n_touchpoints": "נקודות מגע", "n_pain": "נקודות כאב",
    "n_opportunities": "הזדמנויות", "n_actions": "פעולות", "n_overdue": "באיחור",
    "n_personas": "פרסונות", "n_notes": "הערות",
    "no_priorities": "עדיין לא דורגו נקודות כאב או הזדמנויות.",
    "no_low_points": "אין נקודת מגע שבה הלקוח מרגיש מתחת לנייטרלי.",
    "feels": "מרגיש {value}",
    "status_counts": "{planned} מתוכננות, {in_progress} בביצוע, {done} בוצעו, "
                     "{cancelled} בוטלו",
    "map_overview": "מבט כולל", "map_part": "חלק {i} מתוך {n}",
    "map_index": "המפה גדולה מכדי לקרוא אותה בעמוד אחד: {n} החלקים המסומנים מופיעים "
                 "בעמודים הבאים, חלק בכל עמוד (המספר הוא מספר העמוד), וכל חלק חופף לבא אחריו.",
    "continued_from": "המשך מעמוד {page}",
    "legend": "מקרא", "emotion": "רגש", "flow": "מסלול הלקוח",
    "blueprint_intro": "שלב אחר שלב, מה קורה בכל נתיב בכל נקודת מגע, לפי סדר המסע: מה "
                       "הלקוח עושה, מה הלקוח רואה, והעבודה שמאחורי הקלעים.",
    "lane_column": "נתיב",
    "touchpoint_key": "נקודות המגע",
    "no_emotions": "לא נרשם רגש לפרסונה הזו.",
    "lowest": "הנמוך ביותר", "highest": "הגבוה ביותר",
    "pictures": "תמונות",
    "stage_n": "שלב {n}", "no_touchpoints": "אין נקודות מגע בשלב הזה.",
    "stage_notes": "על השלב כולו", "map_notes": "על המסע כולו",
    "touchpoint": "נקודת מגע", "stage": "שלב",
    "channel": "ערוץ", "owner": "אחראי",
    "evidence": "מקור", "nps": "NPS", "csat": "CSAT", "kpi": "מדד",
    "emotions": "רגש", "scores": "השפעה {impact} · מאמץ {effort}",
    "votes": "{n} קולות", "confidence": "ביטחון {n}",
    "strengths": "חוזקות", "weaknesses": "חולשות ונקודות כאב", "opportunities": "הזדמנויות",
    "threats": "איומים", "none_yet": "לא נרשם דבר.",
    "impact": "השפעה", "effort": "מאמץ", "low": "נמוך", "high": "גבוה",
    "quick_wins": "הצלחות מהירות", "big_bets": "מהלכים גדולים", "fill_ins": "שיפורים קטנים",
    "money_pits": "לא משתלם", "rank": "דירוג", "note": "הערה", "score": "ציון",
    "quadrant": "רביע", "where": "איפה", "unscored": "ללא ציון",
    "not_plotted": "ל־{n} הערות עדיין אין ציון השפעה או מאמץ, והן לא מוצגות.",
    "more_ranked": "בתרשים ממוספרות {n} הראשונות; השאר הן הנקודות האפורות.",
    "method": "הדירוג לפי {method}.",
    "action": "פעולה", "due": "יעד", "status": "סטטוס", "addresses": "מטפלת ב",
    "overdue": "באיחור", "review_due": "דרושה בדיקה", "no_owner": "ללא אחראי",
    "whole_journey": "המסע כולו", "see_above": "כמו ב־{number} למעלה",
    "no_plan": "עדיין אין מה לתכנן: דרגו נקודות כאב והזדמנויות, והוסיפו פעולות שמטפלות בהן.",
    "no_actions": "עדיין אין פעולה שמטפלת בזה.",
    "persona_touchpoints": "רגש נרשם ב־{n} נקודות מגע", "persona_average": "ממוצע {value}",
    "best_moment": "הרגע הטוב ביותר", "worst_moment": "הרגע הקשה ביותר",
    "no_personas": "לא הוגדרו פרסונות למפה הזו.",
    "no_snapshot": "אין עדיין תמונת מצב במפה: צרו אחת בסקירה (סקירה > יצירת תמונת מצב, "
                   "או cxdesigner snapshot) כדי לראות כאן מה השתנה מאז.",
    "no_blueprint": "אין עדיין טקסט באף נתיב של שרטוט השירות (נתיבים > הוספת נתיב).",
    "progress": "ההתקדמות מאז הסקירה האחרונה", "progress_since": "ההתקדמות מאז {name}",
    "progress_intro": "מה השתנה בין הסקירה \"{name}\" מ־{before} לבין הדוח הזה "
                      "({after}).",
    "next_review": "הסקירה הבאה", "review_late": "{date} (באיחור)",
    "scores_change": "NPS ו־CSAT לפי נקודת מגע", "before": "לפני", "now": "עכשיו",
    "change": "שינוי", "answers": "תשובות", "persona": "פרסונה",
    "typed_by_hand": "* הוזן ידנית: אין מאחוריו תשובות סקר.",
    "emotion_before_now": "הרגש לפני ועכשיו", "before_named": "לפני ({name})",
    "emotions_changed": "רגשות שהשתנו", "no_emotion_change": "אף רגש לא השתנה.",
    "notes_added": "נקודות כאב והזדמנויות שנוספו",
    "notes_resolved": "נקודות כאב והזדמנויות שטופלו",
    "actions_completed": "פעולות שהושלמו", "actions_late": "פעולות באיחור",
    "actions_new": "פעולות חדשות", "touchpoints_added": "נקודות מגע שנוספו",
    "touchpoints_removed": "נקודות מגע שהוסרו", "none_since": "אין מאז הסקירה.",
    "n_added": "נוספו", "n_resolved": "טופלו", "n_completed": "הושלמו",
    "n_late": "באיחור", "n_new_actions": "פעולות חדשות", "n_new_touchpoints": "נקודות מגע חדשות",
    "removed_from_map": "הוסרה מהמפה",
    "about_report": "על הדוח",
    "replaced_chars": "{n} תווים שאין בגופן הדוח (למשל {sample}) מוצגים כ־\ufffd.",
    "dropped_emoji": "{n} סמלי אימוג'י הושמטו: אין אימוג'י בגופן הדוח.",
    "persona_view": "הרגשות מוצגים עבור {persona}.",
}

METHODS = {
    "en": {"impact_effort": "impact / effort", "ice": "ICE (impact, confidence, ease)",
           "rice": "RICE (reach, impact, confidence, effort)", "votes": "votes",
           "weighted": "a weighted score"},
    "he": {"impact_effort": "השפעה / מאמץ", "ice": "ICE (השפעה, ביטחון, קלות)",
           "rice": "RICE (היקף, השפעה, ביטחון, מאמץ)", "votes": "הצבעות",
           "weighted": "ציון משוקלל"},
}
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "he": ("בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט",
           "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר"),
}

# Colours (hex), the same family as the editor's.
NOTE_COLOURS = {"pain_point": "#d64545", "opportunity": "#2e9e5b", "strength": "#3b7dd8",
                "weakness": "#e08a1e", "threat": "#8e44ad", "insight": "#5f7c8a"}
EMOTION_COLOURS = {-2: "#c0392b", -1: "#e67e22", 0: "#95a5a6", 1: "#7cb342", 2: "#2e9e5b"}
NO_EMOTION = "#bdc3c7"
STATUS_COLOURS = {"planned": "#5f7c8a", "in_progress": "#3b7dd8", "done": "#2e9e5b",
                  "cancelled": "#95a5a6"}


class Labels(Vocabulary):
    """The report's words in one language: the map's shared words and the report's."""

    def table(self) -> dict[str, str]:
        return HE if self.lang == "he" else EN

    def _fallback(self, key: str) -> str:
        return EN[key]

    def method(self, method: str) -> str:
        return METHODS[self.lang].get(method, method)

    def date(self, day: _dt.date) -> str:
        return f"{day.day} {MONTHS[self.lang][day.month - 1]} {day.year}"


def signed(value: int | float) -> str:
    """An emotion as the report writes it: +2, 0, \u22121 (a true minus sign), kept
    left to right inside right-to-left text by an LTR embedding."""
    if value > 0:
        text = f"+{value:g}"
    else:
        text = f"\u2212{-value:g}" if value < 0 else "0"
    return f"\u202a{text}\u202c"
