"""A private clinic (a physiotherapy practice): a patient's way from the first call
to returning (template ``clinic``).  Small on purpose, to show the method at work."""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, RETURNING = "ps-new", "ps-returning"

DOC = Document(
    title=T("Our clinic: the patient's journey", "המרפאה שלנו: המסע של המטופל"),
    goal=T("Patients should feel looked after before they even arrive: an appointment "
           "within days, no surprises about cost, and someone who checks how they are "
           "afterwards.",
           "שמטופלים ירגישו שדואגים להם עוד לפני שהגיעו: תור תוך ימים, בלי הפתעות "
           "במחיר, ומישהו שמתקשר לשאול מה שלומם אחרי הטיפול."),
)

STAGES = [
    Stage("st-need", T("Looking for help", "מחפשים עזרה"), T(
        "Something hurts: a doctor's referral, a search, asking friends.",
        "משהו כואב: הפניה מרופא, חיפוש ברשת, שאלה לחברים.")),
    Stage("st-appointment", T("Making an appointment", "קובעים תור"), T(
        "Calling or writing, finding a time, knowing the price and what to bring.",
        "מתקשרים או כותבים, מוצאים מועד, מבינים כמה זה עולה ומה להביא.")),
    Stage("st-visit", T("The visit", "הביקור"), T(
        "Arriving, the waiting room, the treatment and the explanation.",
        "ההגעה, חדר ההמתנה, הטיפול וההסבר.")),
    Stage("st-after", T("Between and after treatments", "בין הטיפולים ואחריהם"), T(
        "Exercises at home, paying and receipts for the insurer, the check-up call.",
        "תרגילים בבית, תשלום וקבלות לביטוח, שיחת המעקב.")),
    Stage("st-loyalty", T("Returning and recommending", "חוזרים וממליצים"), T(
        "Coming back when needed, and telling others about us.",
        "חוזרים כשצריך, ומספרים עלינו לאחרים.")),
]

PERSONAS = [
    Persona(NEW, "new", T("New patient in pain", "מטופל חדש עם כאב"), T(
        "Hurt his back at work, wants an appointment this week and is afraid of the cost.",
        "נפגע בגב בעבודה, רוצה תור השבוע ודואג מהמחיר.")),
    Persona(RETURNING, "returning", T("Returning patient", "מטופלת חוזרת"), T(
        "Was treated last year, comes back when the knee flares up; expects to be "
        "remembered.",
        "טופלה אצלנו בשנה שעברה וחוזרת כשהברך מציקה; מצפה שיזכרו אותה.")),
]

DESK = T("Front desk", "קבלה")
THERAPIST = T("Therapist", "מטפל")
MANAGER = T("Clinic manager", "מנהלת המרפאה")

TOUCHPOINTS = [
    Touchpoint("tp-referral", "st-need", 0, 0, "face_to_face", "indirect", MANAGER,
               T("The doctor's referral", "הפניה מהרופא"),
               T("The family doctor gives a list of clinics; we are one name among five.",
                 "רופא המשפחה נותן רשימת מרפאות, ואנחנו שם אחד מתוך חמישה."),
               (0, 0, None)),
    Touchpoint("tp-search", "st-need", 1, 0, "search", "indirect", MANAGER,
               T("Searching online", "חיפוש בגוגל"),
               T("\"Physiotherapy near me\": the map, the rating, a few reviews.",
                 '"פיזיותרפיה ליד הבית": המפה, הדירוג וכמה ביקורות.'),
               (0, -1, None)),
    Touchpoint("tp-website", "st-need", 2, 0, "website", "direct", MANAGER,
               T("Our website", "האתר שלנו"),
               T("Who the therapists are and what we treat, but no prices and no "
                 "insurers listed.",
                 "מי המטפלים ומה מטפלים, אבל בלי מחירים ובלי רשימת ביטוחים."),
               (-1, -1, 0)),
    Touchpoint("tp-call", "st-appointment", 0, 0, "phone", "direct", DESK,
               T("Calling the front desk", "מתקשרים לקבלה"),
               T("Answered in the morning only; the first free slot is often two weeks "
                 "away.",
                 "עונים רק בבוקר, והתור הפנוי הראשון לרוב בעוד שבועיים."),
               (-1, -2, -1)),
    Touchpoint("tp-whatsapp", "st-appointment", 0, 1, "whatsapp", "direct", DESK,
               T("Writing on WhatsApp", "כותבים בווטסאפ"),
               T("Returning patients write to the desk's number; replies come by evening.",
                 "מטופלים חוזרים כותבים למספר של הקבלה, והתשובה מגיעה עד הערב."),
               (0, None, 1)),
    Touchpoint("tp-reminder", "st-appointment", 1, 0, "email", "direct", DESK,
               T("Confirmation and reminder", "אישור ותזכורת"),
               T("An email with the time; an SMS the day before.",
                 "מייל עם השעה, ו־SMS יום לפני."),
               (1, 1, 1)),
    Touchpoint("tp-waiting", "st-visit", 0, 0, "store", "direct", DESK,
               T("The waiting room", "חדר ההמתנה"),
               T("Forms to fill in on paper, and a wait of 15 minutes on average.",
                 "טפסים למלא על נייר, והמתנה של 15 דקות בממוצע."),
               (-1, -1, 0)),
    Touchpoint("tp-treatment", "st-visit", 1, 0, "face_to_face", "direct", THERAPIST,
               T("The treatment", "הטיפול"),
               T("Forty minutes with the therapist, who listens and explains.",
                 "ארבעים דקות עם המטפל, שמקשיב ומסביר."),
               (2, 2, 2), csat=92),
    Touchpoint("tp-exercises", "st-after", 0, 0, "other", "direct", THERAPIST,
               T("Exercises at home", "תרגילים בבית"),
               T("A photocopied sheet of exercises; by the next day most are forgotten.",
                 "דף צילום עם תרגילים, ולמחרת רובם כבר נשכחו."),
               (-1, -1, -1)),
    Touchpoint("tp-payment", "st-after", 1, 0, "store", "direct", DESK,
               T("Paying and the insurance receipt", "תשלום וקבלה לביטוח"),
               T("Paying at the desk, then asking for the right receipt for the insurer.",
                 "משלמים בקבלה, ואז מבקשים את הקבלה הנכונה בשביל הביטוח."),
               (-1, -2, 0)),
    Touchpoint("tp-followup", "st-after", 2, 0, "phone", "direct", THERAPIST,
               T("The check-up call", "שיחת המעקב"),
               T("When there is time, the therapist calls a week later to ask how it is.",
                 "כשיש זמן, המטפל מתקשר אחרי שבוע לשאול מה שלומם."),
               (2, 2, 2)),
    Touchpoint("tp-recommend", "st-loyalty", 0, 0, "face_to_face", "indirect", MANAGER,
               T("Recommending us", "ממליצים עלינו"),
               T("Patients who got better send family and colleagues.",
                 "מטופלים שהחלימו שולחים אלינו משפחה ועמיתים."),
               (2, 1, 2)),
]

