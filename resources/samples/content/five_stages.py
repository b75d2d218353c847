"""The five-stage frame: each stage says what to capture in it, and a note on the
method's steps."""

from __future__ import annotations

from .model import Content, Document, Note, Stage, T

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


CONTENT = Content(FIVE_STAGES_DOC, FIVE_STAGES, notes=[METHOD_NOTE])
