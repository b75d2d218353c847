"""The worked example: a neighbourhood bakery with online orders, mapped by a
consultant.  Its map: stages, personas, touchpoints and flows; its SWOT and action
trees are in ``bakery_plan.py``."""

from __future__ import annotations

from .model import ANY, Document, Persona, Stage, T, Touchpoint

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
FEEL_KEYS = (ANY, NEW, EXISTING, RETURNING)

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