FLOWS = [
    ("tp-referral", "tp-search"), ("tp-search", "tp-website"),
    # Branch: new patients call, returning ones write.
    ("tp-website", "tp-call"), ("tp-website", "tp-whatsapp"),
    ("tp-call", "tp-reminder"), ("tp-whatsapp", "tp-reminder"),
    ("tp-reminder", "tp-waiting"), ("tp-waiting", "tp-treatment"),
    ("tp-treatment", "tp-exercises"), ("tp-exercises", "tp-payment"),
    ("tp-payment", "tp-followup"), ("tp-followup", "tp-recommend"),
]

NOTES = [
    Note("nt-phone-hours", "pain_point", "tp-call",
         T("The phone is answered only in the morning", "עונים לטלפון רק בבוקר"),
         T("People in pain call after work and get no answer; some book elsewhere.",
           "אנשים עם כאבים מתקשרים אחרי העבודה ולא נענים, וחלק קובעים במקום אחר."),
         T("Phone log for May: 41% of calls came after 13:00.",
           "יומן שיחות של מאי: 41% מהשיחות הגיעו אחרי 13:00."),
         (5, 2, 4, 4), votes=4, personas=(NEW,)),
    Note("nt-price-unknown", "pain_point", "tp-website",
         T("Nobody knows the price before the visit", "אף אחד לא יודע את המחיר לפני הביקור"),
         T("New patients ask about price and insurance in almost every first call.",
           "מטופלים חדשים שואלים על מחיר וביטוח כמעט בכל שיחה ראשונה."),
         scores=(4, 1, 4, 4), votes=3, personas=(NEW,)),
    Note("nt-receipts", "pain_point", "tp-payment",
         T("Insurance receipts have to be asked for, sometimes twice",
           "את הקבלה לביטוח צריך לבקש, לפעמים פעמיים"),
         scores=(3, 2, 3, 3), votes=2),
    Note("nt-exercise-video", "opportunity", "tp-exercises",
         T("Send the exercises as short videos on WhatsApp", "לשלוח את התרגילים כסרטונים קצרים בווטסאפ"),
         T("Patients who do their exercises get better faster, and feel it.",
           "מטופלים שעושים את התרגילים מחלימים מהר יותר, ומרגישים את זה."),
         scores=(4, 2, 4, 3), votes=3),
    Note("nt-followup-always", "opportunity", "tp-followup",
         T("A check-up call for every patient, not only when there is time",
           "שיחת מעקב לכל מטופל, לא רק כשיש זמן"),
         scores=(4, 2, 4, 4), votes=2, personas=(RETURNING,)),
    Note("nt-trust", "strength", "tp-treatment",
         T("Patients trust the therapists", "המטופלים סומכים על המטפלים"),
         evidence=T("Average review 4.8; the word most used is \"listened\".",
                    'דירוג ממוצע 4.8, והמילה שחוזרת הכי הרבה היא "הקשיב".'),
         scores=(3, 1, 4, 5)),
]

ACTIONS = [
    Action("ac-reachable", T("Be reachable when patients need us",
                             "להיות זמינים כשמטופלים צריכים אותנו"), MANAGER, None,
           kpi=T("Every call or message answered within 2 hours, 8:00 to 19:00",
                 "מענה לכל שיחה או הודעה תוך שעתיים, בין 8:00 ל־19:00"),
           addresses=("nt-phone-hours",), children=[
        Action("ac-online-booking", T("Let patients book online, with free slots shown",
                                      "לאפשר קביעת תור ברשת, עם התורים הפנויים"),
               MANAGER, None),
        Action("ac-afternoon-desk", T("Answer the phone in the afternoon too",
                                      "לענות לטלפון גם אחר הצהריים"),
               DESK, None),
        Action("ac-callback", T("Call back every missed call the same day",
                                "לחזור לכל שיחה שלא נענתה באותו יום"),
               DESK, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, RETURNING))
