"""A neighbourhood café-restaurant: from finding it to coming back (template ``cafe``).

Small on purpose: a new user should see the method at work (stages, touchpoints on
several channels, emotions, pains and opportunities, one action tree), then replace
it with their own business.
"""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, REGULAR = "ps-new", "ps-regular"

DOC = Document(
    title=T("Our café: the guest's journey", "בית הקפה שלנו: המסע של האורח"),
    goal=T("Guests should feel expected from the moment they look us up: a table without "
           "a fight, food on time, a bill in a minute, and a reason to come back next week.",
           "שאורחים ירגישו שמחכים להם מהרגע שהם מחפשים אותנו: שולחן בלי מאבק, אוכל בזמן, "
           "חשבון תוך דקה וסיבה לחזור בשבוע הבא."),
)

STAGES = [
    Stage("st-discover", T("Discovering us", "מגלים אותנו"), T(
        "How people first hear of the place: friends, Instagram, a map search nearby.",
        "איך שומעים עלינו לראשונה: חברים, אינסטגרם, חיפוש במפה באזור.")),
    Stage("st-book", T("Choosing and booking", "בוחרים ומזמינים מקום"), T(
        "Checking the menu and reviews, then booking a table or just walking in.",
        "בודקים תפריט וביקורות, ואז מזמינים שולחן או פשוט מגיעים.")),
    Stage("st-visit", T("At the table", "ליד השולחן"), T(
        "Arriving, being seated, ordering, the food and the service.",
        "ההגעה, ההושבה, ההזמנה, האוכל והשירות.")),
    Stage("st-pay", T("Paying and leaving", "משלמים ויוצאים"), T(
        "Asking for the bill, paying, saying goodbye.",
        "מבקשים חשבון, משלמים ונפרדים.")),
    Stage("st-return", T("Coming back", "חוזרים אלינו"), T(
        "After the visit: the review, the newsletter, the next visit and recommending us.",
        "אחרי הביקור: הביקורת, העדכונים, הביקור הבא וההמלצה לחברים.")),
]

PERSONAS = [
    Persona(NEW, "new", T("First-time guest", "אורחת בפעם הראשונה"), T(
        "Found us on her phone, comes with a friend, knows nothing about the menu yet.",
        "מצאה אותנו בטלפון, מגיעה עם חברה ועוד לא מכירה את התפריט.")),
    Persona(REGULAR, "existing", T("The regular", "הקבוע"), T(
        "Works nearby, comes twice a week for lunch, hates waiting for the bill.",
        "עובד ליד, מגיע פעמיים בשבוע לצהריים ולא סובל לחכות לחשבון.")),
]

HOST = T("Host", "מארחת")
FLOOR = T("Floor staff", "צוות המלצרים")
KITCHEN = T("Kitchen", "מטבח")
OWNER = T("Owner", "הבעלים")

