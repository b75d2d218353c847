"""An independent insurance agent: from the referral to the claim and the renewals
(template ``agent``).  Small on purpose, to show the method at work; a real-estate
agent's journey has the same shape (referral, meeting, deal, the years after)."""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, EXISTING = "ps-new", "ps-existing"

DOC = Document(
    title=T("Our agency: the client's journey", "הסוכנות שלנו: המסע של הלקוח"),
    goal=T("Clients should feel they have someone on their side: advice they understand, "
           "a policy that fits, and a person who answers when something goes wrong.",
           "שלקוחות ירגישו שיש להם מישהו בצד שלהם: ייעוץ שהם מבינים, פוליסה שמתאימה "
           "להם, ובן אדם שעונה כשמשהו משתבש."),
)

STAGES = [
    Stage("st-aware", T("Hearing about us", "שומעים עלינו"), T(
        "A friend's referral, a post, a search when a policy is about to renew.",
        "המלצה של חבר, פוסט, חיפוש כשפוליסה עומדת להתחדש.")),
    Stage("st-advice", T("The first meeting", "הפגישה הראשונה"), T(
        "Understanding the client's needs and comparing offers.",
        "מבינים מה הלקוח צריך ומשווים הצעות.")),
    Stage("st-deal", T("Signing up", "הצטרפות"), T(
        "Forms, signatures and the policy documents.",
        "טפסים, חתימות ומסמכי הפוליסה.")),
    Stage("st-claim", T("When something happens", "כשקורה משהו"), T(
        "The claim: the moment the client finds out what the policy is worth.",
        "התביעה: הרגע שבו הלקוח מגלה כמה שווה הפוליסה.")),
    Stage("st-years", T("The years after", "השנים שאחרי"), T(
        "The yearly check, renewals, new needs and recommending us.",
        "הבדיקה השנתית, חידושים, צרכים חדשים והמלצות.")),
]

PERSONAS = [
    Persona(NEW, "new", T("Young family, first policy", "משפחה צעירה, פוליסה ראשונה"), T(
        "Just bought a flat and a car; does not know what they need and fears being "
        "sold too much.",
        "קנו עכשיו דירה ורכב; לא יודעים מה הם צריכים וחוששים שימכרו להם יותר מדי.")),
    Persona(EXISTING, "existing", T("Client for ten years", "לקוח עשר שנים"), T(
        "Has car, home and life policies with us; calls only when something happens.",
        "מבוטח אצלנו ברכב, בדירה ובחיים; מתקשר רק כשמשהו קורה.")),
]

AGENT = T("Agent", "הסוכן")
OFFICE = T("Office staff", "צוות המשרד")
CLAIMS = T("Claims handler", "מטפלת בתביעות")

TOUCHPOINTS = [
    Touchpoint("tp-referral", "st-aware", 0, 0, "face_to_face", "indirect", AGENT,
               T("A friend passes on our number", "חבר מעביר את המספר שלנו"),
               T("\"Talk to him, he sorted out my claim\": most clients come this way.",
                 '"תדברו איתו, הוא סידר לי את התביעה": כך מגיעים רוב הלקוחות.'),
               (2, 2, None)),
    Touchpoint("tp-facebook", "st-aware", 1, 0, "social", "indirect", AGENT,
               T("Posts on Facebook", "פוסטים בפייסבוק"),
               T("Tips before the winter and reminders about renewals.",
                 "טיפים לפני החורף ותזכורות לגבי חידושים."),
               (0, 0, None)),
    Touchpoint("tp-first-call", "st-aware", 2, 0, "phone", "direct", OFFICE,
               T("The first call", "השיחה הראשונה"),
               T("The office takes details and promises that the agent will call back.",
                 "המשרד לוקח פרטים ומבטיח שהסוכן יחזור."),
               (0, 0, None)),
    Touchpoint("tp-meeting", "st-advice", 0, 0, "face_to_face", "direct", AGENT,
               T("Meeting the agent", "פגישה עם הסוכן"),
               T("An hour at the kitchen table: what they own, what they fear, what they "
                 "pay today.",
                 "שעה ליד שולחן המטבח: מה יש להם, ממה הם חוששים וכמה הם משלמים היום."),
               (2, 2, None), csat=90),
    Touchpoint("tp-offers", "st-advice", 1, 0, "email", "direct", AGENT,
               T("Comparing offers", "השוואת הצעות"),
               T("Three insurers' offers as attachments, each in its own format.",
                 "הצעות של שלוש חברות ביטוח כקבצים מצורפים, כל אחת בפורמט אחר."),
               (-1, -2, None)),
    Touchpoint("tp-forms", "st-deal", 0, 0, "email", "direct", OFFICE,
               T("Signing the forms", "חתימה על הטפסים"),
               T("A digital signature link for each policy, one after another.",
                 "קישור לחתימה דיגיטלית לכל פוליסה, אחד אחרי השני."),
               (0, -1, None)),
    Touchpoint("tp-welcome", "st-deal", 1, 0, "whatsapp", "direct", AGENT,
               T("Welcome and the agent's number", "ברוכים הבאים והמספר של הסוכן"),
               T("A WhatsApp message with the policies and \"call me first if anything "
                 "happens\".",
                 'הודעת ווטסאפ עם הפוליסות ו"אם קורה משהו, תתקשרו קודם אליי".'),
               (1, 1, None)),
    Touchpoint("tp-claim-call", "st-claim", 0, 0, "phone", "direct", CLAIMS,
               T("Reporting a claim", "מדווחים על תביעה"),
               T("After an accident, the client calls the office, upset.",
                 "אחרי תאונה, הלקוח מתקשר למשרד, נסער."),
               (-1, -1, -1)),
    Touchpoint("tp-claim-wait", "st-claim", 1, 0, "phone", "direct", CLAIMS,
               T("Waiting for the insurer", "מחכים לחברת הביטוח"),
               T("Weeks of silence; the client calls again and again to ask.",
                 "שבועות של שקט, והלקוח מתקשר שוב ושוב לשאול."),
               (-2, -2, -2)),
    Touchpoint("tp-claim-paid", "st-claim", 2, 0, "email", "direct", CLAIMS,
               T("The claim is paid", "התביעה משולמת"),
               T("Money arrives; nobody calls to ask if all is well.",
                 "הכסף מגיע, ואף אחד לא מתקשר לשאול אם הכול בסדר."),
               (1, 1, 1)),
    Touchpoint("tp-renewal", "st-years", 0, 0, "email", "direct", OFFICE,
               T("The renewal notice", "הודעת החידוש"),
               T("A letter from the insurer with a higher price, and no word from us.",
                 "מכתב מחברת הביטוח עם מחיר גבוה יותר, ומאיתנו אף מילה."),
               (-1, None, -2)),
    Touchpoint("tp-yearly-check", "st-years", 1, 0, "phone", "direct", AGENT,
               T("The yearly check", "הבדיקה השנתית"),
               T("A call to ask what has changed: a new car, a baby, a business.",
                 "שיחה לשאול מה השתנה: רכב חדש, תינוק, עסק."),
               (2, None, 2)),
    Touchpoint("tp-recommend", "st-years", 2, 0, "face_to_face", "indirect", AGENT,
               T("Recommending us", "ממליצים עלינו"),
               T("A client whose claim went well tells everyone.",
                 "לקוח שהתביעה שלו עברה טוב מספר לכולם."),
               (2, None, 2)),
]

