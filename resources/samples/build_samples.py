#!/usr/bin/env python3
"""Build the bundled templates and the sample maps from the content below.

    python resources/samples/build_samples.py

writes, with fixed ids so that every run gives the same documents:

* ``resources/templates/blank.cxmap``: an empty map;
* ``resources/templates/five-stages-{en,he}.cxmap``: the five-stage frame, each stage
  explaining what to capture in it, and a note on the steps of the method;
* ``resources/samples/bakery-{en,he}.cxmap``: a worked example, a neighbourhood
  bakery with online orders, mapped by a consultant: touchpoints, personas, emotions,
  a SWOT of notes with scores and evidence, and prioritised action trees.

The content is plain data.  Every text is a ``T(english, hebrew)`` pair, so both
languages share one structure and one set of ids; the Hebrew is written for Hebrew
readers, not translated word for word.  The tests check that the committed files
are what this script builds, so edit the content here and run the script again.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent / "templates"
if __name__ == "__main__":  # run as a script from a checkout: find the package
    sys.path.insert(0, str(HERE.parent.parent))

from cxdesigner.model import JourneyMap, schema  # noqa: E402

# Fixed save times, so the files are the same on every run.
CREATED = "2026-06-01T09:00:00+00:00"
LANGS = ("en", "he")
COL, LANE = 240, 160  # a touchpoint's x is its column in the stage times COL, y its lane


class T(NamedTuple):
    """A text in English and in Hebrew."""
    en: str
    he: str


def pick(value: Any, lang: str) -> Any:
    return getattr(value, lang) if isinstance(value, T) else value


@dataclass
class Stage:
    id: str
    title: T
    description: T


@dataclass
class Persona:
    id: str
    kind: str
    title: T
    description: T


@dataclass
class Touchpoint:
    id: str
    stage: str
    col: int            # order within the stage
    lane: int           # 0: the main path, 1: a branch's alternative
    channel: str
    mode: str
    owner: T
    title: T
    description: T
    # Emotion, -2..+2, for (any customer, new, existing, returning); None: not judged.
    feel: tuple[int | None, ...]
    personas: tuple[str, ...] = ()
    nps: float | None = None
    csat: float | None = None
    kpi: T | str = ""
    evidence: T | str = ""


@dataclass
class Note:
    id: str
    kind: str
    on: str | None      # a touchpoint, a stage, or None for the whole map
    title: T
    description: T | str = ""
    evidence: T | str = ""
    # Scores 1..5: (impact, effort, reach, confidence), or None.
    scores: tuple[int, int, int, int] | None = None
    votes: int = 0
    personas: tuple[str, ...] = ()


@dataclass
class Action:
    id: str
    title: T
    owner: T
    due: str
    status: str = "planned"
    kpi: T | str = ""
    description: T | str = ""
    review_months: int = 3
    addresses: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    children: list["Action"] = field(default_factory=list)


@dataclass
class Document:
    title: T | str
    client: T | str = ""
    author: T | str = ""
    goal: T | str = ""
    scoring_method: str = "impact_effort"

    def fields(self, lang: str) -> dict[str, Any]:
        return {"title": pick(self.title, lang), "client": pick(self.client, lang),
                "author": pick(self.author, lang), "goal": pick(self.goal, lang),
                "language": lang, "direction": "rtl" if lang == "he" else "ltr",
                "scoring_method": self.scoring_method, "created": CREATED}


# ===================================================================== templates

FIVE_STAGES_DOC = Document(
    title=T("Customer journey", "מסע לקוח"),
    goal=T("Describe the experience you want customers to have: how should they feel "
           "at the end of the journey, and what should they tell their friends about you?",
           "תארו את החוויה שאתם רוצים שהלקוחות יעברו: איך הם צריכים להרגיש בסוף המסע, "
           "ומה תרצו שיספרו עליכם לחברים?"),
)

FIVE_STAGES = [
    Stage("st-aware", T("Awareness", "חשיפה"), T(
        "Where people first meet you, often long before they think of buying. Add a "
        "touchpoint for every first contact: ads, social posts, search results, reviews, a "
        "friend's recommendation, the shop front or the sign on the street. Most of these "
        "are indirect touchpoints: you shape them but do not control them. For each one, ask "
        "what the customer now feels and believes about you, and note which persona arrives "
        "through which channel.",
        "המקומות שבהם אנשים פוגשים אתכם לראשונה, הרבה לפני שחשבו לקנות. הוסיפו נקודת מגע "
        "לכל היכרות ראשונה: מודעות, פוסטים ברשתות, תוצאות חיפוש, ביקורות, המלצה של חבר, "
        "חזית החנות או השלט ברחוב. רובן נקודות מגע עקיפות: אתם משפיעים עליהן אבל לא שולטים "
        "בהן. בכל אחת שאלו מה הלקוח מרגיש וחושב עליכם עכשיו, וציינו איזו פרסונה מגיעה דרך "
        "איזה ערוץ.")),
    Stage("st-consider", T("Consideration", "שקילה ובירור"), T(
        "The customer checks and compares: your website, prices, reviews, your social "
        "pages, and questions sent by chat, WhatsApp, email or phone. Record what they look "
        "for, what they cannot find and where they hesitate or leave. Both too little "
        "information and too much of it hurt here. Read the questions customers actually "
        "send: each one is a gap in what you show them.",
        "הלקוח בודק ומשווה: האתר, המחירים, הביקורות, העמודים ברשתות, ושאלות בצ'אט, בווטסאפ, "
        "במייל או בטלפון. רשמו מה הוא מחפש, מה הוא לא מוצא ואיפה הוא מהסס או עוזב. גם מחסור "
        "במידע וגם עודף מידע פוגעים כאן. קראו את השאלות שלקוחות באמת שולחים: כל שאלה היא "
        "פער במה שאתם מציגים להם.")),
    Stage("st-purchase", T("Purchase", "רכישה"), T(
        "Every step of buying: choosing, ordering (online, by phone, on WhatsApp or face "
        "to face), paying and the confirmation. These are direct touchpoints. Draw each "
        "alternative path as a branch, and mark where customers wait, repeat themselves or "
        "give up. The rule of thumb: when a customer wants to buy, do not stand in their "
        "way.",
        "כל צעד בקנייה: בחירה, הזמנה (באתר, בטלפון, בווטסאפ או פנים אל פנים), תשלום ואישור. "
        "אלה נקודות מגע ישירות. שרטטו כל דרך חלופית כהסתעפות, וסמנו איפה לקוחות מחכים, "
        "חוזרים על עצמם או מוותרים. כלל האצבע: כשלקוח רוצה לקנות, אל תעמדו לו בדרך.")),
    Stage("st-use", T("Experience", "שימוש וחוויה"), T(
        "Receiving and using what was bought: delivery or pickup, the packaging, first use, "
        "help when something is unclear. This is where the promise made in the earlier "
        "stages is tested. Give each touchpoint an emotion for each persona, and write the "
        "pain points in the customer's own words, backed by evidence: reviews, messages to "
        "your service line, satisfaction scores.",
        "קבלת המוצר או השירות והשימוש בו: משלוח או איסוף, האריזה, השימוש הראשון, עזרה כשמשהו "
        "לא ברור. כאן נבחנת ההבטחה שניתנה בשלבים הקודמים. תנו לכל נקודת מגע רגש לכל פרסונה, "
        "וכתבו את נקודות הכאב במילים של הלקוחות עצמם, עם ראיות: ביקורות, פניות לשירות, ציוני "
        "שביעות רצון.")),
    Stage("st-loyalty", T("Service, loyalty and advocacy", "שירות, נאמנות והמלצה"), T(
        "After the sale: service and complaints, follow-up, asking for feedback (surveys, "
        "reviews, NPS), loyalty programmes, repeat purchases and reminders. This is the "
        "stage where most businesses fail: once paid, the customer is forgotten. Most "
        "unhappy customers tell their friends rather than you, so make it easy to tell you. "
        "The journey ends in advocacy, when the customer recommends you and starts someone "
        "else's journey.",
        "אחרי המכירה: שירות ותלונות, מעקב, בקשת משוב (סקרים, ביקורות, NPS), מועדון לקוחות, "
        "רכישות חוזרות ותזכורות. בשלב הזה רוב העסקים נכשלים: ברגע שהלקוח שילם, שוכחים "
        "אותו. רוב הלקוחות הלא מרוצים מספרים לחברים ולא לכם, אז הקלו עליהם לספר לכם. המסע "
        "מסתיים בהמלצה: הלקוח ממליץ עליכם ומתחיל את המסע של מישהו אחר.")),
]

METHOD_NOTE = Note(
    "nt-method", "insight", None,
    T("How to work with this map", "איך עובדים עם המפה"),
    T("1. Goal: in the map details, write the experience you want customers to have.\n"
      "2. Map: add touchpoints stage by stage, in the order customers meet them. Mark each "
      "as direct or indirect, give its channel and the department that owns it, and the "
      "emotion it leaves for each persona (new, existing and returning customers).\n"
      "3. SWOT: add notes for pain points, weaknesses, strengths, opportunities and "
      "threats, with evidence: reviews, messages to service and sales, surveys, NPS.\n"
      "4. Prioritise: score impact, effort, reach and confidence, or vote as a team.\n"
      "5. Action trees: turn the top notes into actions and sub-actions with owners, due "
      "dates and KPIs. Test them and expect some trial and error.\n"
      "6. Review: measure and update the map every 3 to 5 months.",
      "1. מטרה: בפרטי המפה, כתבו איזו חוויה אתם רוצים שהלקוחות יעברו.\n"
      "2. מיפוי: הוסיפו נקודות מגע שלב אחר שלב, בסדר שבו הלקוחות פוגשים אותן. סמנו לכל "
      "אחת אם היא ישירה או עקיפה, באיזה ערוץ, איזו מחלקה אחראית עליה, ואיזה רגש היא "
      "משאירה אצל כל פרסונה (לקוחות חדשים, קיימים וחוזרים).\n"
      "3. SWOT: הוסיפו הערות על נקודות כאב, חולשות, חוזקות, הזדמנויות ואיומים, עם ראיות: "
      "ביקורות, פניות לשירות ולמכירות, סקרים, NPS.\n"
      "4. תעדוף: דרגו השפעה, מאמץ, היקף וביטחון, או הצביעו יחד עם הצוות.\n"
      "5. עצי פעולה: הפכו את ההערות החשובות לפעולות ולתת-פעולות, עם אחראי, תאריך יעד "
      "ומדד הצלחה. בדקו אותן, וצפו לניסוי וטעייה.\n"
      "6. מעקב: מדדו ועדכנו את המפה כל 3 עד 5 חודשים."),
)


# ======================================================================== bakery

BAKERY_DOC = Document(
    title=T("Rosemary Bakery: the customer journey, 2026",
            "מאפיית רוזמרין: מסע הלקוח 2026"),
    client=T("Rosemary Bakery (Yael and Tomer Sasson)", 'מאפיית רוזמרין (יעל ותומר ששון)'),
    author=T("Dana Amir, CX consultant", "דנה אמיר, יועצת חוויית לקוח"),
    goal=T("Ordering from us should feel as easy and warm as our bread tastes: clear "
           "information, an answer within minutes, the order ready on time with no queue, and "
           "a reason to come back and tell the neighbours.",
           "שההזמנה אצלנו תרגיש קלה וחמה כמו הלחם שלנו: מידע ברור, תשובה תוך דקות, הזמנה "
           "שמחכה מוכנה בזמן ובלי תור, וסיבה טובה לחזור ולספר לשכנים."),
)

BAKERY_STAGES = [
    Stage("st-aware", T("Awareness", "חשיפה"), T(
        "How people in the neighbourhood first hear of us: mostly from neighbours, then "
        "Instagram and the smell on the street.",
        "איך אנשים בשכונה שומעים עלינו לראשונה: בעיקר משכנים, אחר כך מאינסטגרם ומהריח ברחוב.")),
    Stage("st-consider", T("Consideration", "שקילה ובירור"), T(
        "Checking us out before the first order: reviews, photos, the menu and questions "
        "about ingredients.",
        "הבדיקה שלפני ההזמנה הראשונה: ביקורות, תמונות, התפריט ושאלות על רכיבים.")),
    Stage("st-purchase", T("Ordering and pickup", "הזמנה ואיסוף"), T(
        "Ordering on the website or on WhatsApp (with the phone as a fallback), then pickup "
        "at the shop or delivery by courier.",
        "הזמנה באתר או בווטסאפ (והטלפון כשאין מענה), ואחר כך איסוף מהחנות או משלוח עם שליח.")),
    Stage("st-use", T("Eating and sharing", "טעימה ושיתוף"), T(
        "At home: the box, the first bite, the photo for the family group, the next day.",
        "בבית: הקופסה, הביס הראשון, התמונה לקבוצה המשפחתית, ומה קורה למחרת.")),
    Stage("st-loyalty", T("Service, loyalty and advocacy", "שירות, נאמנות והמלצה"), T(
        "After the sale: problems and how we handle them, reviews, the loyalty card, the "
        "weekly menu, reorders and recommendations.",
        "אחרי הקנייה: תקלות והטיפול בהן, ביקורות, כרטיס הנאמנות, התפריט השבועי, הזמנות "
        "חוזרות והמלצות.")),
]

NEW, EXISTING, RETURNING = "ps-new", "ps-existing", "ps-returning"
FEEL_KEYS = (schema.GENERAL, NEW, EXISTING, RETURNING)

BAKERY_PERSONAS = [
    Persona(NEW, "new", T("Noa, new to the neighbourhood", "נועה, חדשה בשכונה"), T(
        "Moved in this year with two small children, one of them allergic to nuts. Finds "
        "places on Instagram and Google Maps, orders on her phone in the evening, and wants "
        "clear information before she commits.",
        "עברה לשכונה השנה עם שני ילדים קטנים, ולאחד מהם אלרגיה לאגוזים. מוצאת מקומות "
        "באינסטגרם ובגוגל מפות, מזמינה מהטלפון בערב, ורוצה מידע ברור לפני שהיא מתחייבת.")),
    Persona(EXISTING, "existing", T("David, the weekend regular", "דוד, הקבוע של שישי בבוקר"), T(
        "Comes every weekend morning for two sourdough loaves and croissants for the kids. "
        "Knows the staff by name, pays at the counter, keeps the loyalty card in his wallet "
        "and hates the queue.",
        "מגיע כל שישי בבוקר לשתי כיכרות מחמצת וקרואסונים לילדים. מכיר את הצוות בשמות, משלם "
        "בקופה, שומר את כרטיס הנאמנות בארנק ושונא את התור.")),
    Persona(RETURNING, "returning", T("Miriam, back for birthdays", "מרים, חוזרת לימי הולדת"), T(
        "Orders a birthday cake two or three times a year, on WhatsApp or by phone. Between "
        "birthdays she forgets us; when she comes back she expects us to remember what she "
        "ordered last time.",
        "מזמינה עוגת יום הולדת פעמיים־שלוש בשנה, בווטסאפ או בטלפון. בין יום הולדת אחד למשנהו "
        "היא שוכחת מאיתנו, וכשהיא חוזרת היא מצפה שנזכור מה הזמינה בפעם הקודמת.")),
]

MARKETING = T("Marketing", "שיווק")
SHOP = T("Shop floor", "צוות החנות")
ONLINE = T("Online orders", "הזמנות אונליין")
SERVICE = T("Customer service", "שירות לקוחות")
BAKERS = T("Bakery (production)", "ייצור ואפייה")
OWNERS = T("Owners", "הבעלים")
DELIVERY = T("Delivery", "משלוחים")

BAKERY_TOUCHPOINTS = [
    # ------------------------------------------------------------------ awareness
    Touchpoint("tp-insta-ad", "st-aware", 0, 0, "social", "indirect", MARKETING,
               T("Instagram ad: the weekend bakes", "מודעת אינסטגרם: המאפים של סוף השבוע"),
               T("A sponsored post with this week's loaves and pastries, shown to people "
                 "living within 3 km.",
                 'פוסט ממומן עם הלחמים והמאפים של השבוע, שמוצג לתושבים ברדיוס של 3 ק"מ.'),
               (0, 1, 0, 0),
               kpi=T("Click-through 1.2% (target 2%)", "שיעור הקלקה 1.2% (יעד 2%)")),
    Touchpoint("tp-neighbour", "st-aware", 1, 0, "face_to_face", "indirect", MARKETING,
               T("A neighbour recommends us", "שכנה ממליצה"),
               T("At the playground or in the building's WhatsApp group: \"you have to try "
                 "their sourdough\".",
                 'בגינה או בקבוצת הווטסאפ של הבניין: "אתם חייבים לטעום את המחמצת שלהם".'),
               (2, 2, None, 1),
               evidence=T("Counter survey of 60 first-time customers, May: 26 heard of us "
                          "from a neighbour or friend.",
                          "סקר בקופה בקרב 60 לקוחות חדשים, מאי: 26 שמעו עלינו משכנים או "
                          "מחברים.")),
    Touchpoint("tp-shop-window", "st-aware", 2, 0, "store", "indirect", SHOP,
               T("Walking past the shop window", "עוברים ליד חלון הראווה"),
               T("The smell of baking at seven in the morning, bread racks behind the glass "
                 "and the chalkboard with the day's specials.",
                 "ריח של אפייה בשבע בבוקר, מדפי הלחם מאחורי הזכוכית ולוח הגיר עם המיוחדים "
                 "של היום."),
               (1, 2, 1, None)),
    # -------------------------------------------------------------- consideration
    Touchpoint("tp-google-maps", "st-consider", 0, 0, "reviews", "indirect", OWNERS,
               T("Google Maps: rating, hours and reviews", "גוגל מפות: דירוג, שעות וביקורות"),
               T("Checking the rating, the photos and whether we are open right now.",
                 "בודקים את הדירוג, את התמונות ואם אנחנו פתוחים עכשיו."),
               (0, 0, None, -1),
               kpi=T("Rating 4.4 from 212 reviews (target 4.7)",
                     "דירוג 4.4 מתוך 212 ביקורות (יעד 4.7)"),
               evidence=T("Google Business profile, June 2026", "פרופיל העסק בגוגל, יוני 2026")),
    Touchpoint("tp-insta-profile", "st-consider", 1, 0, "social", "indirect", MARKETING,
               T("Browsing our Instagram", "גוללים באינסטגרם שלנו"),
               T("Stories from the ovens, the weekly menu and photos customers shared.",
                 "סטוריז מהתנורים, התפריט השבועי ותמונות ששיתפו לקוחות."),
               (1, 2, 1, None)),
    Touchpoint("tp-website-menu", "st-consider", 2, 0, "website", "direct", ONLINE,
               T("The menu and prices on the website", "התפריט והמחירים באתר"),
               T("Looking for prices, cake sizes, ingredients and the deadline for weekend "
                 "orders.",
                 "מחפשים מחירים, גדלים של עוגות, רכיבים ועד מתי אפשר להזמין לשישי."),
               (-1, -1, None, 0), personas=(NEW,),
               kpi=T("48% leave from the menu page", "48% נוטשים מעמוד התפריט")),
    Touchpoint("tp-allergen-q", "st-consider", 3, 0, "whatsapp", "direct", SERVICE,
               T("Asking about allergens on WhatsApp", "שאלה על אלרגנים בווטסאפ"),
               T("\"Does the carrot cake have nuts in it?\" A question the menu should have "
                 "answered.",
                 '"יש אגוזים בעוגת הגזר?" שאלה שהתפריט היה צריך לענות עליה.'),
               (-1, -2, None, -1), personas=(NEW,)),
    # ------------------------------------------------------------------- purchase
    Touchpoint("tp-online-order", "st-purchase", 0, 0, "website", "direct", ONLINE,
               T("Ordering on the website", "הזמנה באתר"),
               T("Choosing items, a pickup or delivery slot and filling in details: on a "
                 "phone, for most customers.",
                 "בוחרים מוצרים, מועד איסוף או משלוח וממלאים פרטים, ורוב הלקוחות עושים את "
                 "זה מהטלפון."),
               (-1, -1, -1, -1), csat=61,
               kpi=T("Mobile order completion 42% (target 70%)",
                     "השלמת הזמנות מהנייד 42% (יעד 70%)")),
    Touchpoint("tp-whatsapp-order", "st-purchase", 0, 1, "whatsapp", "direct", SERVICE,
               T("Ordering on WhatsApp", "הזמנה בווטסאפ"),
               T("A message with the order, often late in the evening; the shop answers when "
                 "someone has a free hand.",
                 "הודעה עם ההזמנה, לרוב בשעות הערב, והחנות עונה כשמתפנות ידיים."),
               (-1, None, 0, -2), csat=52,
               kpi=T("Median first reply 3 h 40 min (target 30 min)",
                     "זמן מענה חציוני 3 שעות ו־40 דקות (יעד 30 דקות)")),
    Touchpoint("tp-online-payment", "st-purchase", 1, 0, "website", "direct", ONLINE,
               T("Paying online", "תשלום באתר"),
               T("Card payment at the end of the form, and a receipt by email.",
                 "תשלום בכרטיס אשראי בסוף הטופס, וקבלה במייל."),
               (0, 0, 1, None)),
    Touchpoint("tp-phone-order", "st-purchase", 1, 1, "phone", "direct", SHOP,
               T("Calling the shop", "מתקשרים לחנות"),
               T("When WhatsApp stays silent, customers call; in the morning rush the phone "
                 "often rings out.",
                 "כשבווטסאפ אין תשובה, מתקשרים. בלחץ של הבוקר הטלפון מצלצל ואין מי שיענה."),
               (-2, None, -1, -2),
               evidence=T("Call log, 14 days in May: 38% of calls between 7:00 and 10:00 "
                          "went unanswered.",
                          "יומן שיחות, 14 ימים במאי: 38% מהשיחות בין 7:00 ל־10:00 לא נענו.")),
    Touchpoint("tp-order-confirm", "st-purchase", 2, 0, "email", "direct", ONLINE,
               T("Order confirmation", "אישור הזמנה"),
               T("An email for website orders, a short \"noted!\" on WhatsApp for the others. "
                 "No message when the order is ready.",
                 'מייל להזמנות מהאתר, "רשמנו!" קצר בווטסאפ לכל השאר. אין הודעה כשההזמנה '
                 "מוכנה."),
               (0, 0, 0, -1)),
    Touchpoint("tp-queue", "st-purchase", 3, 0, "store", "direct", SHOP,
               T("The weekend queue", "התור של שישי"),
               T("On weekend mornings the line reaches the street, and customers who paid "
                 "online wait in it too.",
                 "בשישי בבוקר התור יוצא לרחוב, וגם מי ששילם מראש באתר עומד בו."),
               (-2, -1, -2, -1), personas=(EXISTING,), csat=48,
               evidence=T("Timed on three weekends in May: 18 minutes on average, 31 at the "
                          "peak.",
                          "מדידה בשלושה ימי שישי במאי: 18 דקות בממוצע, 31 בשיא.")),
    Touchpoint("tp-delivery", "st-purchase", 3, 1, "delivery", "direct", DELIVERY,
               T("Courier delivery", "משלוח עם שליח"),
               T("A courier from a delivery app brings the order in a thermal bag; cakes "
                 "ride on the back of a scooter.",
                 "שליח מאפליקציית משלוחים מביא את ההזמנה בתיק תרמי, והעוגות נוסעות על "
                 "הקטנוע."),
               (0, 0, None, -1), csat=70),
    Touchpoint("tp-counter-pickup", "st-purchase", 4, 0, "store", "direct", SHOP,
               T("At the counter: pickup and extras", "בדלפק: איסוף ותוספות"),
               T("Staff look for the order on the back shelf; most customers add a coffee or "
                 "a pastry and pay at the till.",
                 "הצוות מחפש את ההזמנה על המדף האחורי, ורוב הלקוחות מוסיפים קפה או מאפה "
                 "ומשלמים בקופה."),
               (1, 1, 2, 1), csat=78),
    # ------------------------------------------------------------------------ use
    Touchpoint("tp-box", "st-use", 0, 0, "other", "direct", BAKERS,
               T("Opening the box", "פותחים את הקופסה"),
               T("A plain white box, tape and a name in marker pen: the first look at the "
                 "cake or the loaves.",
                 "קופסה לבנה פשוטה, סלוטייפ ושם בטוש: המבט הראשון על העוגה או על הלחמים."),
               (0, 0, 0, 1)),
    Touchpoint("tp-tasting", "st-use", 1, 0, "other", "direct", BAKERS,
               T("The first bite", "הביס הראשון"),
               T("Crust, crumb and butter: the moment our reputation rests on.",
                 "הקראסט, הבצק והחמאה: הרגע שכל המוניטין שלנו נשען עליו."),
               (2, 2, 2, 2), csat=94),
    Touchpoint("tp-share-photo", "st-use", 2, 0, "social", "indirect", MARKETING,
               T("Sharing a photo", "משתפים תמונה"),
               T("The birthday cake or the weekend table on Instagram or in the family group: "
                 "free advertising, when it happens.",
                 "עוגת יום ההולדת או שולחן השישי באינסטגרם או בקבוצה המשפחתית: פרסום בחינם, "
                 "כשזה קורה."),
               (2, 1, None, 2)),
    Touchpoint("tp-next-day", "st-use", 3, 0, "other", "direct", BAKERS,
               T("The next day: keeping and reheating", "למחרת: שמירה וחימום"),
               T("Sourdough keeps for three days and croissants want a few minutes in the "
                 "oven, but nobody has told the customer.",
                 "מחמצת נשמרת שלושה ימים וקרואסון צריך כמה דקות בתנור, אבל אף אחד לא סיפר "
                 "את זה ללקוח."),
               (-1, -1, 0, None)),
    # -------------------------------------------------------------------- loyalty
    Touchpoint("tp-review-request", "st-loyalty", 0, 0, "whatsapp", "direct", MARKETING,
               T("Thank-you and review request", "תודה ובקשה לביקורת"),
               T("A WhatsApp message the day after pickup, sent by hand when someone "
                 "remembers.",
                 "הודעת ווטסאפ יום אחרי האיסוף, שנשלחת ידנית כשמישהו נזכר."),
               (0, 1, 0, None)),
    Touchpoint("tp-complaint", "st-loyalty", 0, 1, "whatsapp", "direct", SERVICE,
               T("Reporting a problem", "פנייה על תקלה"),
               T("A squashed cake, a missing item, the wrong name on the cake: the customer "
                 "writes on WhatsApp and waits for an answer.",
                 "עוגה מעוכה, פריט שחסר, שם לא נכון על העוגה: הלקוח כותב בווטסאפ ומחכה "
                 "לתשובה."),
               (-2, -2, -1, -2), csat=55),
    Touchpoint("tp-google-review", "st-loyalty", 1, 0, "reviews", "indirect", OWNERS,
               T("Writing a Google review", "כותבים ביקורת בגוגל"),
               T("Happy customers rarely write one; unhappy ones do. Today nobody answers "
                 "them.",
                 "לקוחות מרוצים כמעט לא כותבים, לא מרוצים כן. היום אף אחד לא עונה להם."),
               (0, 1, None, -1)),
    Touchpoint("tp-loyalty-card", "st-loyalty", 2, 0, "store", "direct", SHOP,
               T("The loyalty card", "כרטיס הנאמנות"),
               T("A paper card with a stamp for each loaf; the tenth is free. Often left at "
                 "home.",
                 "כרטיס נייר עם חותמת על כל כיכר, והעשירית חינם. הרבה פעמים נשאר בבית."),
               (1, None, 1, 0),
               kpi=T("38% of regulars have the card with them",
                     "ל־38% מהקבועים יש את הכרטיס כשהם בקופה")),
    Touchpoint("tp-whatsapp-broadcast", "st-loyalty", 3, 0, "whatsapp", "indirect", MARKETING,
               T("The weekly menu on WhatsApp", "התפריט השבועי בווטסאפ"),
               T("A broadcast list with the weekend menu and a link for ordering ahead.",
                 "רשימת תפוצה עם תפריט סוף השבוע וקישור להזמנה מראש."),
               (1, None, 2, 0),
               kpi=T("640 subscribers; 9% order from it each week",
                     "640 מנויים, 9% מזמינים ממנה בכל שבוע")),
    Touchpoint("tp-birthday-reorder", "st-loyalty", 4, 0, "website", "direct", ONLINE,
               T("Reordering a birthday cake", "הזמנה חוזרת של עוגת יום הולדת"),
               T("A year later the family comes back for the next birthday and has to "
                 "describe last year's cake all over again.",
                 "שנה אחר כך המשפחה חוזרת ליום ההולדת הבא וצריכה לתאר מחדש את העוגה של "
                 "השנה שעברה."),
               (0, None, 1, -1), personas=(RETURNING,)),
    Touchpoint("tp-recommend", "st-loyalty", 5, 0, "face_to_face", "indirect", MARKETING,
               T("Recommending us to a friend", "ממליצים עלינו לחברים"),
               T("The end of this journey and the beginning of the next customer's.",
                 "הסוף של המסע הזה וההתחלה של המסע של הלקוח הבא."),
               (2, 1, 2, 2), nps=41,
               kpi=T("NPS 41 (target 55)", "NPS 41 (יעד 55)"),
               evidence=T("NPS survey by email, 160 replies, April 2026",
                          "סקר NPS במייל, 160 משיבים, אפריל 2026")),
]

# The journey in order: from every touchpoint to the ones customers go on to.
BAKERY_FLOWS = [
    ("tp-insta-ad", "tp-neighbour"),
    ("tp-neighbour", "tp-shop-window"),
    ("tp-shop-window", "tp-google-maps"),
    ("tp-google-maps", "tp-insta-profile"),
    ("tp-insta-profile", "tp-website-menu"),
    ("tp-website-menu", "tp-allergen-q"),
    # Branch: ordering on the website, or on WhatsApp (and calling when no one answers).
    ("tp-website-menu", "tp-online-order"),
    ("tp-allergen-q", "tp-online-order"),
    ("tp-allergen-q", "tp-whatsapp-order"),
    ("tp-online-order", "tp-online-payment"),
    ("tp-online-payment", "tp-order-confirm"),
    ("tp-whatsapp-order", "tp-order-confirm"),
    ("tp-whatsapp-order", "tp-phone-order"),
    ("tp-phone-order", "tp-order-confirm"),
    # Branch: pickup at the shop, or delivery.
    ("tp-order-confirm", "tp-queue"),
    ("tp-queue", "tp-counter-pickup"),
    ("tp-order-confirm", "tp-delivery"),
    ("tp-counter-pickup", "tp-box"),
    ("tp-delivery", "tp-box"),
    ("tp-box", "tp-tasting"),
    ("tp-tasting", "tp-share-photo"),
    ("tp-share-photo", "tp-next-day"),
    # Branch: all is well, or something went wrong.
    ("tp-next-day", "tp-review-request"),
    ("tp-tasting", "tp-complaint"),
    ("tp-review-request", "tp-google-review"),
    ("tp-complaint", "tp-google-review"),
    ("tp-google-review", "tp-loyalty-card"),
    ("tp-loyalty-card", "tp-whatsapp-broadcast"),
    ("tp-whatsapp-broadcast", "tp-birthday-reorder"),
    ("tp-birthday-reorder", "tp-recommend"),
    # Loops: coming back to order again.
    ("tp-birthday-reorder", "tp-online-order"),
    ("tp-whatsapp-broadcast", "tp-whatsapp-order"),
]

BAKERY_NOTES = [
    # ---------------------------------------------------------------- whole map
    Note("nt-map-insight", "insight", None,
         T("The bread is not the problem; getting it is", "הלחם הוא לא הבעיה, הדרך אליו כן"),
         T("Taste scores highest on the whole map. The low points cluster between ordering "
           "and pickup, and after the sale nothing happens at all. Fix the middle first, then "
           "invest in the end of the journey, where returning customers and recommendations "
           "come from.",
           "הטעם מקבל את הציון הגבוה ביותר במפה. נקודות השפל מרוכזות בין ההזמנה לאיסוף, ואחרי "
           "המכירה פשוט לא קורה כלום. קודם מתקנים את האמצע, ואחר כך משקיעים בסוף המסע, שממנו "
           "מגיעים הלקוחות החוזרים וההמלצות."),
         T("Workshop with the owners and four staff, June 2026; emotion scores on this map.",
           "סדנה עם הבעלים וארבעה עובדים, יוני 2026; ציוני הרגש במפה הזו."),
         (5, 3, 5, 4), votes=6),
    Note("nt-chain-opening", "threat", None,
         T("A bakery chain opens 300 m away in the autumn",
           "רשת מאפיות פותחת סניף 300 מטר מאיתנו בסתיו"),
         T("Longer hours, an app with saved orders and a points club. Our regulars will try "
           "it at least once.",
           "שעות פתיחה ארוכות יותר, אפליקציה עם הזמנות שמורות ומועדון נקודות. הקבועים שלנו "
           "ינסו אותה לפחות פעם אחת."),
         T("Building permit notice on the street; the chain's press release, May 2026.",
           "הודעת היתר בנייה ברחוב; הודעה לעיתונות של הרשת, מאי 2026."),
         (4, 4, 5, 4), votes=5),
    # --------------------------------------------------------------------- stages
    Note("nt-word-of-mouth", "strength", "st-aware",
         T("Most new customers come through neighbours", "רוב הלקוחות החדשים מגיעים דרך שכנים"),
         T("Word of mouth beats every paid channel.",
           "פה לאוזן עובד טוב יותר מכל ערוץ ממומן."),
         T("Counter survey of 60 first-time customers, May: 26 neighbour or friend, "
           "14 Instagram, 11 Google Maps, 9 walked past.",
           "סקר בקופה בקרב 60 לקוחות חדשים, מאי: 26 שכן או חבר, 14 אינסטגרם, 11 גוגל מפות, "
           "9 עברו ברחוב."),
         (4, 1, 4, 5), votes=3),
    Note("nt-regulars-insight", "insight", "st-purchase",
         T("New customers and regulars hurt at different moments",
           "לקוחות חדשים וקבועים נפגעים ברגעים שונים"),
         T("New customers struggle with the website and missing information; regulars with "
           "the queue; returning customers with WhatsApp. One fix will not serve all three.",
           "לקוחות חדשים נתקעים באתר ובמידע שחסר, הקבועים בתור, והחוזרים בווטסאפ. תיקון אחד "
           "לא יתאים לשלושתם."),
         T("Emotion scores per persona on this map; interviews with 14 customers.",
           "ציוני הרגש לפי פרסונה במפה; ראיונות עם 14 לקוחות."),
         (4, 2, 5, 4), votes=2),
    Note("nt-no-crm", "weakness", "st-loyalty",
         T("We do not know who our customers are", "אנחנו לא יודעים מי הלקוחות שלנו"),
         T("Orders live in a paper book, in WhatsApp and on the website, separately. There "
           "is no way to thank, remind or win back anyone.",
           "ההזמנות מפוזרות בין מחברת, ווטסאפ והאתר. אין דרך להודות, להזכיר או להחזיר אף "
           "לקוח."),
         T("Review of the order channels with the owners, June 2026.",
           "מיפוי ערוצי ההזמנה עם הבעלים, יוני 2026."),
         (5, 3, 5, 5), votes=7),
    # ---------------------------------------------------------------- touchpoints
    Note("nt-referral-card", "opportunity", "tp-neighbour",
         T("A \"first loaf on us\" card for neighbours to pass on",
           'כרטיס "הכיכר הראשונה עלינו" שהשכנים יעבירו הלאה'),
         T("Give regulars cards to hand to new neighbours; count how many come back.",
           "לתת לקבועים כרטיסים שיחלקו לשכנים חדשים, ולספור כמה מהם חוזרים."),
         scores=(3, 1, 3, 3), votes=4),
    Note("nt-insta-visual", "strength", "tp-insta-profile",
         T("Beautiful, consistent photos", "תמונות יפות ואחידות"),
         T("The feed looks like the shop: warm, simple, real bread.",
           "הפיד נראה כמו החנות: חם, פשוט, לחם אמיתי."),
         T("Instagram insights, May: 4.1% engagement per post.",
           "נתוני אינסטגרם, מאי: מעורבות של 4.1% לפוסט."),
         (3, 1, 3, 4), votes=1),
    Note("nt-maps-outdated", "weakness", "tp-google-maps",
         T("Wrong holiday hours, unanswered reviews", "שעות חג שגויות וביקורות בלי מענה"),
         T("Customers came to a closed shop on the holiday, and no review has ever been "
           "answered.",
           "לקוחות הגיעו לחנות סגורה בחג, ואף ביקורת לא קיבלה תשובה."),
         T("Google Business profile: 0 of the last 40 reviews answered; holiday hours never "
           "set.",
           "פרופיל העסק בגוגל: 0 מתוך 40 הביקורות האחרונות נענו; שעות חג לא הוגדרו אף פעם."),
         (3, 1, 4, 5), votes=3),
    Note("nt-allergen-info", "pain_point", "tp-website-menu",
         T("The menu says nothing about allergens", "בתפריט אין מילה על אלרגנים"),
         T("Parents of allergic children cannot order without asking first, and some do not "
           "ask; they go elsewhere.",
           "הורים לילדים אלרגיים לא יכולים להזמין בלי לשאול קודם, וחלקם לא שואלים אלא "
           "הולכים למקום אחר."),
         T("WhatsApp log, two weeks in May: 31 of 212 messages asked about nuts, gluten or "
           "sesame.",
           "יומן הווטסאפ, שבועיים במאי: 31 מתוך 212 הודעות שאלו על אגוזים, גלוטן או שומשום."),
         (4, 1, 3, 5), votes=6, personas=(NEW,)),
    Note("nt-allergen-labels", "opportunity", "tp-allergen-q",
         T("Allergen icons on the menu and on the box label",
           "סמלי אלרגנים בתפריט ועל המדבקה של הקופסה"),
         T("Answer the question before it is asked, and earn the trust of careful parents.",
           "לענות על השאלה לפני שנשאלה, ולזכות באמון של הורים זהירים."),
         scores=(4, 2, 3, 4), votes=5, personas=(NEW,)),
    Note("nt-mobile-checkout", "pain_point", "tp-online-order",
         T("The order form is hard to use on a phone", "טופס ההזמנה קשה לשימוש בטלפון"),
         T("A tiny date picker, no saved details, and the whole form starts again after an "
           "error.",
           "בורר תאריכים זעיר, הפרטים לא נשמרים, ואחרי כל שגיאה ממלאים הכול מההתחלה."),
         T("Site analytics, April to May: 71% of visits on mobile; 51% of mobile orders "
           "abandoned at the date step.",
           "נתוני האתר, אפריל עד מאי: 71% מהביקורים מהנייד; 51% מההזמנות בנייד ננטשות בשלב "
           "בחירת התאריך."),
         (5, 3, 4, 4), votes=7, personas=(NEW,)),
    Note("nt-whatsapp-slow", "pain_point", "tp-whatsapp-order",
         T("WhatsApp orders wait hours for an answer", "הזמנות בווטסאפ מחכות שעות לתשובה"),
         T("Messages are answered between batches of baking; some are never answered at "
           "all.",
           "עונים להודעות בין אפייה לאפייה, ולחלקן לא עונים בכלל."),
         T("WhatsApp log, two weeks in May: 212 messages, median reply 3 h 40 min, "
           "17 never answered.",
           "יומן הווטסאפ, שבועיים במאי: 212 הודעות, זמן מענה חציוני 3 שעות ו־40 דקות, "
           "17 לא נענו."),
         (5, 2, 4, 5), votes=8, personas=(RETURNING,)),
    Note("nt-wa-catalogue", "opportunity", "tp-whatsapp-order",
         T("WhatsApp Business: catalogue, quick replies, order hours",
           "ווטסאפ עסקי: קטלוג, תשובות מהירות ושעות הזמנה"),
         T("Let customers pick from a catalogue and get an instant reply with the order "
           "hours.",
           "לאפשר ללקוחות לבחור מתוך קטלוג ולקבל מיד תשובה עם שעות ההזמנה."),
         scores=(4, 2, 4, 4), votes=7),
    Note("nt-phone-busy", "pain_point", "tp-phone-order",
         T("Nobody answers the phone in the morning rush", "בלחץ של הבוקר אף אחד לא עונה לטלפון"),
         T("The same two people bake, serve and answer the phone.",
           "אותם שני אנשים אופים, משרתים בדלפק ועונים לטלפון."),
         T("Call log, 14 days in May: 38% of calls between 7:00 and 10:00 missed.",
           "יומן שיחות, 14 ימים במאי: 38% מהשיחות בין 7:00 ל־10:00 לא נענו."),
         (4, 3, 3, 4), votes=4),
    Note("nt-no-ready-msg", "pain_point", "tp-order-confirm",
         T("No \"your order is ready\" message", 'אין הודעת "ההזמנה מוכנה"'),
         T("Customers arrive early, join the queue, and then wait again for an order that "
           "is not ready yet.",
           "לקוחות מגיעים מוקדם, עומדים בתור ואז מחכים שוב להזמנה שעוד לא מוכנה."),
         T("12 of 40 Google reviews in March mention waiting for an order that was \"not "
           "ready yet\".",
           '12 מתוך 40 ביקורות בגוגל במרץ מזכירות המתנה להזמנה ש"עוד לא מוכנה".'),
         (3, 1, 4, 4), votes=4),
    Note("nt-queue", "pain_point", "tp-queue",
         T("A 20-minute queue, even for orders paid in advance",
           "תור של 20 דקות, גם למי ששילם מראש"),
         T("Paying online brings no benefit at pickup: everyone waits in the same line.",
           "לתשלום מראש אין שום יתרון באיסוף: כולם עומדים באותו תור."),
         T("Timed on three weekends in May: 18 minutes on average, 31 at the peak.",
           "מדידה בשלושה ימי שישי במאי: 18 דקות בממוצע, 31 בשיא."),
         (5, 3, 5, 5), votes=9, personas=(EXISTING,)),
    Note("nt-express-shelf", "opportunity", "tp-queue",
         T("A pickup shelf by the door for paid orders", "מדף איסוף ליד הדלת להזמנות ששולמו"),
         T("Paid orders wait labelled by the door: take yours and say hello, no queue.",
           "הזמנות ששולמו מחכות עם שם ליד הדלת: לוקחים, אומרים בוקר טוב, בלי תור."),
         scores=(5, 2, 4, 4), votes=11, personas=(EXISTING,)),
    Note("nt-pickup-search", "pain_point", "tp-counter-pickup",
         T("Staff hunt for orders on the back shelf", "הצוות מחפש הזמנות על המדף האחורי"),
         T("Orders are not sorted by time or name.",
           "ההזמנות לא מסודרות לפי שעה או לפי שם."),
         T("20 pickups timed in May: 2.5 minutes on average to find the order.",
           "מדידה של 20 איסופים במאי: 2.5 דקות בממוצע עד שמוצאים את ההזמנה."),
         (3, 1, 4, 3), votes=2),
    Note("nt-staff-warm", "strength", "tp-counter-pickup",
         T("The counter staff know the regulars by name", "הצוות בדלפק מכיר את הקבועים בשמות"),
         T("The warmth at the counter is why regulars forgive the queue.",
           "החום בדלפק הוא הסיבה שהקבועים סולחים על התור."),
         T("Interviews with 8 regulars, May 2026.", "ראיונות עם 8 לקוחות קבועים, מאי 2026."),
         (4, 1, 3, 4), votes=2, personas=(EXISTING,)),
    Note("nt-delivery-damage", "pain_point", "tp-delivery",
         T("Cakes arrive tilted or damaged", "עוגות מגיעות עקומות או פגועות"),
         T("Cake boxes slide around in the courier's thermal bag.",
           "קופסאות העוגה מחליקות בתיק התרמי של השליח."),
         T("6 of 40 Google reviews in March mention a damaged cake; 9 refunds from January "
           "to May.",
           "6 מתוך 40 ביקורות בגוגל במרץ מזכירות עוגה פגועה; 9 החזרים כספיים בין ינואר למאי."),
         (4, 2, 2, 4), votes=6),
    Note("nt-courier-fees", "threat", "tp-delivery",
         T("The delivery app raised its fees by 15%", "אפליקציית המשלוחים העלתה עמלות ב־15%"),
         T("Small delivery orders now barely break even.",
           "הזמנות משלוח קטנות כמעט לא מכסות את עצמן."),
         T("The app's new price list, April 2026.", "מחירון חדש של האפליקציה, אפריל 2026."),
         (3, 3, 2, 5), votes=1),
    Note("nt-box-plain", "weakness", "tp-box",
         T("A plain box with no name and no story", "קופסה פשוטה בלי שם ובלי סיפור"),
         T("Nothing in the box says who baked it, how to keep it or where to order more.",
           "שום דבר בקופסה לא מספר מי אפה, איך לשמור או איפה להזמין עוד."),
         scores=(3, 2, 4, 4), votes=3),
    Note("nt-taste", "strength", "tp-tasting",
         T("\"The best sourdough in the neighbourhood\"", '"המחמצת הכי טובה בשכונה"'),
         T("Taste is what every persona loves, and what the regulars come back for.",
           "הטעם הוא מה שכל הפרסונות אוהבות, ומה שהקבועים חוזרים בשבילו."),
         T("34 of 40 Google reviews in March praise the taste; CSAT 94 for the products.",
           "34 מתוך 40 ביקורות בגוגל במרץ משבחות את הטעם; שביעות רצון 94 מהמוצרים."),
         (5, 1, 5, 5), votes=4),
    Note("nt-share-photo", "opportunity", "tp-share-photo",
         T("A box sticker that invites customers to share", "מדבקה על הקופסה שמזמינה לשתף"),
         T("Our Instagram handle and \"show us your table\"; repost the best photos each week.",
           'שם המשתמש שלנו באינסטגרם ו"תראו לנו את השולחן שלכם", ובכל שבוע משתפים מחדש את '
           "התמונות הכי יפות."),
         scores=(3, 1, 3, 3), votes=4),
    Note("nt-complaint-recovery", "opportunity", "tp-complaint",
         T("\"We'll make it right within 24 hours\"", '"נתקן תוך 24 שעות"'),
         T("A clear promise and a replacement or refund without arguing turns a bad "
           "moment into a reason to stay.",
           "הבטחה ברורה, והחלפה או החזר בלי ויכוחים, הופכות רגע רע לסיבה להישאר."),
         T("WhatsApp log, two weeks in May: 9 complaints, 4 answered after more than a day.",
           "יומן הווטסאפ, שבועיים במאי: 9 תלונות, 4 מהן נענו אחרי יותר מיממה."),
         (4, 1, 2, 4), votes=5),
    Note("nt-review-to-all", "weakness", "tp-review-request",
         T("Review requests go to unhappy customers too", "בקשת ביקורת נשלחת גם ללקוחות כועסים"),
         T("A customer with an open complaint gets a \"how did we do?\" message and "
           "answers on Google.",
           'לקוח עם תלונה פתוחה מקבל הודעת "איך היה?" ועונה בגוגל.'),
         T("Two one-star reviews in April followed a review request.",
           "שתי ביקורות של כוכב אחד באפריל נכתבו מיד אחרי בקשת ביקורת."),
         (3, 1, 2, 4), votes=2),
    Note("nt-bad-reviews", "threat", "tp-google-review",
         T("Reviews about waiting rise to the top on Google",
           "ביקורות על המתנה עולות לראש הרשימה בגוגל"),
         T("New customers see complaints about the queue before any photo of the bread.",
           "לקוחות חדשים רואים תלונות על התור לפני שהם רואים תמונה של לחם."),
         T("Google Maps, June 2026: 3 of the 5 \"most relevant\" reviews are about waiting.",
           'גוגל מפות, יוני 2026: 3 מתוך 5 הביקורות "הרלוונטיות ביותר" עוסקות בהמתנה.'),
         (4, 2, 4, 4), votes=3),
    Note("nt-digital-card", "opportunity", "tp-loyalty-card",
         T("A loyalty card tied to the phone number", "כרטיס נאמנות לפי מספר טלפון"),
         T("No more forgotten cards, and for the first time we know who our regulars are.",
           "נגמרו הכרטיסים שנשכחים בבית, ולראשונה נדע מי הקבועים שלנו."),
         scores=(3, 3, 3, 3), votes=3, personas=(EXISTING,)),
    Note("nt-birthday-reminder", "opportunity", "tp-birthday-reorder",
         T("A reminder a month before last year's birthday",
           "תזכורת חודש לפני יום ההולדת של השנה שעברה"),
         T("\"Noga turns five soon; shall we bake the chocolate cake again?\"",
           '"נוגה בקרוב בת חמש, לאפות שוב את עוגת השוקולד?"'),
         T("Order book: 64 birthday cakes in 2025, only 9 of those families ordered again "
           "the next year.",
           "מחברת ההזמנות: 64 עוגות יום הולדת ב־2025, ורק 9 מהמשפחות הזמינו שוב בשנה "
           "שאחרי."),
         (4, 2, 2, 3), votes=6, personas=(RETURNING,)),
    Note("nt-returning-insight", "insight", "tp-birthday-reorder",
         T("Returning customers expect to be remembered", "לקוחות חוזרים מצפים שיזכרו אותם"),
         T("Having to describe last year's cake again feels like being a stranger.",
           "לתאר שוב את העוגה של השנה שעברה מרגיש כמו להיות זרים."),
         T("Interviews with 6 birthday-cake customers: 5 had to describe their previous "
           "order again.",
           "ראיונות עם 6 לקוחות של עוגות יום הולדת: 5 נאלצו לתאר שוב את ההזמנה הקודמת."),
         (4, 3, 2, 4), votes=3, personas=(RETURNING,)),
]

SHOP_MANAGER = T("Shop manager", "מנהלת החנות")
HEAD_BAKER = T("Head baker", "האופה הראשי")

BAKERY_ACTIONS = [
    Action("ac-fast-pickup", T("Make weekend pickup fast", "איסוף מהיר בשישי"), SHOP_MANAGER,
           "2027-03-31", "in_progress",
           kpi=T("Average wait at pickup under 5 minutes on weekend mornings",
                 "המתנה ממוצעת באיסוף של פחות מ־5 דקות בשישי בבוקר"),
           addresses=("nt-queue", "nt-express-shelf", "nt-no-ready-msg", "nt-pickup-search"),
           personas=(EXISTING,), children=[
        Action("ac-pickup-shelf", T("Set up a labelled pickup shelf by the door",
                                    "מדף איסוף מסומן ליד הדלת"),
               SHOP_MANAGER, "2027-02-15", "in_progress",
               kpi=T("9 of 10 paid orders collected without queuing",
                     "9 מתוך 10 הזמנות ששולמו נאספות בלי לעמוד בתור"),
               addresses=("nt-express-shelf",), children=[
            Action("ac-shelf-labels", T("Print a label with name and pickup time for every order",
                                        "להדפיס לכל הזמנה מדבקה עם שם ושעת איסוף"),
                   ONLINE, "2027-01-31", "done"),
            Action("ac-shelf-sign", T("Sign in the window and in the confirmation: \"Paid? "
                                      "Skip the queue\"",
                                      'שלט בחלון ובאישור ההזמנה: "שילמתם? דלגו על התור"'),
                   MARKETING, "2027-02-15", "planned"),
        ]),
        Action("ac-ready-message", T("Send an automatic \"your order is ready\" message",
                                     'לשלוח הודעה אוטומטית "ההזמנה מוכנה"'),
               ONLINE, "2027-03-15", "planned",
               kpi=T("Under 10% of customers arrive before their order is ready",
                     "פחות מ־10% מהלקוחות מגיעים לפני שההזמנה מוכנה"),
               addresses=("nt-no-ready-msg",)),
        Action("ac-weekend-staff", T("A second person at the counter 7:00 to 10:00 on weekends",
                                     "עובד נוסף בדלפק בשישי בין 7:00 ל־10:00"),
               OWNERS, "2027-01-31", "done", addresses=("nt-queue",)),
    ]),
    Action("ac-reply-fast", T("Answer every order message within 30 minutes",
                              "לענות לכל הודעת הזמנה תוך 30 דקות"),
           SERVICE, "2027-04-30", "in_progress",
           kpi=T("Median first reply under 30 minutes in opening hours; none unanswered",
                 "זמן מענה חציוני של פחות מ־30 דקות בשעות הפתיחה, ואף הודעה בלי מענה"),
           addresses=("nt-whatsapp-slow", "nt-phone-busy", "nt-wa-catalogue"),
           personas=(RETURNING,), children=[
        Action("ac-wa-business", T("Move to WhatsApp Business with quick replies and an away "
                                   "message",
                                   "לעבור לווטסאפ עסקי עם תשובות מהירות והודעת היעדרות"),
               SERVICE, "2027-01-15", "done", addresses=("nt-whatsapp-slow",)),
        Action("ac-wa-catalogue", T("Publish the menu as a WhatsApp catalogue",
                                    "לפרסם את התפריט כקטלוג בווטסאפ"),
               MARKETING, "2027-03-01", "in_progress", addresses=("nt-wa-catalogue",), children=[
            Action("ac-wa-photos", T("Photograph the 20 best sellers",
                                     "לצלם את 20 המוצרים הנמכרים ביותר"),
                   MARKETING, "2027-02-01", "done"),
            Action("ac-wa-prices", T("Check every price and size against the shop",
                                     "לוודא שכל מחיר וגודל תואמים את החנות"),
                   SHOP_MANAGER, "2027-02-15", "planned"),
        ]),
        Action("ac-phone-callback", T("Voicemail with a call-back promise in the morning rush",
                                      "תא קולי עם הבטחה לחזור ללקוח בשעות העומס"),
               SHOP, "2027-02-28", "cancelled",
               description=T("Dropped: the WhatsApp away message does the job and costs nothing.",
                             "בוטל: הודעת ההיעדרות בווטסאפ עושה את העבודה ולא עולה כסף."),
               addresses=("nt-phone-busy",)),
    ]),
    Action("ac-mobile-order", T("Rebuild the order form for phones",
                                "לבנות מחדש את טופס ההזמנה לנייד"),
           ONLINE, "2027-06-30", "planned",
           kpi=T("Mobile order completion from 42% to 70%", "השלמת הזמנות מהנייד מ־42% ל־70%"),
           review_months=4, addresses=("nt-mobile-checkout", "nt-allergen-info"),
           personas=(NEW,), children=[
        Action("ac-slot-buttons", T("Replace the date picker with pickup-time buttons",
                                    "להחליף את בורר התאריכים בכפתורי שעת איסוף"),
               ONLINE, "2027-04-30", "planned", addresses=("nt-mobile-checkout",)),
        Action("ac-saved-details", T("Remember details and the last order for returning customers",
                                     "לזכור פרטים והזמנה אחרונה של לקוחות חוזרים"),
               ONLINE, "2027-06-30", "planned",
               addresses=("nt-mobile-checkout", "nt-returning-insight")),
        Action("ac-allergen-icons", T("Show the allergens of every item on the menu",
                                      "להציג בתפריט את האלרגנים של כל מוצר"),
               ONLINE, "2027-03-31", "in_progress",
               addresses=("nt-allergen-info", "nt-allergen-labels"), children=[
            Action("ac-allergen-sheet", T("Write an allergen sheet for every recipe",
                                          "לכתוב דף אלרגנים לכל מתכון"),
                   HEAD_BAKER, "2027-02-28", "done"),
            Action("ac-allergen-box", T("Print the allergens on the box label too",
                                        "להדפיס את האלרגנים גם על המדבקה של הקופסה"),
                   ONLINE, "2027-03-31", "planned", addresses=("nt-allergen-labels",)),
        ]),
    ]),
    Action("ac-cake-transport", T("Cakes arrive the way they left the shop",
                                  "העוגות מגיעות כמו שיצאו מהחנות"),
           DELIVERY, "2027-05-31", "planned",
           kpi=T("No more than 1 damaged cake a month", "לא יותר מעוגה פגועה אחת בחודש"),
           addresses=("nt-delivery-damage", "nt-courier-fees"), children=[
        Action("ac-cake-inserts", T("Test cardboard inserts and flat-bottomed bags",
                                    "לנסות תומכות קרטון ושקיות עם תחתית שטוחה"),
               BAKERS, "2027-03-31", "planned", addresses=("nt-delivery-damage",)),
        Action("ac-courier-compare", T("Compare the delivery app with a local courier for cakes",
                                       "להשוות בין אפליקציית המשלוחים לשליח מקומי לעוגות"),
               OWNERS, "2027-05-31", "planned", addresses=("nt-courier-fees",)),
    ]),
    Action("ac-remember", T("Know and remember our customers", "להכיר ולזכור את הלקוחות שלנו"),
           OWNERS, "2027-09-30", "planned",
           kpi=T("Birthday-cake reorders from 14% to 35%",
                 "הזמנות חוזרות של עוגות יום הולדת מ־14% ל־35%"),
           review_months=4,
           addresses=("nt-no-crm", "nt-birthday-reminder", "nt-returning-insight",
                      "nt-digital-card"),
           personas=(RETURNING,), children=[
        Action("ac-customer-list", T("Keep one customer list: name, phone, allergies, past orders",
                                     "רשימת לקוחות אחת: שם, טלפון, אלרגיות והזמנות קודמות"),
               OWNERS, "2027-04-30", "planned", addresses=("nt-no-crm",), children=[
            Action("ac-consent", T("Ask permission to keep details and send reminders",
                                   "לבקש רשות לשמור פרטים ולשלוח תזכורות"),
                   SHOP, "2027-04-30", "planned"),
        ]),
        Action("ac-birthday-msg", T("Send a reminder a month before last year's cake date",
                                    "לשלוח תזכורת חודש לפני התאריך של העוגה מהשנה שעברה"),
               MARKETING, "2027-07-31", "planned", addresses=("nt-birthday-reminder",)),
        Action("ac-phone-card", T("Replace the paper loyalty card with one tied to the "
                                  "phone number",
                                  "להחליף את כרטיס הנייר בכרטיס נאמנות לפי מספר טלפון"),
               SHOP_MANAGER, "2027-09-30", "planned", addresses=("nt-digital-card",)),
    ]),
    Action("ac-reviews", T("Look after our reviews and the Google profile",
                           "לטפל בביקורות ובפרופיל בגוגל"),
           MARKETING, "2027-02-28", "in_progress",
           kpi=T("Rating 4.7 or more; every review answered within 2 days",
                 "דירוג 4.7 ומעלה; כל ביקורת נענית תוך יומיים"),
           addresses=("nt-maps-outdated", "nt-bad-reviews", "nt-review-to-all",
                      "nt-complaint-recovery"), children=[
        Action("ac-answer-reviews", T("Answer every review within 2 days",
                                      "לענות לכל ביקורת תוך יומיים"),
               OWNERS, "2027-01-31", "in_progress",
               addresses=("nt-maps-outdated", "nt-bad-reviews")),
        Action("ac-holiday-hours", T("Set holiday hours a month ahead", "לעדכן שעות חג חודש מראש"),
               MARKETING, "2027-01-15", "done", addresses=("nt-maps-outdated",)),
        Action("ac-complaint-first", T("Resolve complaints within 24 hours; no review request "
                                       "while one is open",
                                       "לפתור תלונות תוך 24 שעות, ולא לבקש ביקורת "
                                       "כשיש תלונה פתוחה"),
               SERVICE, "2027-02-28", "planned",
               addresses=("nt-complaint-recovery", "nt-review-to-all")),
    ]),
    Action("ac-box", T("Make the box part of the experience", "להפוך את הקופסה לחלק מהחוויה"),
           MARKETING, "2027-07-31", "planned",
           kpi=T("Tagged customer photos from 6 to 25 a month",
                 "תמונות לקוחות שמתייגות אותנו: מ־6 ל־25 בחודש"),
           review_months=5, addresses=("nt-box-plain", "nt-share-photo"), children=[
        Action("ac-storage-card", T("A card in every box: how to keep and reheat",
                                    "כרטיס בכל קופסה: איך שומרים ואיך מחממים"),
               HEAD_BAKER, "2027-05-31", "planned", addresses=("nt-box-plain",)),
        Action("ac-box-sticker", T("A sticker with our Instagram and \"show us your table\"",
                                   'מדבקה עם האינסטגרם שלנו ו"תראו לנו את השולחן"'),
               MARKETING, "2027-06-30", "planned", addresses=("nt-share-photo",)),
    ]),
    Action("ac-referral", T("Neighbour cards: \"your first loaf is on us\"",
                            'כרטיסי שכנים: "הכיכר הראשונה עלינו"'),
           MARKETING, "2027-04-15", "planned",
           kpi=T("40 new customers a quarter through the cards",
                 "40 לקוחות חדשים ברבעון דרך הכרטיסים"),
           addresses=("nt-referral-card",)),
]


# ======================================================================== builder

def new_map(doc: Document, lang: str) -> JourneyMap:
    return JourneyMap(document=doc.fields(lang))


def add_stages(journey: JourneyMap, stages: list[Stage], lang: str) -> None:
    for stage in stages:
        journey.add_stage(pick(stage.title, lang), id=stage.id,
                          description=pick(stage.description, lang))


def add_note(journey: JourneyMap, note: Note, lang: str) -> None:
    scores = {}
    if note.scores:
        scores = dict(zip(("impact", "effort", "reach", "confidence"), note.scores))
    journey.add_note(note.kind, pick(note.title, lang), on=note.on, id=note.id,
                     description=pick(note.description, lang),
                     evidence=pick(note.evidence, lang), votes=note.votes, **scores)
    for persona in note.personas:
        journey.assign_persona(note.id, persona)


def add_action(journey: JourneyMap, action: Action, lang: str, parent: str | None) -> None:
    journey.add_action(pick(action.title, lang), parent, id=action.id,
                       addresses=action.addresses, owner=pick(action.owner, lang),
                       due=action.due, status=action.status, kpi=pick(action.kpi, lang),
                       description=pick(action.description, lang),
                       review_months=action.review_months)
    for persona in action.personas:
        journey.assign_persona(action.id, persona)
    for child in action.children:
        add_action(journey, child, lang, action.id)


def build_blank() -> JourneyMap:
    return new_map(Document(title=""), "en")


def build_five_stages(lang: str) -> JourneyMap:
    journey = new_map(FIVE_STAGES_DOC, lang)
    add_stages(journey, FIVE_STAGES, lang)
    add_note(journey, METHOD_NOTE, lang)
    return journey


def build_bakery(lang: str) -> JourneyMap:
    journey = new_map(BAKERY_DOC, lang)
    add_stages(journey, BAKERY_STAGES, lang)
    for persona in BAKERY_PERSONAS:
        journey.add_persona(pick(persona.title, lang), persona.kind, id=persona.id,
                            description=pick(persona.description, lang))
    for tp in BAKERY_TOUCHPOINTS:
        feel = {key: value for key, value in zip(FEEL_KEYS, tp.feel) if value is not None}
        journey.add_touchpoint(
            tp.stage, pick(tp.title, lang), id=tp.id,
            x=float(tp.col * COL), y=float(tp.lane * LANE), channel=tp.channel,
            mode=tp.mode, owner=pick(tp.owner, lang), description=pick(tp.description, lang),
            emotions=feel, nps=tp.nps, csat=tp.csat, kpi=pick(tp.kpi, lang),
            evidence=pick(tp.evidence, lang))
        for persona in tp.personas:
            journey.assign_persona(tp.id, persona)
    for source, target in BAKERY_FLOWS:
        journey.add_flow(source, target)
    for note in BAKERY_NOTES:
        add_note(journey, note, lang)
    for action in BAKERY_ACTIONS:
        add_action(journey, action, lang, None)
    return journey


# Every file this script writes, with the function that builds it.
OUTPUTS = {
    TEMPLATES / "blank.cxmap": build_blank,
    **{TEMPLATES / f"five-stages-{lang}.cxmap": (lambda lang=lang: build_five_stages(lang))
       for lang in LANGS},
    **{HERE / f"bakery-{lang}.cxmap": (lambda lang=lang: build_bakery(lang)) for lang in LANGS},
}


def write(journey: JourneyMap, path: Path) -> None:
    """Write like ``cxmap.save`` does, but with fixed save times and no .bak file, so
    the bytes are the same on every run."""
    from cxdesigner.fileformat.cxmap import dumps, write_atomic

    journey.touch_timestamps(CREATED, CREATED)
    write_atomic(path, dumps(journey).encode("utf-8"), backup=False)


def main() -> None:
    TEMPLATES.mkdir(exist_ok=True)
    for path, build in OUTPUTS.items():
        write(build(), path)
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
