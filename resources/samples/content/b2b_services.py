"""A small B2B service firm (IT support for small offices): from the first enquiry to
the renewal (template ``b2b-services``).  Small on purpose, to show the method at
work; the customer is a business, and several people in it meet the firm."""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, EXISTING = "ps-new", "ps-existing"

DOC = Document(
    title=T("Our IT support: the client's journey", "התמיכה שלנו: המסע של הלקוח העסקי"),
    goal=T("Clients should feel their computers are in safe hands: a clear proposal, a "
           "smooth start, problems fixed before they grow, and a renewal that is an easy "
           "yes.",
           "שלקוחות ירגישו שהמחשבים שלהם בידיים טובות: הצעה ברורה, התחלה חלקה, תקלות "
           "שמטופלות לפני שהן גדלות, וחידוש חוזה שהוא כן פשוט."),
)

STAGES = [
    Stage("st-aware", T("Finding a supplier", "מחפשים ספק"), T(
        "A crisis or a growing office: asking around, searching, comparing.",
        "משבר או משרד שגדל: שואלים מכרים, מחפשים, משווים.")),
    Stage("st-proposal", T("Meeting and proposal", "פגישה והצעת מחיר"), T(
        "The first meeting, the site survey and the written proposal.",
        "הפגישה הראשונה, סקר בשטח והצעה כתובה.")),
    Stage("st-onboarding", T("Getting started", "תחילת העבודה"), T(
        "The contract, taking over the systems, meeting the staff.",
        "החוזה, קבלת המערכות לידינו, היכרות עם העובדים.")),
    Stage("st-service", T("Ongoing service", "שירות שוטף"), T(
        "Support calls, visits, the monthly report and the invoice.",
        "קריאות שירות, ביקורים, הדוח החודשי והחשבונית.")),
    Stage("st-renewal", T("Renewal and referrals", "חידוש והמלצות"), T(
        "The yearly review, renewing the contract, referring other firms.",
        "סיכום שנתי, חידוש החוזה, המלצה לעסקים אחרים.")),
]

PERSONAS = [
    Persona(NEW, "new", T("Office manager, new client", "מנהלת משרד, לקוחה חדשה"), T(
        "Runs a 15-person law office; the last supplier vanished during a server "
        "failure.",
        "מנהלת משרד עורכי דין של 15 איש; הספק הקודם נעלם באמצע תקלה בשרת.")),
    Persona(EXISTING, "existing", T("Owner, client for years", "בעלים, לקוח ותיק"), T(
        "An accountant with two branches; cares about the monthly bill and about "
        "never losing data.",
        "רואה חשבון עם שני סניפים; אכפת לו מהחשבון החודשי ושלא יאבד אף קובץ.")),
]

SALES = T("Owner (sales)", "הבעלים (מכירות)")
TECH = T("Technicians", "טכנאים")
SUPPORT = T("Help desk", "מוקד תמיכה")
BILLING = T("Accounts", "הנהלת חשבונות")

TOUCHPOINTS = [
    Touchpoint("tp-referral", "st-aware", 0, 0, "face_to_face", "indirect", SALES,
               T("A colleague's recommendation", "המלצה של עמית"),
               T("Another office manager gives our number: the way most clients come.",
                 "מנהלת משרד אחרת נותנת את המספר שלנו: כך מגיעים רוב הלקוחות."),
               (2, 2, None)),
    Touchpoint("tp-linkedin", "st-aware", 1, 0, "social", "indirect", SALES,
               T("Our LinkedIn and website", "הלינקדאין והאתר שלנו"),
               T("A short list of services; no prices, no client stories.",
                 "רשימה קצרה של שירותים, בלי מחירים ובלי סיפורי לקוחות."),
               (0, -1, None)),
    Touchpoint("tp-meeting", "st-proposal", 0, 0, "face_to_face", "direct", SALES,
               T("The first meeting", "הפגישה הראשונה"),
               T("A walk round the office and its computers; the owner listens well.",
                 "סיבוב במשרד ובמחשבים, והבעלים מקשיב היטב."),
               (1, 1, None)),
    Touchpoint("tp-proposal", "st-proposal", 1, 0, "email", "direct", SALES,
               T("The written proposal", "ההצעה הכתובה"),
               T("Arrives after ten days, full of technical terms the client cannot weigh.",
                 "מגיעה אחרי עשרה ימים, מלאה במונחים טכניים שהלקוח לא יודע לשקול."),
               (-1, -2, None)),
    Touchpoint("tp-contract", "st-onboarding", 0, 0, "email", "direct", SALES,
               T("Signing the contract", "חתימה על החוזה"),
               T("A PDF to print, sign and scan back.",
                 "PDF להדפיס, לחתום ולסרוק בחזרה."),
               (0, 0, None)),
    Touchpoint("tp-handover", "st-onboarding", 1, 0, "face_to_face", "direct", TECH,
               T("Taking over the systems", "קבלת המערכות"),
               T("Passwords, licences and backups collected over two weeks, with surprises.",
                 "סיסמאות, רישיונות וגיבויים נאספים במשך שבועיים, עם הפתעות."),
               (-1, -1, None)),
    Touchpoint("tp-ticket", "st-service", 0, 0, "phone", "direct", SUPPORT,
               T("Calling for support", "פנייה למוקד"),
               T("A phone line and an email address; the staff do not know which to use.",
                 "קו טלפון וכתובת מייל, והעובדים לא יודעים במה להשתמש."),
               (0, -1, 0)),
    Touchpoint("tp-remote-fix", "st-service", 1, 0, "other", "direct", TECH,
               T("The problem is fixed remotely", "התקלה נפתרת מרחוק"),
               T("Most problems are solved within the hour, without a visit.",
                 "רוב התקלות נפתרות תוך שעה, בלי ביקור."),
               (2, 1, 2), csat=90),
    Touchpoint("tp-visit", "st-service", 1, 1, "face_to_face", "direct", TECH,
               T("A technician's visit", "ביקור טכנאי"),
               T("For hardware; the technician comes on time but leaves no summary.",
                 "לתקלות בחומרה; הטכנאי מגיע בזמן, אבל לא משאיר סיכום."),
               (1, None, 0)),
    Touchpoint("tp-invoice", "st-service", 2, 0, "email", "direct", BILLING,
               T("The monthly invoice", "החשבונית החודשית"),
               T("A total with no breakdown: the client cannot see what was done.",
                 "סכום בלי פירוט: הלקוח לא רואה מה נעשה."),
               (-1, None, -2)),
    Touchpoint("tp-review", "st-renewal", 0, 0, "face_to_face", "direct", SALES,
               T("The yearly review", "פגישת הסיכום השנתית"),
               T("Planned every year, held only when a client asks.",
                 "מתוכננת כל שנה, מתקיימת רק כשלקוח מבקש."),
               (0, None, -1)),
    Touchpoint("tp-renew", "st-renewal", 1, 0, "email", "direct", SALES,
               T("Renewing the contract", "חידוש החוזה"),
               T("An email a week before the end, with this year's new price.",
                 "מייל שבוע לפני הסוף, עם המחיר החדש לשנה הבאה."),
               (-1, None, -1)),
]