TOUCHPOINTS = [
    Touchpoint("tp-friend", "st-discover", 0, 0, "face_to_face", "indirect", OWNER,
               T("A friend recommends us", "חבר ממליץ"),
               T("\"Their shakshuka is the best in town\": most new guests arrive this way.",
                 '"השקשוקה שלהם הכי טובה בעיר": כך מגיעים רוב האורחים החדשים.'),
               (2, 2, None)),
    Touchpoint("tp-instagram", "st-discover", 1, 0, "social", "indirect", OWNER,
               T("Photos on Instagram", "תמונות באינסטגרם"),
               T("Dishes, the terrace and guests' stories, posted when someone finds time.",
                 "מנות, המרפסת וסטוריז של אורחים, כשמישהו מוצא זמן להעלות."),
               (1, 1, None)),
    Touchpoint("tp-maps", "st-book", 0, 0, "reviews", "indirect", OWNER,
               T("Google Maps: hours and reviews", "גוגל מפות: שעות וביקורות"),
               T("Rating, photos, and whether we are open now; the hours there are often "
                 "out of date.",
                 "דירוג, תמונות והאם אנחנו פתוחים עכשיו; השעות שם לא תמיד מעודכנות."),
               (0, -1, None)),
    Touchpoint("tp-menu-online", "st-book", 1, 0, "website", "direct", OWNER,
               T("The menu on the website", "התפריט באתר"),
               T("A scanned PDF of the printed menu, hard to read on a phone.",
                 "PDF סרוק של התפריט המודפס, שקשה לקרוא בטלפון."),
               (-1, -1, None)),
    Touchpoint("tp-book-phone", "st-book", 2, 0, "phone", "direct", HOST,
               T("Booking by phone", "הזמנת שולחן בטלפון"),
               T("The only way to book; at lunch and dinner the phone rings unanswered.",
                 "הדרך היחידה להזמין; בצהריים ובערב הטלפון מצלצל ואין מי שיענה."),
               (-2, -2, -1)),
    Touchpoint("tp-walk-in", "st-book", 2, 1, "store", "direct", HOST,
               T("Walking in", "מגיעים בלי הזמנה"),
               T("Regulars just come and hope for a table.",
                 "הקבועים פשוט מגיעים ומקווים שיהיה שולחן."),
               (0, None, 1)),
    Touchpoint("tp-seated", "st-visit", 0, 0, "store", "direct", HOST,
               T("Greeted and seated", "קבלת פנים והושבה"),
               T("A smile at the door, a table, water without asking.",
                 "חיוך בכניסה, שולחן, ומים בלי לבקש."),
               (1, 1, 2)),
    Touchpoint("tp-order", "st-visit", 1, 0, "face_to_face", "direct", FLOOR,
               T("Ordering from the waiter", "מזמינים מהמלצר"),
               T("Questions about dishes and allergies; the waiter recommends the specials.",
                 "שאלות על המנות ועל אלרגיות; המלצר ממליץ על המנות המיוחדות."),
               (1, 1, 1)),
    Touchpoint("tp-food", "st-visit", 2, 0, "other", "direct", KITCHEN,
               T("The food arrives", "האוכל מגיע"),
               T("Good food, but at busy lunches it takes 25 minutes or more.",
                 "אוכל טוב, אבל בצהריים עמוסים הוא לוקח 25 דקות ויותר."),
               (1, 2, -1), csat=82),
    Touchpoint("tp-bill", "st-pay", 0, 0, "store", "direct", FLOOR,
               T("Waiting for the bill", "מחכים לחשבון"),
               T("Catching a waiter's eye, then waiting for the card machine.",
                 "מנסים לתפוס מלצר, ואז מחכים למכשיר האשראי."),
               (-1, 0, -2)),
    Touchpoint("tp-goodbye", "st-pay", 1, 0, "face_to_face", "direct", HOST,
               T("Goodbye at the door", "פרידה בדלת"),
               T("A thank-you, and sometimes a cookie for the road.",
                 "תודה, ולפעמים עוגייה לדרך."),
               (1, 2, 1)),
    Touchpoint("tp-review", "st-return", 0, 0, "reviews", "indirect", OWNER,
               T("A review online", "ביקורת ברשת"),
               T("Happy guests rarely write; unhappy ones do, and nobody answers them.",
                 "אורחים מרוצים כמעט לא כותבים; הלא מרוצים כותבים, ואף אחד לא עונה להם."),
               (0, 0, None)),
    Touchpoint("tp-next-visit", "st-return", 1, 0, "whatsapp", "direct", OWNER,
               T("The weekly specials on WhatsApp", "המנות של השבוע בווטסאפ"),
               T("A message to those who asked for it, with the week's specials.",
                 "הודעה למי שביקש, עם המנות המיוחדות של השבוע."),
               (1, None, 2)),
]

