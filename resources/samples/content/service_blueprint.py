"""A service blueprint (template ``service-blueprint``): a home-appliance repair, with
the five blueprint lanes under the touchpoints and, in every cell, what belongs there
and an example of it.  Shows the three lines, a fail point and a wait point, and how a
pain point found in the backstage leads to an action."""

from __future__ import annotations

from .model import Action, Content, Document, Lane, Note, Stage, T, Touchpoint

DOC = Document(
    title=T("Service blueprint: a repair at home", "שרטוט שירות: תיקון בבית הלקוח"),
    goal=T("Under each touchpoint, write what the business does to make it happen: what "
           "the customer sees and does, what staff do in front of the customer, what they "
           "do out of sight, and which systems and partners support them. A problem the "
           "customer feels is often fixed two lanes lower.",
           "מתחת לכל נקודת מגע כתבו מה העסק עושה כדי שהיא תקרה: מה הלקוח רואה ועושה, מה "
           "העובדים עושים מול הלקוח, מה הם עושים מאחורי הקלעים, ואילו מערכות ושותפים "
           "תומכים בהם. בעיה שהלקוח מרגיש נפתרת פעמים רבות שני נתיבים למטה."),
)

STAGES = [
    Stage("st-book", T("Booking the repair", "הזמנת התיקון"), T(
        "From the broken machine to a confirmed visit.",
        "מהמכונה שהתקלקלה ועד ביקור שנקבע.")),
    Stage("st-visit", T("The technician's visit", "ביקור הטכנאי"), T(
        "Waiting at home, the repair, paying.",
        "ההמתנה בבית, התיקון, התשלום.")),
    Stage("st-after", T("After the repair", "אחרי התיקון"), T(
        "The machine works again; will the customer call us next time?",
        "המכונה עובדת שוב; האם הלקוח יתקשר אלינו בפעם הבאה?")),
]

OFFICE, FIELD = T("Service office", "משרד השירות"), T("Field team", "צוות השטח")

TOUCHPOINTS = [
    Touchpoint("tp-call", "st-book", 0, 0, "phone", "direct", OFFICE,
               T("Calls to book a repair", "מתקשר להזמין תיקון"),
               T("The customer describes the fault and asks when someone can come.",
                 "הלקוח מתאר את התקלה ושואל מתי יוכלו להגיע."), (-1,)),
    Touchpoint("tp-confirm", "st-book", 1, 0, "whatsapp", "direct", OFFICE,
               T("Gets the visit confirmed", "מקבל אישור לביקור"),
               T("A message with the day, a four-hour window and the price of the visit.",
                 "הודעה עם היום, חלון של ארבע שעות ומחיר הביקור."), (0,)),
    Touchpoint("tp-arrive", "st-visit", 0, 0, "face_to_face", "direct", FIELD,
               T("The technician arrives", "הטכנאי מגיע"),
               T("The customer waits at home for the window to open, or to end.",
                 "הלקוח מחכה בבית שהחלון ייפתח, או ייגמר."), (-2,)),
    Touchpoint("tp-repair", "st-visit", 1, 0, "face_to_face", "direct", FIELD,
               T("Repair and payment", "התיקון והתשלום"),
               T("The fault is found, the part replaced, the bill paid on the spot.",
                 "התקלה מאותרת, החלק מוחלף, והחשבון משולם במקום."), (1,)),
    Touchpoint("tp-follow", "st-after", 0, 0, "whatsapp", "direct", OFFICE,
               T("The follow-up message", "הודעת המעקב"),
               T("A week later: is the machine working? A link to rate the visit.",
                 "שבוע אחרי: המכונה עובדת? קישור לדרג את הביקור."), (1,)),
]

FLOWS = [("tp-call", "tp-confirm"), ("tp-confirm", "tp-arrive"), ("tp-arrive", "tp-repair"),
         ("tp-repair", "tp-follow")]