FLOWS = [
    ("tp-referral", "tp-facebook"), ("tp-facebook", "tp-first-call"),
    ("tp-first-call", "tp-meeting"), ("tp-meeting", "tp-offers"),
    ("tp-offers", "tp-forms"), ("tp-forms", "tp-welcome"),
    ("tp-welcome", "tp-claim-call"),
    ("tp-claim-call", "tp-claim-wait"), ("tp-claim-wait", "tp-claim-paid"),
    ("tp-claim-paid", "tp-renewal"), ("tp-renewal", "tp-yearly-check"),
    ("tp-yearly-check", "tp-recommend"),
]

NOTES = [
    Note("nt-claim-silence", "pain_point", "tp-claim-wait",
         T("During a claim the client hears nothing for weeks",
           "בזמן תביעה הלקוח לא שומע כלום במשך שבועות"),
         T("This is the moment the client judges us by, and we are silent.",
           "זה הרגע שלפיו הלקוח שופט אותנו, ואנחנו שותקים."),
         T("Claim files of the last year: 7 calls from the client, on average, per claim.",
           "תיקי התביעות של השנה האחרונה: 7 שיחות מהלקוח בממוצע לכל תביעה."),
         (5, 2, 3, 4), votes=5, personas=(EXISTING,)),
    Note("nt-offers-confusing", "pain_point", "tp-offers",
         T("The offers cannot be compared", "אי אפשר להשוות בין ההצעות"),
         scores=(4, 2, 4, 3), votes=3, personas=(NEW,)),
    Note("nt-renewal-alone", "pain_point", "tp-renewal",
         T("At renewal the insurer speaks and we do not", "בחידוש חברת הביטוח מדברת ואנחנו לא"),
         scores=(4, 1, 4, 4), votes=3),
    Note("nt-meeting", "strength", "tp-meeting",
         T("Clients value the unhurried first meeting", "לקוחות מעריכים את הפגישה הראשונה, בלי לחץ"),
         scores=(3, 1, 3, 5)),
    Note("nt-one-page", "opportunity", "tp-offers",
         T("One page comparing the offers in plain words",
           "עמוד אחד שמשווה בין ההצעות במילים פשוטות"),
         scores=(4, 2, 4, 4), votes=3, personas=(NEW,)),
    Note("nt-after-claim", "opportunity", "tp-claim-paid",
         T("A call after every claim is paid", "שיחה אחרי כל תביעה ששולמה"),
         T("The client remembers who stood by them; it is when they recommend.",
           "הלקוח זוכר מי עמד לצדו, ובדיוק אז הוא ממליץ."),
         scores=(4, 1, 3, 4), votes=2),
]

ACTIONS = [
    Action("ac-claim-updates", T("Keep the client informed through every claim",
                                 "לעדכן את הלקוח לאורך כל התביעה"), CLAIMS, None,
           kpi=T("An update at least every week; client calls per claim from 7 to 2",
                 "עדכון לפחות פעם בשבוע; שיחות הלקוח לכל תביעה מ־7 ל־2"),
           addresses=("nt-claim-silence", "nt-after-claim"), children=[
        Action("ac-weekly-update", T("A weekly WhatsApp update, even when nothing moved",
                                     "עדכון שבועי בווטסאפ, גם כשאין התקדמות"),
               CLAIMS, None),
        Action("ac-claim-steps", T("Explain the claim's steps and times at the first call",
                                   "להסביר כבר בשיחה הראשונה את שלבי התביעה והזמנים"),
               CLAIMS, None),
        Action("ac-closing-call", T("The agent calls when the claim is paid",
                                    "הסוכן מתקשר כשהתביעה משולמת"),
               AGENT, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, EXISTING))
