"""What the bakery's customers wrote in spring 2026: survey answers and e-mails, some
matched to their touchpoint, a few still waiting in the Feedback panel, and the
evidence behind two pain points.  Written for the sample, in both languages."""

from __future__ import annotations

from .model import Feedback, T

SURVEY, EMAIL = "survey", "email"

BAKERY_FEEDBACK = [
    Feedback("fb-01", "tp-whatsapp-order", "2026-03-04", SURVEY, "",
             T("I sent my order on WhatsApp at nine and heard back after lunch.",
               "שלחתי הזמנה בוואטסאפ בתשע בבוקר וקיבלתי תשובה רק אחרי הצהריים."),
             nps=4, csat=2, channel="WhatsApp", cited_by=("nt-whatsapp-slow",)),
    Feedback("fb-02", "tp-whatsapp-order", "2026-03-11", SURVEY, "",
             T("Nobody answered my WhatsApp message about the Friday challah.",
               "אף אחד לא ענה להודעה שלי בוואטסאפ על החלה של שישי."),
             nps=3, csat=1, channel="WhatsApp", cited_by=("nt-whatsapp-slow",)),
    Feedback("fb-03", "tp-whatsapp-order", "2026-04-02", EMAIL,
             T("Order by WhatsApp", "הזמנה בוואטסאפ"),
             T("Ordering on WhatsApp is easy, but I never know if you saw it.",
               "להזמין בוואטסאפ זה נוח, אבל אני אף פעם לא יודעת אם ראיתם."),
             channel="email", cited_by=("nt-whatsapp-slow",)),
    Feedback("fb-04", "tp-queue", "2026-03-06", SURVEY, "",
             T("Fifteen minutes in the queue on Friday morning for two loaves.",
               "רבע שעה בתור ביום שישי בבוקר בשביל שתי כיכרות."),
             nps=5, csat=2, channel="store", cited_by=("nt-queue",)),
    Feedback("fb-05", "tp-queue", "2026-04-17", SURVEY, "",
             T("The queue moves slowly but the staff are lovely.",
               "התור זז לאט אבל הצוות מקסים."),
             nps=7, csat=3, channel="store", cited_by=("nt-queue",)),
    Feedback("fb-06", "tp-tasting", "2026-03-20", SURVEY, "",
             T("Best sourdough in the neighbourhood, we come back every week.",
               "המחמצת הכי טובה בשכונה, אנחנו חוזרים כל שבוע."),
             nps=10, csat=5, channel="store"),
    Feedback("fb-07", "tp-tasting", "2026-04-09", SURVEY, "",
             T("The cinnamon rolls were still warm when we got home.",
               "שמרי הקינמון היו עוד חמים כשהגענו הביתה."),
             nps=9, csat=5, channel="store"),
    Feedback("fb-08", "tp-online-order", "2026-04-12", SURVEY, "",
             T("The order form on my phone kept losing what I typed.",
               "טופס ההזמנה בטלפון מחק לי שוב ושוב את מה שהקלדתי."),
             nps=6, csat=2, channel="website"),
    Feedback("fb-09", "tp-delivery", "2026-05-03", EMAIL,
             T("Squashed cake", "עוגה מעוכה"),
             T("The birthday cake arrived squashed on one side. Can you pack it better?",
               "עוגת יום ההולדת הגיעה מעוכה מצד אחד. אפשר לארוז אותה טוב יותר?"),
             nps=2, csat=1, channel="email"),
    Feedback("fb-10", "tp-counter-pickup", "2026-05-08", SURVEY, "",
             T("Picking up my order took a minute, thank you!",
               "איסוף ההזמנה לקח דקה, תודה!"),
             nps=9, csat=4, channel="store"),
    Feedback("fb-11", None, "2026-05-14", EMAIL,
             T("Gluten-free?", "ללא גלוטן?"),
             T("Does the menu on your website say which breads have no gluten?",
               "האם בתפריט באתר כתוב אילו לחמים הם ללא גלוטן?"),
             channel="email"),
    Feedback("fb-12", None, "2026-05-20", EMAIL,
             T("Opening hours", "שעות פתיחה"),
             T("Google says you open at seven but the door was locked until eight.",
               "בגוגל כתוב שאתם פותחים בשבע אבל הדלת הייתה נעולה עד שמונה."),
             channel="email"),
]
