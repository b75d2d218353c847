"""A small online shop (handmade ceramics): from the ad to the return and the second
order (template ``online-shop``).  Small on purpose, to show the method at work."""

from __future__ import annotations

from .model import ANY, Action, Content, Document, Note, Persona, Stage, T, Touchpoint

NEW, RETURNING = "ps-new", "ps-returning"

DOC = Document(
    title=T("Our online shop: the buyer's journey", "החנות שלנו ברשת: המסע של הקונה"),
    goal=T("Buying from us should take two minutes on a phone, the parcel should arrive "
           "when we said, and a question or a return should never feel like a fight.",
           "שקנייה אצלנו תיקח שתי דקות מהטלפון, שהחבילה תגיע מתי שאמרנו, ושאלה או "
           "החזרה אף פעם לא ירגישו כמו מלחמה."),
)

STAGES = [
    Stage("st-aware", T("Seeing us", "רואים אותנו"), T(
        "An ad, a post or a search result: the first look at the products.",
        "מודעה, פוסט או תוצאת חיפוש: המבט הראשון על המוצרים.")),
    Stage("st-browse", T("Browsing and deciding", "מתלבטים ובוחרים"), T(
        "Product pages, photos, sizes, shipping costs and questions.",
        "דפי מוצר, תמונות, מידות, עלות משלוח ושאלות.")),
    Stage("st-checkout", T("Checkout", "קופה ותשלום"), T(
        "The cart, details, payment and the confirmation.",
        "העגלה, הפרטים, התשלום והאישור.")),
    Stage("st-delivery", T("Delivery and unboxing", "משלוח ופתיחת החבילה"), T(
        "Waiting, tracking, the parcel and what is inside it.",
        "ההמתנה, המעקב, החבילה ומה שיש בתוכה.")),
    Stage("st-after", T("After the purchase", "אחרי הקנייה"), T(
        "Questions, returns, reviews and the next order.",
        "שאלות, החזרות, ביקורות וההזמנה הבאה.")),
]

PERSONAS = [
    Persona(NEW, "new", T("First-time buyer", "קונה בפעם הראשונה"), T(
        "Saw a mug on Instagram, buys a gift from her phone, has never heard of us.",
        "ראתה ספל באינסטגרם, קונה מתנה מהטלפון ומעולם לא שמעה עלינו.")),
    Persona(RETURNING, "returning", T("Returning buyer", "קונה חוזר"), T(
        "Bought a set last year and wants matching plates; expects his details to be "
        "remembered.",
        "קנה סט בשנה שעברה ורוצה צלחות שמתאימות לו; מצפה שיזכרו את הפרטים שלו.")),
]

MARKETING = T("Marketing", "שיווק")
SHOP = T("Shop owner", "בעלת החנות")
SERVICE = T("Customer service", "שירות לקוחות")
SHIPPING = T("Packing and shipping", "אריזה ומשלוחים")

TOUCHPOINTS = [
    Touchpoint("tp-ad", "st-aware", 0, 0, "advertising", "indirect", MARKETING,
               T("An Instagram ad", "מודעה באינסטגרם"),
               T("A short video of a mug being glazed, with a link to the shop.",
                 "סרטון קצר של ספל שמקבל זיגוג, עם קישור לחנות."),
               (1, 1, None)),
    Touchpoint("tp-search", "st-aware", 0, 1, "search", "indirect", MARKETING,
               T("A search result", "תוצאת חיפוש"),
               T("\"Handmade ceramic mug gift\": we are on the second page.",
                 '"ספל קרמיקה בעבודת יד מתנה": אנחנו בעמוד השני.'),
               (0, 0, None)),
    Touchpoint("tp-product", "st-browse", 0, 0, "website", "direct", SHOP,
               T("The product page", "דף המוצר"),
               T("Beautiful photos, but no sizes in centimetres and no delivery time.",
                 "תמונות יפות, אבל בלי מידות בסנטימטרים ובלי זמן משלוח."),
               (0, -1, 1)),
    Touchpoint("tp-chat", "st-browse", 1, 1, "chat", "direct", SERVICE,
               T("A question in the site chat", "שאלה בצ'אט באתר"),
               T("\"Is it dishwasher safe?\" The answer comes the next morning.",
                 '"אפשר במדיח?" התשובה מגיעה למחרת בבוקר.'),
               (-1, -1, None)),
    Touchpoint("tp-cart", "st-checkout", 0, 0, "website", "direct", SHOP,
               T("The cart and shipping cost", "העגלה ועלות המשלוח"),
               T("Shipping cost appears only at the last step.",
                 "עלות המשלוח מופיעה רק בשלב האחרון."),
               (-2, -2, -1), csat=55),
    Touchpoint("tp-payment", "st-checkout", 1, 0, "website", "direct", SHOP,
               T("Paying", "תשלום"),
               T("Card or a digital wallet; returning buyers type everything again.",
                 "כרטיס אשראי או ארנק דיגיטלי; קונים חוזרים מקלידים הכול מחדש."),
               (0, 0, -1)),
    Touchpoint("tp-confirmation", "st-checkout", 2, 0, "email", "direct", SHOP,
               T("Order confirmation", "אישור הזמנה"),
               T("An automatic email with the order and a thank-you note.",
                 "מייל אוטומטי עם פרטי ההזמנה ומילת תודה."),
               (1, 1, 1)),
    Touchpoint("tp-tracking", "st-delivery", 0, 0, "email", "direct", SHIPPING,
               T("Where is my parcel?", "איפה החבילה שלי?"),
               T("No tracking link; buyers write to ask.",
                 "אין קישור למעקב, וקונים כותבים לשאול."),
               (-1, -1, -1)),
    Touchpoint("tp-unboxing", "st-delivery", 1, 0, "delivery", "direct", SHIPPING,
               T("Opening the parcel", "פותחים את החבילה"),
               T("Careful wrapping and a handwritten card: the high point of the journey.",
                 "עטיפה קפדנית וכרטיס בכתב יד: השיא של המסע."),
               (2, 2, 2), csat=95),
    Touchpoint("tp-return", "st-after", 0, 1, "whatsapp", "direct", SERVICE,
               T("Asking to return an item", "מבקשים להחזיר מוצר"),
               T("The policy is hidden in the terms; the buyer writes on WhatsApp.",
                 "מדיניות ההחזרות קבורה בתקנון, והקונה כותבת בווטסאפ."),
               (-1, -1, None)),
    Touchpoint("tp-review", "st-after", 0, 0, "reviews", "indirect", MARKETING,
               T("A review on the site", "ביקורת באתר"),
               T("Only asked for if someone remembers to.",
                 "מבקשים ביקורת רק אם מישהו זוכר."),
               (1, 1, 1)),
    Touchpoint("tp-newsletter", "st-after", 1, 0, "email", "direct", MARKETING,
               T("The new-collection email", "המייל על הקולקציה החדשה"),
               T("Once a season, to everyone who bought.",
                 "פעם בעונה, לכל מי שקנה."),
               (1, None, 2)),
]

