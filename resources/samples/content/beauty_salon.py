"""A beauty salon (hair and nails): booking on WhatsApp, the treatment, aftercare and
the next appointment (template ``beauty-salon``).  Small on purpose, to show the
method at work."""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, REGULAR = "ps-new", "ps-regular"

DOC = Document(
    title=T("Our salon: the client's journey", "הסלון שלנו: המסע של הלקוחה"),
    goal=T("Clients should leave feeling beautiful and looked after, know exactly how to "
           "keep the result at home, and book their next visit before they reach the door.",
           "שלקוחות ייצאו מרגישות יפות ומטופלות, יידעו בדיוק איך לשמור על התוצאה בבית, "
           "ויקבעו את התור הבא עוד לפני שהגיעו לדלת."),
)

STAGES = [
    Stage("st-discover", T("Finding us", "מוצאות אותנו"), T(
        "Before-and-after photos, a friend's hair, a search nearby.",
        "תמונות לפני ואחרי, התספורת של חברה, חיפוש באזור.")),
    Stage("st-book", T("Booking", "קובעות תור"), T(
        "Asking about prices and free times, and getting a confirmed slot.",
        "שואלות על מחירים ושעות פנויות, ומקבלות תור מאושר.")),
    Stage("st-treatment", T("In the chair", "בכיסא"), T(
        "Arriving, the consultation, the treatment and the result.",
        "ההגעה, ההתייעצות, הטיפול והתוצאה.")),
    Stage("st-after", T("Aftercare and the next visit", "אחרי הטיפול והתור הבא"), T(
        "Paying, care at home, the reminder and coming back.",
        "תשלום, שמירה על התוצאה בבית, התזכורת והחזרה.")),
]

PERSONAS = [
    Persona(NEW, "new", T("New client", "לקוחה חדשה"), T(
        "Wants a colour change for a wedding; nervous about the result and the price.",
        "רוצה לשנות צבע לקראת חתונה; לחוצה מהתוצאה ומהמחיר.")),
    Persona(REGULAR, "existing", T("Regular client", "לקוחה קבועה"), T(
        "Comes every six weeks for nails and a blow-dry, always on Thursday evening.",
        "מגיעה כל שישה שבועות לציפורניים ופן, תמיד ביום חמישי בערב.")),
]

OWNER = T("Salon owner", "בעלת הסלון")
STYLIST = T("Stylist", "מעצבת שיער")
RECEPTION = T("Reception", "קבלה")

TOUCHPOINTS = [
    Touchpoint("tp-instagram", "st-discover", 0, 0, "social", "indirect", OWNER,
               T("Before-and-after on Instagram", "לפני ואחרי באינסטגרם"),
               T("Photos of clients' hair and nails, posted after most treatments.",
                 "תמונות של שיער וציפורניים של לקוחות, אחרי רוב הטיפולים."),
               (2, 2, None)),
    Touchpoint("tp-friend", "st-discover", 1, 0, "face_to_face", "indirect", OWNER,
               T("\"Where did you do your hair?\"", "איפה עשית את השיער?"),
               T("A friend's new colour is the best advertisement we have.",
                 "הצבע החדש של חברה הוא הפרסומת הכי טובה שלנו."),
               (2, 2, None)),
    Touchpoint("tp-wa-ask", "st-book", 0, 0, "whatsapp", "direct", RECEPTION,
               T("Asking on WhatsApp", "שואלות בווטסאפ"),
               T("\"How much is a colour? Do you have Thursday?\" Answers come between "
                 "clients, sometimes hours later.",
                 '"כמה עולה צבע? יש לכם חמישי?" התשובות מגיעות בין לקוחה ללקוחה, לפעמים '
                 "אחרי שעות."),
               (-1, -2, 0)),
    Touchpoint("tp-price-list", "st-book", 1, 0, "social", "direct", OWNER,
               T("The price list", "המחירון"),
               T("\"From 350\": the real price is known only in the chair.",
                 '"החל מ־350": המחיר האמיתי ידוע רק בכיסא.'),
               (-1, -2, 0)),
    Touchpoint("tp-confirm", "st-book", 2, 0, "whatsapp", "direct", RECEPTION,
               T("The appointment is confirmed", "התור מאושר"),
               T("A short message with the day and time.", "הודעה קצרה עם היום והשעה."),
               (1, 1, 1)),
    Touchpoint("tp-arrive", "st-treatment", 0, 0, "store", "direct", RECEPTION,
               T("Arriving at the salon", "מגיעות לסלון"),
               T("Coffee, a magazine, and sometimes a 20-minute wait.",
                 "קפה, מגזין, ולפעמים המתנה של 20 דקות."),
               (0, 0, -1)),
    Touchpoint("tp-consult", "st-treatment", 1, 0, "face_to_face", "direct", STYLIST,
               T("The consultation", "ההתייעצות"),
               T("Photos, shades and what suits her; the moment trust is built.",
                 "תמונות, גוונים ומה מתאים לה: הרגע שבו נבנה האמון."),
               (1, 1, 1)),
    Touchpoint("tp-treatment", "st-treatment", 2, 0, "store", "direct", STYLIST,
               T("The treatment and the mirror", "הטיפול והמראה"),
               T("The result, the photo and the compliments.",
                 "התוצאה, התמונה והמחמאות."),
               (2, 2, 2), csat=93),
    Touchpoint("tp-pay", "st-after", 0, 0, "store", "direct", RECEPTION,
               T("Paying", "תשלום"),
               T("The final price, sometimes higher than the client expected.",
                 "המחיר הסופי, לפעמים גבוה ממה שהלקוחה ציפתה."),
               (-1, -2, 0)),
    Touchpoint("tp-home-care", "st-after", 1, 0, "other", "direct", STYLIST,
               T("Keeping the result at home", "שומרות על התוצאה בבית"),
               T("Advice given quickly at the door, mostly forgotten by the evening.",
                 "עצות שנאמרות בחטף ליד הדלת, ועד הערב רובן נשכחות."),
               (0, -1, 0)),
    Touchpoint("tp-reminder", "st-after", 2, 0, "whatsapp", "direct", RECEPTION,
               T("Reminder for the next visit", "תזכורת לתור הבא"),
               T("Only if the receptionist remembers; regulars book themselves.",
                 "רק אם מישהי בקבלה זוכרת; הקבועות קובעות לבד."),
               (0, None, 1)),
    Touchpoint("tp-review", "st-after", 3, 0, "reviews", "indirect", OWNER,
               T("A Google review", "ביקורת בגוגל"),
               T("Happy clients say thank you in person, few write it.",
                 "לקוחות מרוצות אומרות תודה בעל פה, מעטות כותבות."),
               (1, 1, 1)),
]