FLOWS = [
    ("tp-friend", "tp-instagram"), ("tp-instagram", "tp-maps"), ("tp-maps", "tp-menu-online"),
    # Branch: booking ahead, or walking in.
    ("tp-menu-online", "tp-book-phone"), ("tp-menu-online", "tp-walk-in"),
    ("tp-book-phone", "tp-seated"), ("tp-walk-in", "tp-seated"),
    ("tp-seated", "tp-order"), ("tp-order", "tp-food"), ("tp-food", "tp-bill"),
    ("tp-bill", "tp-goodbye"), ("tp-goodbye", "tp-review"), ("tp-review", "tp-next-visit"),
    ("tp-next-visit", "tp-walk-in"),  # the regular comes back
]

NOTES = [
    Note("nt-phone-only", "pain_point", "tp-book-phone",
         T("Booking works only by phone, and nobody answers at peak times",
           "אפשר להזמין רק בטלפון, ובשעות העומס אף אחד לא עונה"),
         T("Guests who cannot get through go elsewhere, and we never know.",
           "מי שלא מצליח להשיג אותנו הולך למקום אחר, ואנחנו לא יודעים על זה."),
         T("The host counted 23 missed calls on one Friday.",
           "המארחת ספרה 23 שיחות שלא נענו ביום שישי אחד."),
         (5, 2, 4, 4), votes=4, personas=(NEW,)),
    Note("nt-slow-lunch", "pain_point", "tp-food",
         T("Lunch is too slow for people on a break", "הצהריים איטיים מדי למי שבהפסקה"),
         evidence=T("Three reviews this month mention the wait.",
                    "שלוש ביקורות החודש מזכירות את ההמתנה."),
         scores=(4, 3, 3, 3), votes=3, personas=(REGULAR,)),
    Note("nt-bill-wait", "pain_point", "tp-bill",
         T("Paying takes longer than eating dessert", "התשלום לוקח יותר זמן מהקינוח"),
         scores=(3, 1, 4, 4), votes=2, personas=(REGULAR,)),
    Note("nt-pdf-menu", "weakness", "tp-menu-online",
         T("The menu cannot be read on a phone", "אי אפשר לקרוא את התפריט בטלפון"),
         scores=(3, 1, 3, 5), votes=1),
    Note("nt-lunch-set", "opportunity", "st-visit",
         T("A fast lunch menu, served within 15 minutes", "תפריט צהריים מהיר, מוגש תוך 15 דקות"),
         T("Three dishes prepared ahead, for guests who say they are in a hurry.",
           "שלוש מנות שמוכנות מראש, לאורחים שאומרים שהם ממהרים."),
         scores=(4, 2, 3, 3), votes=3),
    Note("nt-answer-reviews", "opportunity", "tp-review",
         T("Answer every review, the good and the bad", "לענות לכל ביקורת, טובה ורעה"),
         scores=(3, 1, 3, 4), votes=2),
    Note("nt-welcome", "strength", "tp-seated",
         T("Guests love the welcome", "האורחים אוהבים את קבלת הפנים"),
         scores=(3, 1, 4, 5)),
]

ACTIONS = [
    Action("ac-booking", T("Make booking a table easy", "להקל על הזמנת שולחן"), OWNER, None,
           kpi=T("No missed calls at peak times; a third of bookings online",
                 "אפס שיחות שלא נענו בשעות העומס; שליש מההזמנות ברשת"),
           addresses=("nt-phone-only",), children=[
        Action("ac-online-booking", T("Add online booking to the website and Google Maps",
                                      "להוסיף הזמנת שולחן באתר ובגוגל מפות"),
               OWNER, None),
        Action("ac-wa-booking", T("Take bookings on WhatsApp, answered by the host",
                                  "לקבל הזמנות בווטסאפ, והמארחת עונה"),
               HOST, None),
        Action("ac-peak-voicemail", T("A message at peak times pointing to both",
                                      "הודעה קולית בשעות העומס שמפנה לשתי הדרכים"),
               HOST, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, REGULAR))