FLOWS = [
    # Two ways in: the ad, or a search.
    ("tp-ad", "tp-product"), ("tp-search", "tp-product"),
    # A detour: a question before buying.
    ("tp-product", "tp-cart"), ("tp-product", "tp-chat"), ("tp-chat", "tp-cart"),
    ("tp-cart", "tp-payment"), ("tp-payment", "tp-confirmation"),
    ("tp-confirmation", "tp-tracking"), ("tp-tracking", "tp-unboxing"),
    # Branch: keeping it, or sending it back.
    ("tp-unboxing", "tp-review"), ("tp-unboxing", "tp-return"),
    ("tp-review", "tp-newsletter"), ("tp-return", "tp-newsletter"),
    ("tp-newsletter", "tp-product"),  # the second order
]

NOTES = [
    Note("nt-shipping-surprise", "pain_point", "tp-cart",
         T("Shipping cost is a surprise at the last step", "עלות המשלוח מפתיעה בשלב האחרון"),
         T("Buyers who see it late feel tricked and leave the cart.",
           "מי שרואה אותה מאוחר מרגיש שעבדו עליו, ועוזב את העגלה."),
         T("Shop statistics: 68% of carts are left at the shipping step.",
           "נתוני החנות: 68% מהעגלות ננטשות בשלב המשלוח."),
         (5, 1, 5, 4), votes=5, personas=(NEW,)),
    Note("nt-no-tracking", "pain_point", "tp-tracking",
         T("No tracking: buyers have to ask where the parcel is",
           "אין מעקב: קונים צריכים לשאול איפה החבילה"),
         evidence=T("A third of service messages are \"where is my order?\".",
                    'שליש מהפניות לשירות הן "איפה ההזמנה שלי?".'),
         scores=(3, 2, 4, 4), votes=2),
    Note("nt-returns-hidden", "pain_point", "tp-return",
         T("The return policy is hard to find", "קשה למצוא את מדיניות ההחזרות"),
         scores=(3, 1, 2, 3), votes=1),
    Note("nt-unboxing", "strength", "tp-unboxing",
         T("The packaging makes people smile, and post it", "האריזה משמחת, ואנשים מצלמים אותה"),
         scores=(4, 1, 3, 5)),
    Note("nt-saved-details", "opportunity", "tp-payment",
         T("Remember returning buyers' details", "לזכור את הפרטים של קונים חוזרים"),
         scores=(3, 2, 2, 4), votes=2, personas=(RETURNING,)),
    Note("nt-share-unboxing", "opportunity", "tp-unboxing",
         T("Invite buyers to share the unboxing", "להזמין קונים לשתף את פתיחת החבילה"),
         T("A line on the card: tag us and get 10% off the next order.",
           "שורה על הכרטיס: תייגו אותנו וקבלו 10% הנחה בהזמנה הבאה."),
         scores=(4, 1, 3, 3), votes=3),
]

ACTIONS = [
    Action("ac-clear-shipping", T("No surprises at checkout", "בלי הפתעות בקופה"),
           SHOP, None,
           kpi=T("Carts left at the shipping step from 68% to 35%",
                 "נטישת עגלות בשלב המשלוח מ־68% ל־35%"),
           addresses=("nt-shipping-surprise",), children=[
        Action("ac-shipping-on-page", T("Show shipping cost and time on every product page",
                                        "להציג עלות וזמן משלוח בכל דף מוצר"),
               SHOP, None),
        Action("ac-free-threshold", T("Free shipping above a set amount, said in the banner",
                                      "משלוח חינם מעל סכום מסוים, כתוב בפס העליון"),
               MARKETING, None),
        Action("ac-test-checkout", T("Test the new checkout with five friends on their phones",
                                     "לבדוק את הקופה החדשה עם חמישה חברים בטלפון שלהם"),
               SHOP, None),
    ]),
]

CONTENT = Content(DOC, STAGES, PERSONAS, TOUCHPOINTS, FLOWS, NOTES, ACTIONS,
                  feel_keys=(ANY, NEW, RETURNING))