EVIDENCE = Lane("ln-evidence", "physical_evidence", cells={
    "tp-call": T("What the customer sees or holds here. Example: our number on the "
                 "machine's sticker, the waiting music.",
                 "מה הלקוח רואה או מחזיק כאן. לדוגמה: המספר שלנו על המדבקה במכונה, "
                 "המוזיקה בהמתנה."),
    "tp-confirm": T("Example: the WhatsApp message with the date, the window and the "
                    "price.", "לדוגמה: הודעת הווטסאפ עם התאריך, החלון והמחיר."),
    "tp-arrive": T("Example: the van, the uniform, the technician's ID badge.",
                   "לדוגמה: הרכב, המדים, תג הזיהוי של הטכנאי."),
    "tp-repair": T("Example: the old part shown to the customer, the receipt.",
                   "לדוגמה: החלק הישן שמוצג ללקוח, הקבלה."),
    "tp-follow": T("Example: the follow-up message and the rating link.",
                   "לדוגמה: הודעת המעקב והקישור לדירוג."),
})
CUSTOMER = Lane("ln-customer", "customer_actions", cells={
    "tp-call": T("What the customer does, step by step. Example: finds the number, "
                 "explains the fault, chooses a day.",
                 "מה הלקוח עושה, צעד אחר צעד. לדוגמה: מוצא את המספר, מסביר את התקלה, "
                 "בוחר יום."),
    "tp-confirm": T("Example: reads the message, arranges to be at home.",
                    "לדוגמה: קורא את ההודעה, מסדר שיהיה בבית."),
    "tp-arrive": T("Example: waits, calls to ask where the technician is.",
                   "לדוגמה: מחכה, מתקשר לשאול איפה הטכנאי."),
    "tp-repair": T("Example: shows the machine, approves the price, pays.",
                   "לדוגמה: מראה את המכונה, מאשר את המחיר, משלם."),
    "tp-follow": T("Example: answers, rates, maybe recommends us.",
                   "לדוגמה: עונה, מדרג, אולי ממליץ עלינו."),
})
FRONT = Lane("ln-front", "frontstage", cells={
    "tp-call": T("What our people do in front of the customer (above the line of "
                 "visibility). Example: the service rep takes the details.",
                 "מה האנשים שלנו עושים מול הלקוח (מעל קו הנראות). לדוגמה: נציג השירות "
                 "רושם את הפרטים."),
    "tp-confirm": T("Example: the rep's message, signed with a name.",
                    "לדוגמה: ההודעה של הנציג, חתומה בשם."),
    "tp-arrive": T("Example: the technician calls 30 minutes before arriving.",
                   "לדוגמה: הטכנאי מתקשר חצי שעה לפני שהוא מגיע."),
    "tp-repair": T("Example: explains the fault and the price before starting.",
                   "לדוגמה: מסביר את התקלה ואת המחיר לפני שמתחיל."),
    "tp-follow": T("Example: the office manager's personal follow-up.",
                   "לדוגמה: המעקב האישי של מנהלת המשרד."),
}, marks={"tp-arrive": "wait"})
BACK = Lane("ln-back", "backstage", cells={
    "tp-call": T("What our people do out of the customer's sight. Example: the rep "
                 "checks the technicians' diaries.",
                 "מה האנשים שלנו עושים בלי שהלקוח רואה. לדוגמה: הנציג בודק את היומנים "
                 "של הטכנאים."),
    "tp-confirm": T("Example: the visit is assigned to a technician and an area.",
                    "לדוגמה: הביקור משובץ לטכנאי ולאזור."),
    "tp-arrive": T("Example: the route is planned in the morning; a long repair "
                   "before this one delays everyone after it.",
                   "לדוגמה: המסלול מתוכנן בבוקר; תיקון ארוך לפני הביקור הזה מעכב את "
                   "כל מי שאחריו."),
    "tp-repair": T("Example: the part is ordered if the van does not carry it.",
                   "לדוגמה: מזמינים את החלק אם הוא לא ברכב."),
    "tp-follow": T("Example: the visit is closed and the report filed.",
                   "לדוגמה: הביקור נסגר והדוח מתויק."),
}, marks={"tp-arrive": "fail"})
SUPPORT = Lane("ln-support", "support", cells={
    "tp-call": T("The systems, partners and other departments behind it all (below the "
                 "line of internal interaction). Example: the booking system.",
                 "המערכות, השותפים והמחלקות האחרות שמאחורי הכול (מתחת לקו האינטראקציה "
                 "הפנימית). לדוגמה: מערכת הזמנת התורים."),
    "tp-confirm": T("Example: the messaging service, the price list.",
                    "לדוגמה: שירות ההודעות, המחירון."),
    "tp-arrive": T("Example: the navigation app, the technicians' phones.",
                   "לדוגמה: אפליקציית הניווט, הטלפונים של הטכנאים."),
    "tp-repair": T("Example: the parts supplier, the card reader.",
                   "לדוגמה: ספק החלקים, מסוף האשראי."),
    "tp-follow": T("Example: the customer database, the rating form.",
                   "לדוגמה: מאגר הלקוחות, טופס הדירוג."),
})

NOTES = [
    Note("nt-window", "pain_point", "tp-arrive",
         T("A four-hour window spent waiting at home", "חלון של ארבע שעות בהמתנה בבית"),
         T("The customer takes a morning off; when a repair before runs late, nobody "
           "tells them.", "הלקוח לוקח בוקר חופש; כשתיקון קודם מתארך, אף אחד לא מעדכן אותו."),
         scores=(5, 2, 4, 4)),
    Note("nt-live", "opportunity", "tp-confirm",
         T("Send the technician's live arrival time", "לשלוח את זמן ההגעה המשוער בזמן אמת"),
         T("The route is already planned: share it.", "המסלול כבר מתוכנן: אפשר לשתף אותו."),
         scores=(4, 3, 4, 3)),
]

ACTIONS = [
    Action("ac-window", T("Shrink the wait to one hour", "לקצר את ההמתנה לשעה אחת"),
           OFFICE, None, addresses=("nt-window",), children=[
               Action("ac-route", T("Plan routes with a buffer after long repairs",
                                    "לתכנן מסלולים עם מרווח אחרי תיקונים ארוכים"),
                      FIELD, None),
               Action("ac-notify", T("Message the customer when the technician sets out",
                                     "לשלוח ללקוח הודעה כשהטכנאי יוצא לדרך"),
                      OFFICE, None),
           ]),
]

CONTENT = Content(DOC, STAGES, [], TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  lanes=[EVIDENCE, CUSTOMER, FRONT, BACK, SUPPORT])