FLOWS = [
    ("tp-instagram", "tp-friend"), ("tp-friend", "tp-wa-ask"),
    ("tp-wa-ask", "tp-price-list"), ("tp-price-list", "tp-confirm"),
    ("tp-confirm", "tp-arrive"), ("tp-arrive", "tp-consult"),
    ("tp-consult", "tp-treatment"), ("tp-treatment", "tp-pay"),
    ("tp-pay", "tp-home-care"), ("tp-home-care", "tp-reminder"),
    ("tp-reminder", "tp-review"), ("tp-reminder", "tp-confirm"),  # the next visit
]

NOTES = [
    Note("nt-slow-replies", "pain_point", "tp-wa-ask",
         T("Booking questions wait for hours", "שאלות על תורים מחכות שעות"),
         T("New clients who wait for an answer book with another salon.",
           "לקוחות חדשות שמחכות לתשובה קובעות בסלון אחר."),
         T("Of 30 WhatsApp enquiries in March, 11 never booked.",
           "מתוך 30 פניות בווטסאפ במרץ, 11 לא קבעו תור."),
         (4, 2, 4, 4), votes=4, personas=(NEW,)),
    Note("nt-price-surprise", "pain_point", "tp-pay",
         T("The final price surprises new clients", "המחיר הסופי מפתיע לקוחות חדשות"),
         T("\"From 350\" became 620 after toner and treatment; she did not come back.",
           '"החל מ־350" הפך ל־620 אחרי טונר וטיפול, והיא לא חזרה.'),
         scores=(5, 1, 3, 4), votes=4, personas=(NEW,)),
    Note("nt-no-reminder", "pain_point", "tp-reminder",
         T("Clients drift away when nobody reminds them", "לקוחות נעלמות כשאף אחד לא מזכיר להן"),
         scores=(3, 2, 3, 3), votes=2),
    Note("nt-care-card", "opportunity", "tp-home-care",
         T("A care message after every treatment", "הודעת טיפוח אחרי כל טיפול"),
         T("Three tips for her hair type, sent on WhatsApp that evening.",
           "שלושה טיפים לסוג השיער שלה, בווטסאפ באותו ערב."),
         scores=(3, 1, 4, 4), votes=3),
    Note("nt-book-next", "opportunity", "tp-pay",
         T("Book the next visit while paying", "לקבוע את התור הבא כבר בתשלום"),
         scores=(4, 1, 4, 4), votes=3, personas=(REGULAR,)),
]

ACTIONS = [
    Action("ac-clear-prices", T("A price the client knows before she sits down",
                                "מחיר שהלקוחה יודעת לפני שהיא מתיישבת"), OWNER, None,
           kpi=T("No new client pays more than the quote she was given",
                 "אף לקוחה חדשה לא משלמת יותר מההצעה שקיבלה"),
           addresses=("nt-price-surprise",), children=[
        Action("ac-full-price-list", T("Publish a full price list, extras included",
                                       "לפרסם מחירון מלא, כולל התוספות"),
               OWNER, None),
        Action("ac-quote", T("Give a written quote at the consultation",
                             "לתת הצעת מחיר בכתב בזמן ההתייעצות"),
               STYLIST, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, REGULAR))