FLOWS = [
    ("tp-referral", "tp-linkedin"), ("tp-linkedin", "tp-meeting"),
    ("tp-meeting", "tp-proposal"), ("tp-proposal", "tp-contract"),
    ("tp-contract", "tp-handover"), ("tp-handover", "tp-ticket"),
    # Branch: fixed remotely, or a visit.
    ("tp-ticket", "tp-remote-fix"), ("tp-ticket", "tp-visit"),
    ("tp-remote-fix", "tp-invoice"), ("tp-visit", "tp-invoice"),
    ("tp-invoice", "tp-ticket"),  # month after month
    ("tp-invoice", "tp-review"), ("tp-review", "tp-renew"),
]

NOTES = [
    Note("nt-invoice-blind", "pain_point", "tp-invoice",
         T("Clients cannot see what they pay for", "לקוחות לא רואים על מה הם משלמים"),
         T("When nothing breaks, the fee looks like money for nothing.",
           "כשאין תקלות, התשלום נראה כמו כסף על כלום."),
         T("Two of the three clients who left last year said so at the exit call.",
           "שניים משלושת הלקוחות שעזבו בשנה שעברה אמרו את זה בשיחת הסיום."),
         (5, 2, 4, 4), votes=4, personas=(EXISTING,)),
    Note("nt-slow-proposal", "pain_point", "tp-proposal",
         T("The proposal is late and hard to read", "ההצעה מאחרת וקשה לקריאה"),
         scores=(4, 2, 3, 3), votes=3, personas=(NEW,)),
    Note("nt-renewal-cold", "pain_point", "tp-renew",
         T("Renewal comes as a price rise by email", "החידוש מגיע כהעלאת מחיר במייל"),
         scores=(4, 1, 3, 3), votes=2),
    Note("nt-fast-fixes", "strength", "tp-remote-fix",
         T("Fast remote fixes", "פתרון מהיר מרחוק"),
         scores=(4, 1, 5, 5)),
    Note("nt-monthly-report", "opportunity", "tp-invoice",
         T("A one-page monthly report with the invoice", "דוח חודשי של עמוד אחד עם החשבונית"),
         T("Tickets solved, updates installed, backups checked: the work made visible.",
           "קריאות שנפתרו, עדכונים שהותקנו, גיבויים שנבדקו: העבודה נראית לעין."),
         scores=(5, 2, 4, 4), votes=4),
    Note("nt-case-studies", "opportunity", "tp-linkedin",
         T("Tell two client stories on the website", "לספר שני סיפורי לקוחות באתר"),
         scores=(3, 2, 2, 3), votes=1),
]

ACTIONS = [
    Action("ac-show-value", T("Show clients the work they pay for",
                              "להראות ללקוחות את העבודה שהם משלמים עליה"), SALES, None,
           kpi=T("No client leaves saying they did not know what we did",
                 "אף לקוח לא עוזב בטענה שלא ידע מה עשינו"),
           addresses=("nt-invoice-blind", "nt-monthly-report"), children=[
        Action("ac-report", T("Send a one-page report with every invoice",
                              "לצרף לכל חשבונית דוח של עמוד אחד"),
               SUPPORT, None),
        Action("ac-visit-summary", T("Leave a written summary after every visit",
                                     "להשאיר סיכום כתוב אחרי כל ביקור"),
               TECH, None),
        Action("ac-yearly-meeting", T("Hold the yearly review with every client, before renewal",
                                      "לקיים פגישת סיכום שנתית עם כל לקוח, לפני החידוש"),
               SALES, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, EXISTING))
