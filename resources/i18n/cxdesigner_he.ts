<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he">
<context>
    <name></name>
    <message>
        <source>Deleted stage “%1”</source>
        <translation>נמחק השלב „%1”</translation>
    </message>
    <message>
        <source>Deleted touchpoint “%1”</source>
        <translation>נמחקה נקודת המגע „%1”</translation>
    </message>
    <message>
        <source>Deleted note “%1”</source>
        <translation>נמחקה ההערה „%1”</translation>
    </message>
    <message>
        <source>Deleted action “%1”</source>
        <translation>נמחקה הפעולה „%1”</translation>
    </message>
    <message>
        <source>Deleted persona “%1”</source>
        <translation>נמחקה הפרסונה „%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>שלב אחד</numerusform>
            <numerusform>%n שלבים</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>נקודת מגע אחת</numerusform>
            <numerusform>%n נקודות מגע</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>הערה אחת</numerusform>
            <numerusform>%n הערות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>פעולה אחת</numerusform>
            <numerusform>%n פעולות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>פרסונה אחת</numerusform>
            <numerusform>%n פרסונות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>חץ זרימה אחד</numerusform>
            <numerusform>%n חיצי זרימה</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>ללא שם</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 עם %2</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>נמחק: %1</translation>
    </message>
    <message>
        <source>%1 — %2 restores it</source>
        <translation>%1 — %2 מחזיר</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 ו%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Add a stage first (S), then its touchpoints.</source>
        <translation>הוסיפו קודם שלב (S), ואחריו את נקודות המגע שלו.</translation>
    </message>
    <message>
        <source>Select a touchpoint or a stage to add the note to.</source>
        <translation>בחרו נקודת מגע או שלב שאליהם תתווסף ההערה.</translation>
    </message>
    <message>
        <source>Select a pain point or an opportunity to plan an action for it.</source>
        <translation>בחרו נקודת כאב או הזדמנות כדי לתכנן לה פעולה.</translation>
    </message>
    <message>
        <source>Drop the touchpoint on a stage.</source>
        <translation>שחררו את נקודת המגע על שלב.</translation>
    </message>
    <message>
        <source>Unknown kind of note.</source>
        <translation>סוג הערה לא מוכר.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>מחיקה</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>פרסום</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>אתר אינטרנט</translation>
    </message>
    <message>
        <source>App</source>
        <translation>אפליקציה</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>רשתות חברתיות</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>חיפוש</translation>
    </message>
    <message>
        <source>Reviews / word of mouth</source>
        <translation>ביקורות / המלצות מפה לאוזן</translation>
    </message>
    <message>
        <source>Phone / call centre</source>
        <translation>טלפון / מוקד שירות</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>צ&apos;אט</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>וואטסאפ</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>דואר אלקטרוני</translation>
    </message>
    <message>
        <source>Store / sales floor</source>
        <translation>חנות / אולם מכירות</translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation>פנים אל פנים</translation>
    </message>
    <message>
        <source>Delivery / packaging</source>
        <translation>משלוח / אריזה</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>אחר</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>נקודת כאב</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>הזדמנות</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>חוזקה</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>חולשה</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>איום</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>תובנה</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>ישירה</translation>
    </message>
    <message>
        <source>Indirect</source>
        <translation>עקיפה</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>לקוח חדש</translation>
    </message>
    <message>
        <source>Existing customer</source>
        <translation>לקוח קיים</translation>
    </message>
    <message>
        <source>Returning customer</source>
        <translation>לקוח חוזר</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>מתוכנן</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>בביצוע</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>בוצע</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>בוטל</translation>
    </message>
    <message>
        <source>The scale must be a number above 0 and at most %1 (got %2).</source>
        <translation>קנה המידה חייב להיות מספר גדול מ־0 ועד %1 (התקבל %2).</translation>
    </message>
    <message>
        <source>There is not enough memory for a picture of %1 x %2 pixels; try a smaller scale.</source>
        <translation>אין די זיכרון לתמונה של %1 על %2 פיקסלים; נסו קנה מידה קטן יותר.</translation>
    </message>
    <message>
        <source>The map is too large for a picture at scale %1; it was drawn at scale %2 (%3 x %4 pixels), the most that fits.</source>
        <translation>המפה גדולה מדי לתמונה בקנה מידה %1; היא צוירה בקנה מידה %2 (%3 על %4 פיקסלים), הגדול ביותר האפשרי.</translation>
    </message>
    <message>
        <source>The picture could not be encoded as PNG.</source>
        <translation>לא ניתן היה לקודד את התמונה כ־PNG.</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>מפת מסע לקוח</translation>
    </message>
    <message>
        <source>%1 is not a persona of this map.</source>
        <translation>%1 אינה פרסונה של מפה זו.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the file to write.</source>
        <translation>%1 היא תיקייה; ציינו את הקובץ לכתיבה.</translation>
    </message>
    <message>
        <source>A title may have at most %1 characters; the rest was cut.</source>
        <translation>כותרת יכולה להכיל עד %1 תווים; השאר נחתך.</translation>
    </message>
    <message>
        <source>This text may have at most %1 characters; the rest was cut.</source>
        <translation>טקסט זה יכול להכיל עד %1 תווים; השאר נחתך.</translation>
    </message>
    <message>
        <source>Add Stage</source>
        <translation>הוספת שלב</translation>
    </message>
    <message>
        <source>Add Touchpoint</source>
        <translation>הוספת נקודת מגע</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>הוספת הערה</translation>
    </message>
    <message>
        <source>Add Action</source>
        <translation>הוספת פעולה</translation>
    </message>
    <message>
        <source>Add Persona</source>
        <translation>הוספת פרסונה</translation>
    </message>
    <message>
        <source>Connect Touchpoints</source>
        <translation>חיבור נקודות מגע</translation>
    </message>
    <message>
        <source>Delete Flow</source>
        <translation>מחיקת מעבר</translation>
    </message>
    <message>
        <source>Move Touchpoints</source>
        <translation>הזזת נקודות מגע</translation>
    </message>
    <message>
        <source>Move Stage</source>
        <translation>הזזת שלב</translation>
    </message>
    <message>
        <source>Edit Properties</source>
        <translation>עריכת מאפיינים</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>שינוי שם</translation>
    </message>
    <message>
        <source>Set Emotion</source>
        <translation>קביעת רגש</translation>
    </message>
    <message>
        <source>Edit Map Details</source>
        <translation>עריכת פרטי המפה</translation>
    </message>
    <message>
        <source>Move Action</source>
        <translation>הזזת פעולה</translation>
    </message>
    <message>
        <source>Link Action to Note</source>
        <translation>קישור פעולה להערה</translation>
    </message>
    <message>
        <source>Unlink Action from Note</source>
        <translation>ניתוק פעולה מהערה</translation>
    </message>
    <message>
        <source>Record Votes</source>
        <translation>רישום הצבעות</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>הדבקה</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>שכפול</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>גזירה</translation>
    </message>
    <message>
        <source>Impact and effort</source>
        <translation>השפעה ומאמץ</translation>
    </message>
    <message>
        <source>ICE (impact, confidence, ease)</source>
        <translation>ICE (השפעה, ביטחון, קלות)</translation>
    </message>
    <message>
        <source>RICE (reach, impact, confidence, effort)</source>
        <translation>RICE (היקף, השפעה, ביטחון, מאמץ)</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>הצבעות</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>משוקלל</translation>
    </message>
    <message>
        <source>Map Details</source>
        <translation>פרטי המפה</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>כותרת</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>לקוח</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>מחבר</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Goal of the experience:</source>
        <translation>מטרת החוויה:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>אנגלית</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>עברית</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>משמאל לימין</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>מימין לשמאל</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>שפה:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>כיוון:</translation>
    </message>
    <message>
        <source>Prioritise by:</source>
        <translation>תעדוף לפי:</translation>
    </message>
    <message>
        <source>The method advises a review every 3 to 5 months; the next one is due this long after the last snapshot.</source>
        <translation>השיטה ממליצה על סקירה כל 3 עד 5 חודשים; הסקירה הבאה מגיעה כעבור זמן זה מתמונת המצב האחרונה.</translation>
    </message>
    <message>
        <source>Review every:</source>
        <translation>סקירה כל:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>העדפות</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>שפת המערכת</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;שפה:</translation>
    </message>
    <message>
        <source>The new language is used the next time CX Designer starts.</source>
        <translation>השפה החדשה תחול בהפעלה הבאה של CX Designer.</translation>
    </message>
    <message>
        <source>Untitled map</source>
        <translation>מפה ללא שם</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>לא ידוע</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>היום, %1</translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation>אתמול, %1</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>שחזור עבודה שלא נשמרה</translation>
    </message>
    <message>
        <source>CX Designer did not close normally, and these maps had changes that were not saved. Recover them to go on where you left off, save them to a file, or discard them.</source>
        <translation>CX Designer לא נסגר כרגיל, ובמפות האלה היו שינויים שלא נשמרו. שחזרו אותן כדי להמשיך מאותה נקודה, שמרו אותן לקובץ או מחקו אותן.</translation>
    </message>
    <message>
        <source>Recovered maps</source>
        <translation>מפות לשחזור</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>מפה</translation>
    </message>
    <message>
        <source>File</source>
        <translation>קובץ</translation>
    </message>
    <message>
        <source>Copy made</source>
        <translation>מועד העותק</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>גודל</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;מחיקה</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;אחר כך</translation>
    </message>
    <message>
        <source>Keep the copies and ask again next time</source>
        <translation>לשמור את העותקים ולשאול שוב בפעם הבאה</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>&amp;שמירה בשם…</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>ש&amp;חזור</translation>
    </message>
    <message>
        <source>“%1” cannot be recovered. %2</source>
        <translation>לא ניתן לשחזר את ״%1״. %2</translation>
    </message>
    <message>
        <source>This copy cannot be read. %1</source>
        <translation>לא ניתן לקרוא עותק זה. %1</translation>
    </message>
    <message>
        <source>Cannot save map</source>
        <translation>לא ניתן לשמור את המפה</translation>
    </message>
    <message>
        <source>Save Recovered Map As</source>
        <translation>שמירת המפה המשוחזרת בשם</translation>
    </message>
    <message>
        <source>Journey maps (%1)</source>
        <translation>מפות מסע לקוח (%1)</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to “%1”? This cannot be undone.</source>
        <translation>למחוק את השינויים שלא נשמרו ב־״%1״? לא ניתן לבטל פעולה זו.</translation>
    </message>
    <message numerus="yes">
        <source>Discard the unsaved changes to %n maps? This cannot be undone.</source>
        <translation>
            <numerusform>למחוק את השינויים שלא נשמרו במפה אחת? לא ניתן לבטל פעולה זו.</numerusform>
            <numerusform>למחוק את השינויים שלא נשמרו ב־%n מפות? לא ניתן לבטל פעולה זו.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>מחיקה</translation>
    </message>
    <message numerus="yes">
        <source>%n older copy(ies) not listed here stay in the recovery folder and are offered once these are dealt with.</source>
        <translation>
            <numerusform>עותק ישן אחד שאינו מופיע כאן נשאר בתיקיית השחזור, ויוצע לאחר הטיפול באלה.</numerusform>
            <numerusform>%n עותקים ישנים שאינם מופיעים כאן נשארים בתיקיית השחזור, ויוצעו לאחר הטיפול באלה.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the recovery folder were skipped: %1</source>
        <translation>
            <numerusform>פריט אחד בתיקיית השחזור דולג: %1</numerusform>
            <numerusform>%n פריטים בתיקיית השחזור דולגו: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>שער</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>תוכן העניינים</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>תקציר</translation>
    </message>
    <message>
        <source>Progress since the last snapshot</source>
        <translation>ההתקדמות מאז תמונת המצב האחרונה</translation>
    </message>
    <message>
        <source>Emotion curves</source>
        <translation>עקומות רגש</translation>
    </message>
    <message>
        <source>Stage by stage</source>
        <translation>שלב אחר שלב</translation>
    </message>
    <message>
        <source>Service blueprint</source>
        <translation>שרטוט השירות</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>SWOT</translation>
    </message>
    <message>
        <source>Priority matrix</source>
        <translation>מטריצת עדיפויות</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>תוכנית פעולה</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>פרסונות</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>ייצוא דוח</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>תבנית הקובץ:</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>פרקים</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>נייר:</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>כל לקוח</translation>
    </message>
    <message>
        <source>Untitled persona</source>
        <translation>פרסונה ללא שם</translation>
    </message>
    <message>
        <source>Emotions of:</source>
        <translation>הרגשות של:</translation>
    </message>
    <message>
        <source>The latest snapshot</source>
        <translation>תמונת המצב האחרונה</translation>
    </message>
    <message>
        <source>The report&apos;s progress section shows what changed since this snapshot</source>
        <translation>פרק ההתקדמות בדוח מראה מה השתנה מאז תמונת המצב הזו</translation>
    </message>
    <message>
        <source>Progress since:</source>
        <translation>התקדמות מאז:</translation>
    </message>
    <message>
        <source>Branding</source>
        <translation>מיתוג</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>תצוגה מקדימה של הלוגו</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>בחירה…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>הסרה</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>לוגו:</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>צבע הדגשה:</translation>
    </message>
    <message>
        <source>Your name, as on the cover</source>
        <translation>שמכם, כפי שיופיע בשער</translation>
    </message>
    <message>
        <source>Consultant:</source>
        <translation>יועץ:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ייצוא…</translation>
    </message>
    <message>
        <source>The logo stays %1.</source>
        <translation>הלוגו נשאר %1.</translation>
    </message>
    <message>
        <source>The logo %1 could not be read as an image; it may be damaged.</source>
        <translation>לא ניתן היה לקרוא את הלוגו %1 כתמונה; ייתכן שהוא פגום.</translation>
    </message>
    <message>
        <source>Choose a Logo</source>
        <translation>בחירת לוגו</translation>
    </message>
    <message>
        <source>PNG or JPEG images (%1)</source>
        <translation>תמונות PNG או JPEG (%1)</translation>
    </message>
    <message>
        <source>Accent Colour</source>
        <translation>צבע הדגשה</translation>
    </message>
    <message>
        <source>Cannot use this logo</source>
        <translation>לא ניתן להשתמש בלוגו זה</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>ללא לוגו</translation>
    </message>
    <message>
        <source>Accent colour %1</source>
        <translation>צבע הדגשה %1</translation>
    </message>
    <message>
        <source>There is not enough memory to make the report.</source>
        <translation>אין די זיכרון להפקת הדוח.</translation>
    </message>
    <message>
        <source>The report could not be made (%1). No file was written.</source>
        <translation>לא ניתן היה להפיק את הדוח (%1). לא נכתב קובץ.</translation>
    </message>
    <message>
        <source>These choices are remembered for this map file.</source>
        <translation>הבחירות האלה נשמרות עבור קובץ המפה הזה.</translation>
    </message>
    <message>
        <source>This map has no file yet: these choices are remembered by its title.</source>
        <translation>למפה זו עדיין אין קובץ: הבחירות נשמרות לפי הכותרת שלה.</translation>
    </message>
    <message>
        <source>Cannot export report</source>
        <translation>לא ניתן לייצא את הדוח</translation>
    </message>
    <message>
        <source>Report (PDF)</source>
        <translation>דוח (PDF)</translation>
    </message>
    <message>
        <source>Presentation (PowerPoint)</source>
        <translation>מצגת (PPTX)</translation>
    </message>
    <message>
        <source>Interactive map (web page)</source>
        <translation>מפה אינטראקטיבית (דף HTML)</translation>
    </message>
    <message>
        <source>Mermaid journey (Markdown)</source>
        <translation>מסע ב־Mermaid (קובץ Markdown)</translation>
    </message>
    <message>
        <source>PDF documents (%1)</source>
        <translation>מסמכי PDF (%1)</translation>
    </message>
    <message>
        <source>Presentations (%1)</source>
        <translation>מצגות (%1)</translation>
    </message>
    <message>
        <source>Markdown files (%1)</source>
        <translation>קובצי Markdown (%1)</translation>
    </message>
    <message>
        <source>The editor is closing; the presentation was not made.</source>
        <translation>העורך נסגר; המצגת לא נוצרה.</translation>
    </message>
    <message>
        <source>Making %1…</source>
        <translation>מפיק את %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>מפיק את הדוח…</translation>
    </message>
    <message>
        <source>Report export cancelled.</source>
        <translation>ייצוא הדוח בוטל.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>נכתב %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n slides)</source>
        <translation>
            <numerusform>נכתב %1 (שקופית אחת)</numerusform>
            <numerusform>נכתב %1 (%n שקופיות)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1 (1 page)</source>
        <translation>נכתב %1 (עמוד אחד)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n pages)</source>
        <translation>
            <numerusform>נכתב %1 (עמוד אחד)</numerusform>
            <numerusform>נכתב %1 (%n עמודים)</numerusform>
        </translation>
    </message>
    <message>
        <source>Report</source>
        <translation>דוח</translation>
    </message>
    <message>
        <source>Autosave is off: cannot write to %1 (%2).</source>
        <translation>השמירה האוטומטית כבויה: לא ניתן לכתוב אל %1 (%2).</translation>
    </message>
    <message>
        <source>The map is too large to keep a recovery copy: %1</source>
        <translation>המפה גדולה מכדי לשמור לה עותק שחזור: %1</translation>
    </message>
    <message>
        <source>it has more elements than a map file holds.</source>
        <translation>יש בה יותר רכיבים משקובץ מפה יכול להכיל.</translation>
    </message>
    <message>
        <source>it would take %1 MiB; a map file holds at most %2 MiB.</source>
        <translation>היא תתפוס %1 MiB; קובץ מפה מכיל לכל היותר %2 MiB.</translation>
    </message>
    <message>
        <source>Autosave could not write a recovery copy: %1</source>
        <translation>השמירה האוטומטית לא הצליחה לכתוב עותק שחזור: %1</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>זו אינה תיקייה</translation>
    </message>
    <message>
        <source>the folder belongs to another user</source>
        <translation>התיקייה שייכת למשתמש אחר</translation>
    </message>
    <message>
        <source>The copy cannot be read (%1).</source>
        <translation>לא ניתן לקרוא את העותק (%1).</translation>
    </message>
    <message>
        <source>The file is damaged: it ends before the map does. It looks cut short: the file may be truncated.</source>
        <translation>הקובץ פגום: הוא נגמר לפני שהמפה נגמרת. נראה שהוא נקטע: ייתכן שהקובץ קוצץ.</translation>
    </message>
    <message>
        <source>its description is %1 KiB, more than a recovery copy ever has</source>
        <translation>התיאור שלו הוא %1 KiB, יותר משיש אי פעם לעותק שחזור</translation>
    </message>
    <message>
        <source>a symbolic link, not a file</source>
        <translation>קישור סימבולי, לא קובץ</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>תיקייה, לא קובץ</translation>
    </message>
    <message>
        <source>a pipe, not a file</source>
        <translation>צינור, לא קובץ</translation>
    </message>
    <message>
        <source>a socket, not a file</source>
        <translation>שקע, לא קובץ</translation>
    </message>
    <message>
        <source>a device or special file, not a file</source>
        <translation>התקן או קובץ מיוחד, לא קובץ</translation>
    </message>
    <message>
        <source>The file is %1 MiB; CX Designer opens maps of at most %2 MiB.</source>
        <translation>הקובץ הוא %1 MiB; CX Designer פותח מפות של עד %2 MiB.</translation>
    </message>
    <message>
        <source>Journey map canvas</source>
        <translation>משטח מפת המסע</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>רכיבים</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>מתאר</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>מאפיינים</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>נתיבים</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>תוכנית</translation>
    </message>
    <message>
        <source>Priority Matrix</source>
        <translation>מטריצת עדיפויות</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>ניתוח</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>משוב</translation>
    </message>
    <message>
        <source>Recovered map not opened</source>
        <translation>המפה המשוחזרת לא נפתחה</translation>
    </message>
    <message>
        <source>“%1” is already open in a window, which shows a different version than the recovery copy. The copy is kept and offered again at the next start; to keep both, close this window first, or choose Save As… for the copy then.</source>
        <translation>״%1״ כבר פתוחה בחלון שמציג גרסה שונה מעותק השחזור. העותק נשמר ויוצע שוב בהפעלה הבאה; כדי לשמור את שתיהן, סגרו קודם את החלון הזה, או בחרו אז ״שמירה בשם…״ עבור העותק.</translation>
    </message>
    <message>
        <source>Cannot open map</source>
        <translation>לא ניתן לפתוח את המפה</translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation>פתיחת מפה</translation>
    </message>
    <message>
        <source>Import Journey Spreadsheet</source>
        <translation>ייבוא גיליון מסע</translation>
    </message>
    <message>
        <source>Journey spreadsheets (%1)</source>
        <translation>גיליונות מסע (%1)</translation>
    </message>
    <message>
        <source>Cannot import the spreadsheet</source>
        <translation>לא ניתן לייבא את הגיליון</translation>
    </message>
    <message>
        <source>Journey CSV (%1)</source>
        <translation>מסע ב־CSV‏ (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n warning(s). The first: %1</source>
        <translation>
            <numerusform>יובא עם אזהרה אחת: %1</numerusform>
            <numerusform>יובא עם %n אזהרות. הראשונה: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the file were repaired; save to keep the repairs.</source>
        <translation>
            <numerusform>בעיה אחת בקובץ תוקנה; שמרו כדי לשמור את התיקון.</numerusform>
            <numerusform>%n בעיות בקובץ תוקנו; שמרו כדי לשמור את התיקונים.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file had been removed from disk; it was saved again: %1</source>
        <translation>הקובץ נמחק מהדיסק; הוא נשמר מחדש: %1</translation>
    </message>
    <message>
        <source>Save Map As</source>
        <translation>שמירת המפה בשם</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>נשמר: %1</translation>
    </message>
    <message>
        <source>No backup was kept: “%1” is not a file.</source>
        <translation>לא נשמר גיבוי: ״%1״ אינו קובץ.</translation>
    </message>
    <message>
        <source>Export Journey CSV</source>
        <translation>ייצוא המסע ל־CSV</translation>
    </message>
    <message>
        <source>Cannot export CSV</source>
        <translation>לא ניתן לייצא CSV</translation>
    </message>
    <message>
        <source>Export Journey Spreadsheet</source>
        <translation>ייצוא המסע לגיליון</translation>
    </message>
    <message>
        <source>Excel workbooks (%1)</source>
        <translation>קובצי אקסל (%1)</translation>
    </message>
    <message>
        <source>Cannot export the spreadsheet</source>
        <translation>לא ניתן לייצא את הגיליון</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>יוצא: %1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>ייצוא תמונה</translation>
    </message>
    <message>
        <source>PNG images (%1)</source>
        <translation>תמונות PNG‏ (%1)</translation>
    </message>
    <message>
        <source>SVG images (%1)</source>
        <translation>תמונות SVG‏ (%1)</translation>
    </message>
    <message>
        <source>Cannot export image</source>
        <translation>לא ניתן לייצא תמונה</translation>
    </message>
    <message>
        <source>Exported %1 (%2 x %3 px)</source>
        <translation>יוצא: %1 (%2 על %3 פיקסלים)</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>ייצוא גרף</translation>
    </message>
    <message>
        <source>GraphML (%1)</source>
        <translation>GraphML‏ (%1)</translation>
    </message>
    <message>
        <source>Cannot export graph</source>
        <translation>לא ניתן לייצא את הגרף</translation>
    </message>
    <message>
        <source>Web pages (%1)</source>
        <translation>דפי אינטרנט‏ (%1)</translation>
    </message>
    <message>
        <source>“%1” is this map&apos;s own file; exporting there would replace the map. Choose another name.</source>
        <translation>״%1״ הוא הקובץ של המפה עצמה; ייצוא אליו יחליף את המפה. בחרו שם אחר.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>שינויים שלא נשמרו</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “%1”?</source>
        <translation>לשמור את השינויים ב־״%1״?</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>הקובץ השתנה בדיסק</translation>
    </message>
    <message>
        <source>The file “%1” changed on disk since you opened or last saved it, perhaps in another program.</source>
        <translation>הקובץ ״%1״ השתנה בדיסק מאז שפתחתם או שמרתם אותו לאחרונה, אולי בתוכנה אחרת.</translation>
    </message>
    <message>
        <source>Overwrite it with this map (the other version is kept as “%1”), save this map under another name, or cancel?</source>
        <translation>לדרוס אותו במפה הזו (הגרסה האחרת תישמר בשם ״%1״), לשמור את המפה בשם אחר, או לבטל?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;דריסה</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>שמירה &amp;בשם…</translation>
    </message>
    <message>
        <source>File Is Read-Only</source>
        <translation>הקובץ לקריאה בלבד</translation>
    </message>
    <message>
        <source>The file “%1” is read-only, so the map was not saved.</source>
        <translation>הקובץ ״%1״ מיועד לקריאה בלבד, ולכן המפה לא נשמרה.</translation>
    </message>
    <message>
        <source>Save this map under another name, or cancel?</source>
        <translation>לשמור את המפה בשם אחר, או לבטל?</translation>
    </message>
    <message>
        <source>&amp;Blank Map</source>
        <translation>מפה &amp;ריקה</translation>
    </message>
    <message>
        <source>New</source>
        <translation>חדש</translation>
    </message>
    <message>
        <source>Five Stages (&amp;English)</source>
        <translation>חמישה שלבים (&amp;אנגלית)</translation>
    </message>
    <message>
        <source>Five Stages (&amp;Hebrew)</source>
        <translation>חמישה שלבים (&amp;עברית)</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>מפה חדשה מ&amp;תבנית…</translation>
    </message>
    <message>
        <source>A ready journey for your kind of business, in English or Hebrew</source>
        <translation>מסע מוכן לסוג העסק שלכם, בעברית או באנגלית</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;פתיחה…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;שמירה</translation>
    </message>
    <message>
        <source>&amp;Import Spreadsheet…</source>
        <translation>&amp;ייבוא גיליון…</translation>
    </message>
    <message>
        <source>A new map from a journey spreadsheet: CSV or Excel (XLSX)</source>
        <translation>מפה חדשה מגיליון מסע: CSV או אקסל (XLSX)</translation>
    </message>
    <message>
        <source>Import &amp;Feedback…</source>
        <translation>ייבוא &amp;משוב…</translation>
    </message>
    <message>
        <source>Survey exports (CSV, Excel) and e-mails (mbox, .eml) as the map&apos;s customer feedback</source>
        <translation>קובצי סקרים (CSV, אקסל) ומיילים (mbox, ‏.eml) כמשוב הלקוחות של המפה</translation>
    </message>
    <message>
        <source>Import Feedback Fol&amp;der…</source>
        <translation>ייבוא משוב מ&amp;תיקייה…</translation>
    </message>
    <message>
        <source>A folder of saved e-mails (.eml)</source>
        <translation>תיקייה של מיילים שמורים (‎.eml)</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;דוח…</translation>
    </message>
    <message>
        <source>The client report: PDF, presentation, interactive map or Mermaid text, with the options to choose</source>
        <translation>הדוח ללקוח: PDF, מצגת, מפה אינטראקטיבית או טקסט Mermaid, עם האפשרויות לבחירה</translation>
    </message>
    <message>
        <source>&amp;Image (PNG)…</source>
        <translation>&amp;תמונה (PNG)…</translation>
    </message>
    <message>
        <source>A picture of the whole map</source>
        <translation>תמונה של המפה כולה</translation>
    </message>
    <message>
        <source>Image (&amp;SVG)…</source>
        <translation>תמונה (&amp;SVG)…</translation>
    </message>
    <message>
        <source>The whole map as a vector picture</source>
        <translation>המפה כולה כתמונה וקטורית</translation>
    </message>
    <message>
        <source>&amp;Graph (GraphML)…</source>
        <translation>&amp;גרף (GraphML)…</translation>
    </message>
    <message>
        <source>The journey graph for yEd or Gephi</source>
        <translation>גרף המסע עבור yEd או Gephi</translation>
    </message>
    <message>
        <source>Journey (&amp;CSV)…</source>
        <translation>מסע (&amp;CSV)…</translation>
    </message>
    <message>
        <source>The journey spreadsheet: one row per touchpoint</source>
        <translation>גיליון המסע: שורה לכל נקודת מגע</translation>
    </message>
    <message>
        <source>Journey (&amp;XLSX)…</source>
        <translation>מסע (&amp;XLSX)…</translation>
    </message>
    <message>
        <source>The journey spreadsheet as an Excel workbook</source>
        <translation>גיליון המסע כקובץ אקסל</translation>
    </message>
    <message>
        <source>Interactive &amp;Map…</source>
        <translation>&amp;מפה אינטראקטיבית…</translation>
    </message>
    <message>
        <source>One web page to send: the map to click through, with its notes, plan and SWOT</source>
        <translation>דף אינטרנט אחד לשליחה: מפה שאפשר ללחוץ עליה, עם ההערות, התוכנית וניתוח ה־SWOT</translation>
    </message>
    <message>
        <source>&amp;Presentation (PowerPoint)…</source>
        <translation>&amp;מצגת (PPTX)…</translation>
    </message>
    <message>
        <source>A slide deck of the map, with the report&apos;s options</source>
        <translation>מצגת שקפים של המפה, עם האפשרויות של הדוח</translation>
    </message>
    <message>
        <source>&amp;Join Live Session…</source>
        <translation>ה&amp;צטרפות למפגש חי…</translation>
    </message>
    <message>
        <source>Edit a map together with others, from a room&apos;s address</source>
        <translation>עריכת מפה יחד עם אחרים, לפי כתובת של חדר</translation>
    </message>
    <message>
        <source>S&amp;tart Live Session…</source>
        <translation>&amp;פתיחת מפגש חי…</translation>
    </message>
    <message>
        <source>Host this map as a room on this computer</source>
        <translation>אירוח המפה הזו כחדר במחשב הזה</translation>
    </message>
    <message>
        <source>&amp;Leave Live Session</source>
        <translation>י&amp;ציאה מהמפגש החי</translation>
    </message>
    <message>
        <source>&amp;Open a Voting Round…</source>
        <translation>&amp;פתיחת סבב הצבעה…</translation>
    </message>
    <message>
        <source>The participants vote with dots on their phones</source>
        <translation>המשתתפים מצביעים בנקודות בטלפונים שלהם</translation>
    </message>
    <message>
        <source>&amp;Close the Voting Round</source>
        <translation>&amp;סגירת סבב ההצבעה</translation>
    </message>
    <message>
        <source>Add the round&apos;s dots to the notes&apos; votes</source>
        <translation>הוספת הנקודות של הסבב להצבעות של ההערות</translation>
    </message>
    <message>
        <source>Save a Cop&amp;y…</source>
        <translation>שמירת &amp;עותק…</translation>
    </message>
    <message>
        <source>The map as it is now, in a file of your own</source>
        <translation>המפה כפי שהיא עכשיו, בקובץ משלכם</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;סגירה</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;יציאה</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;ביטול</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ביצוע &amp;חוזר</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;גזירה</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;העתקה</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>ה&amp;דבקה</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>ש&amp;כפול</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;מחיקה</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>בחירת ה&amp;כול</translation>
    </message>
    <message>
        <source>&amp;Map Details…</source>
        <translation>&amp;פרטי המפה…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>הע&amp;דפות…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;הגדלה</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ה&amp;קטנה</translation>
    </message>
    <message>
        <source>&amp;Fit Map</source>
        <translation>&amp;התאמת המפה לחלון</translation>
    </message>
    <message>
        <source>Flags the current cell of a lane; again clears it.</source>
        <translation>מסמן את התא הנוכחי בנתיב; לחיצה נוספת מבטלת את הסימון.</translation>
    </message>
    <message>
        <source>Mark as &amp;Fail Point</source>
        <translation>סימון כנקודת &amp;כשל</translation>
    </message>
    <message>
        <source>Mark as &amp;Wait Point</source>
        <translation>סימון כנקודת &amp;המתנה</translation>
    </message>
    <message>
        <source>&amp;Clear Mark</source>
        <translation>&amp;ניקוי הסימון</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;קובץ</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;חדש</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>פתיחת &amp;אחרונים</translation>
    </message>
    <message>
        <source>Room &amp;Vote</source>
        <translation>&amp;הצבעת החדר</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;ייצוא</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;עריכה</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;נתיבים</translation>
    </message>
    <message>
        <source>&amp;Add Lane</source>
        <translation>&amp;הוספת נתיב</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;תצוגה</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;חלוניות</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>סרגל כלים</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;ניקוי התפריט</translation>
    </message>
    <message>
        <source>No recent maps</source>
        <translation>אין מפות אחרונות</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>הערה ללא שם</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>השפעה</translation>
    </message>
    <message>
        <source>effort</source>
        <translation>מאמץ</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>ביטחון</translation>
    </message>
    <message>
        <source>ease</source>
        <translation>קלות</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>היקף</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>משוער</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>ללא ניקוד</translation>
    </message>
    <message>
        <source>no</source>
        <translation>חסר</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>לא נוקד</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>באיחור</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>ממתין לסקירה</translation>
    </message>
    <message>
        <source>Overdue: the due date has passed and the action is not done.</source>
        <translation>באיחור: תאריך היעד עבר והפעולה לא בוצעה.</translation>
    </message>
    <message>
        <source>Review due: last reviewed longer ago than its review cadence.</source>
        <translation>ממתין לסקירה: הסקירה האחרונה ישנה ממחזור הסקירה שנקבע.</translation>
    </message>
    <message>
        <source>Set a date</source>
        <translation>קביעת תאריך</translation>
    </message>
    <message>
        <source>%1 set</source>
        <translation>%1 נקבע</translation>
    </message>
    <message>
        <source>None</source>
        <translation>ללא</translation>
    </message>
    <message>
        <source>Who does it (a person or department)</source>
        <translation>מי מבצע (אדם או מחלקה)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>תאריך יעד</translation>
    </message>
    <message>
        <source>How you will know it worked</source>
        <translation>איך תדעו שזה עבד</translation>
    </message>
    <message>
        <source> months</source>
        <translation> חודשים</translation>
    </message>
    <message>
        <source>Review the plan every 3 to 5 months.</source>
        <translation>סקרו את התוכנית כל 3 עד 5 חודשים.</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>נסקר לאחרונה</translation>
    </message>
    <message>
        <source>Reviewed Today</source>
        <translation>נסקר היום</translation>
    </message>
    <message>
        <source>Click a note to show it on the canvas.</source>
        <translation>לחצו על הערה כדי להציג אותה במפה.</translation>
    </message>
    <message>
        <source>Link Selected Note</source>
        <translation>קישור ההערה הנבחרת</translation>
    </message>
    <message>
        <source>This action also addresses the note selected on the canvas.</source>
        <translation>פעולה זו מטפלת גם בהערה שנבחרה במפה.</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>ניתוק</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>אחראי</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>יעד</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>מצב</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>סקירה כל</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>מטפלת ב</translation>
    </message>
    <message>
        <source>Edit Owner</source>
        <translation>עריכת אחראי</translation>
    </message>
    <message>
        <source>Edit KPI</source>
        <translation>עריכת KPI</translation>
    </message>
    <message>
        <source>Edit Due Date</source>
        <translation>עריכת תאריך יעד</translation>
    </message>
    <message>
        <source>Edit Status</source>
        <translation>עריכת מצב</translation>
    </message>
    <message>
        <source>Edit Review Cadence</source>
        <translation>עריכת מחזור סקירה</translation>
    </message>
    <message>
        <source>Edit Last Review</source>
        <translation>עריכת הסקירה האחרונה</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>סימון כנסקר</translation>
    </message>
    <message>
        <source>Link Action to Notes</source>
        <translation>קישור פעולה להערות</translation>
    </message>
    <message>
        <source>Untitled action</source>
        <translation>פעולה ללא שם</translation>
    </message>
    <message>
        <source>Compare with a Snapshot</source>
        <translation>השוואה לתמונת מצב</translation>
    </message>
    <message>
        <source>The map now</source>
        <translation>המפה כעת</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>מ־:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>עד:</translation>
    </message>
    <message>
        <source>NPS before</source>
        <translation>NPS לפני</translation>
    </message>
    <message>
        <source>NPS now</source>
        <translation>NPS כעת</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>שינוי</translation>
    </message>
    <message>
        <source>CSAT before</source>
        <translation>CSAT לפני</translation>
    </message>
    <message>
        <source>CSAT now</source>
        <translation>CSAT כעת</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>לפני</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>כעת</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>מה קרה</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>פעולה</translation>
    </message>
    <message>
        <source>* typed by hand, not measured from feedback</source>
        <translation>* הוקלד ידנית, לא נמדד ממשוב</translation>
    </message>
    <message>
        <source>The map has no snapshot yet: take one with Review &gt; Take Snapshot, and compare with it at the next review.</source>
        <translation>אין עדיין תמונת מצב במפה: צרו אחת דרך סקירה &gt; יצירת תמונת מצב, והשוו אליה בסקירה הבאה.</translation>
    </message>
    <message>
        <source>Choose two different moments to compare.</source>
        <translation>בחרו שני מועדים שונים להשוואה.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>מ־%1 עד %2</translation>
    </message>
    <message numerus="yes">
        <source>Notes resolved: %n</source>
        <translation>
            <numerusform>הערות שנפתרו: אחת</numerusform>
            <numerusform>הערות שנפתרו: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes added: %n</source>
        <translation>
            <numerusform>הערות שנוספו: אחת</numerusform>
            <numerusform>הערות שנוספו: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Actions completed: %n</source>
        <translation>
            <numerusform>פעולות שהושלמו: אחת</numerusform>
            <numerusform>פעולות שהושלמו: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Actions late: %n</source>
        <translation>
            <numerusform>פעולות באיחור: אחת</numerusform>
            <numerusform>פעולות באיחור: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Added</source>
        <translation>נוספה</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>נפתרה</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>הושלמה</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>באיחור</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>הוסרה</translation>
    </message>
    <message>
        <source>NPS and CSAT</source>
        <translation>NPS ו־CSAT</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>רגשות</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>פעולות</translation>
    </message>
    <message>
        <source>Address Note</source>
        <translation>טיפול בהערה</translation>
    </message>
    <message>
        <source>Address This</source>
        <translation>טיפול בזה</translation>
    </message>
    <message>
        <source>A new action addressing the note selected on the canvas (A on the canvas)</source>
        <translation>פעולה חדשה שמטפלת בהערה שנבחרה במפה (A במפה)</translation>
    </message>
    <message>
        <source>New Action</source>
        <translation>פעולה חדשה</translation>
    </message>
    <message>
        <source>A new top-level action</source>
        <translation>פעולה חדשה ברמה העליונה</translation>
    </message>
    <message>
        <source>Add Sub-action</source>
        <translation>הוספת תת־פעולה</translation>
    </message>
    <message>
        <source>A new step under the selected action</source>
        <translation>צעד חדש תחת הפעולה הנבחרת</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>העברה למעלה</translation>
    </message>
    <message>
        <source>Earlier among its siblings (Ctrl+Up)</source>
        <translation>מוקדם יותר בין אחיותיה (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>העברה למטה</translation>
    </message>
    <message>
        <source>Later among its siblings (Ctrl+Down)</source>
        <translation>מאוחר יותר בין אחיותיה (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>הזחה פנימה</translation>
    </message>
    <message>
        <source>Make it a sub-action of the one above (Ctrl+Right)</source>
        <translation>הפיכה לתת־פעולה של הפעולה שמעליה (Ctrl+Right)</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>הזחה החוצה</translation>
    </message>
    <message>
        <source>Move it out of its parent action (Ctrl+Left)</source>
        <translation>הוצאה מפעולת האם (Ctrl+Left)</translation>
    </message>
    <message>
        <source>Delete the action with its sub-actions</source>
        <translation>מחיקת הפעולה עם תת־הפעולות שלה</translation>
    </message>
    <message>
        <source>Select a pain point or an opportunity on the canvas first.</source>
        <translation>בחרו קודם נקודת כאב או הזדמנות במפה.</translation>
    </message>
    <message>
        <source>Delete Action</source>
        <translation>מחיקת פעולה</translation>
    </message>
    <message>
        <source>Paths from start to end</source>
        <translation>מסלולים מההתחלה לסוף</translation>
    </message>
    <message>
        <source>Lowest emotion</source>
        <translation>הרגש הנמוך ביותר</translation>
    </message>
    <message>
        <source>Pain hotspots</source>
        <translation>מוקדי כאב</translation>
    </message>
    <message>
        <source>Dead ends</source>
        <translation>מבוי סתום</translation>
    </message>
    <message>
        <source>Unreachable touchpoints</source>
        <translation>נקודות מגע שאי אפשר להגיע אליהן</translation>
    </message>
    <message>
        <source>Empty stages</source>
        <translation>שלבים ריקים</translation>
    </message>
    <message>
        <source>The ways a customer can go along the flows, from an entry touchpoint to the last stage, shortest first.</source>
        <translation>הדרכים שבהן לקוח יכול לעבור לאורך המעברים, מנקודת מגע של כניסה ועד השלב האחרון, הקצרות תחילה.</translation>
    </message>
    <message>
        <source>Moments of truth: touchpoints where the customer feels −1 or worse.</source>
        <translation>רגעי אמת: נקודות מגע שבהן הלקוח מרגיש ⁦−1⁩ או גרוע מכך.</translation>
    </message>
    <message>
        <source>The touchpoints carrying the most pain points, weaknesses and threats (weighed by impact).</source>
        <translation>נקודות המגע שנושאות הכי הרבה נקודות כאב, חולשות ואיומים (משוקלל לפי השפעה).</translation>
    </message>
    <message>
        <source>Touchpoints with no flow onwards before the last stage.</source>
        <translation>נקודות מגע שאין מהן מעבר הלאה לפני השלב האחרון.</translation>
    </message>
    <message>
        <source>Touchpoints no flow leads to from the start of the journey.</source>
        <translation>נקודות מגע שאף מעבר מתחילת המסע אינו מוביל אליהן.</translation>
    </message>
    <message>
        <source>Stages without any touchpoint.</source>
        <translation>שלבים בלי אף נקודת מגע.</translation>
    </message>
    <message>
        <source>Add touchpoints and connect them with flows to see the paths and the moments of truth.</source>
        <translation>הוסיפו נקודות מגע וחברו אותן במעברים כדי לראות את המסלולים ואת רגעי האמת.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s). Click one to show it on the canvas.</source>
        <translation>
            <numerusform>ממצא אחד. לחצו עליו כדי להציג אותו במפה.</numerusform>
            <numerusform>%n ממצאים. לחצו על אחד כדי להציג אותו במפה.</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings: every touchpoint is on a path and no moment hurts.</source>
        <translation>אין ממצאים: כל נקודת מגע נמצאת על מסלול ואף רגע אינו כואב.</translation>
    </message>
    <message>
        <source>%1 steps: %2</source>
        <translation>%1 צעדים: %2</translation>
    </message>
    <message>
        <source>%1 path(s) in all.</source>
        <translation>סך הכול מסלולים: %1.</translation>
    </message>
    <message>
        <source>At least %1 paths: the flows loop, and each loop is counted as crossed once.</source>
        <translation>לפחות %1 מסלולים: המעברים יוצרים לולאה, וכל לולאה נספרת כאילו נחצתה פעם אחת.</translation>
    </message>
    <message>
        <source>At least %1 paths.</source>
        <translation>לפחות %1 מסלולים.</translation>
    </message>
    <message>
        <source>The search stopped after %1 steps; the shortest paths it found are listed.</source>
        <translation>החיפוש נעצר אחרי %1 צעדים; מוצגים המסלולים הקצרים ביותר שנמצאו.</translation>
    </message>
    <message>
        <source>The %1 shortest are listed.</source>
        <translation>מוצגים %1 הקצרים ביותר.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ועוד אחד</numerusform>
            <numerusform>… ועוד %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>… עוד אחד …</numerusform>
            <numerusform>… עוד %n …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the customer feels %2</source>
        <translation>%1: הלקוח מרגיש %2</translation>
    </message>
    <message>
        <source>%1: pain weighing %2</source>
        <translation>%1: משקל כאב %2</translation>
    </message>
    <message>
        <source>%1 leads nowhere before the last stage</source>
        <translation>%1 אינה מובילה לשום מקום לפני השלב האחרון</translation>
    </message>
    <message>
        <source>%1 cannot be reached from the start</source>
        <translation>אי אפשר להגיע אל %1 מההתחלה</translation>
    </message>
    <message>
        <source>%1 has no touchpoints</source>
        <translation>ב־%1 אין נקודות מגע</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>עריכת %1</translation>
    </message>
    <message>
        <source>%1: please write a number, or leave it blank.</source>
        <translation>%1: נא לכתוב מספר, או להשאיר ריק.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>שלב</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>סקר</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>דואר אלקטרוני</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>נקודת מגע</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>מקור</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>טקסט</translation>
    </message>
    <message>
        <source>(unmatched)</source>
        <translation>(לא משויך)</translation>
    </message>
    <message>
        <source>Pain Point</source>
        <translation>נקודת כאב</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>הערה</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>פרסונה</translation>
    </message>
    <message>
        <source>+2  Delighted</source>
        <translation>⁦+2⁩  מאושר</translation>
    </message>
    <message>
        <source>+1  Pleased</source>
        <translation>⁦+1⁩  מרוצה</translation>
    </message>
    <message>
        <source>0  Neutral</source>
        <translation>0  ניטרלי</translation>
    </message>
    <message>
        <source>−1  Annoyed</source>
        <translation>⁦−1⁩  מתוסכל</translation>
    </message>
    <message>
        <source>−2  Angry</source>
        <translation>⁦−2⁩  כועס</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>תיאור</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ערוץ</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>יוזמה</translation>
    </message>
    <message>
        <source>Direct: the customer</source>
        <translation>ישירה: הלקוח</translation>
    </message>
    <message>
        <source>Indirect: ads, others</source>
        <translation>עקיפה: פרסום, אחרים</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>רגש</translation>
    </message>
    <message>
        <source>How any customer feels here (a persona may feel otherwise: choose it in Personas)</source>
        <translation>איך כל לקוח מרגיש כאן (פרסונה עשויה להרגיש אחרת: בחרו אותה בפרסונות)</translation>
    </message>
    <message>
        <source>For persona</source>
        <translation>עבור פרסונה</translation>
    </message>
    <message>
        <source>— (as any customer)</source>
        <translation>— (ככל לקוח)</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>−100 to 100</source>
        <translation>⁦−100⁩ עד 100</translation>
    </message>
    <message>
        <source>CSAT %</source>
        <translation>CSAT %</translation>
    </message>
    <message>
        <source>0 to 100</source>
        <translation>0 עד 100</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>ראיות</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>השפעה</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>מאמץ</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>היקף</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>ביטחון</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>שששש-חח-יי</translation>
    </message>
    <message>
        <source>Review (months)</source>
        <translation>סקירה (חודשים)</translation>
    </message>
    <message>
        <source>Select a stage, touchpoint or note on the canvas or in the outline to see and edit its properties.</source>
        <translation>בחרו שלב, נקודת מגע או הערה במפה או במתאר כדי לראות ולערוך את המאפיינים שלהם.</translation>
    </message>
    <message>
        <source>Map Details…</source>
        <translation>פרטי המפה…</translation>
    </message>
    <message>
        <source>Move to Stage</source>
        <translation>העברה לשלב</translation>
    </message>
    <message>
        <source>%n elements selected</source>
        <translation>נבחרו %n רכיבים</translation>
    </message>
    <message>
        <source>Select one element to edit its properties.</source>
        <translation>בחרו רכיב אחד כדי לערוך את המאפיינים שלו.</translation>
    </message>
    <message>
        <source>the whole map</source>
        <translation>המפה כולה</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>על: %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ללא שם)</translation>
    </message>
    <message numerus="yes">
        <source>Customers who wrote about this: %n</source>
        <translation>
            <numerusform>לקוחות שכתבו על כך: אחד</numerusform>
            <numerusform>לקוחות שכתבו על כך: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Feedback items: %n</source>
        <translation>
            <numerusform>פריטי משוב: אחד</numerusform>
            <numerusform>פריטי משוב: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>NPS %1</source>
        <translation>NPS %1</translation>
    </message>
    <message>
        <source>(unnamed persona)</source>
        <translation>(פרסונה ללא שם)</translation>
    </message>
    <message>
        <source>For %1:</source>
        <translation>עבור %1:</translation>
    </message>
    <message>
        <source>Score Note</source>
        <translation>ניקוד הערה</translation>
    </message>
    <message>
        <source>Clear Score</source>
        <translation>ניקוי ניקוד</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>הישגים מהירים</translation>
    </message>
    <message>
        <source>Big bets</source>
        <translation>הימורים גדולים</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>משימות משלימות</translation>
    </message>
    <message>
        <source>Money pits</source>
        <translation>בורות כסף</translation>
    </message>
    <message>
        <source>impact %1, effort %2</source>
        <translation>השפעה %1, מאמץ %2</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>טרם נוקד</translation>
    </message>
    <message>
        <source>Effort (low to high)</source>
        <translation>מאמץ (מנמוך לגבוה)</translation>
    </message>
    <message>
        <source>Impact (low to high)</source>
        <translation>השפעה (מנמוכה לגבוהה)</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>טרם נוקדו</translation>
    </message>
    <message>
        <source>Every note has a score.</source>
        <translation>לכל ההערות יש ניקוד.</translation>
    </message>
    <message>
        <source>Drag a note onto the matrix to score it.</source>
        <translation>גררו הערה אל המטריצה כדי לנקד אותה.</translation>
    </message>
    <message>
        <source>Outline of the map</source>
        <translation>מתאר המפה</translation>
    </message>
    <message>
        <source>Notes about the whole map</source>
        <translation>הערות על המפה כולה</translation>
    </message>
    <message>
        <source>Palette of new elements</source>
        <translation>רכיבים חדשים להוספה</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>נקודות מגע</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add</source>
        <translation>גררו אל המפה, או לחצו פעמיים כדי להוסיף</translation>
    </message>
    <message>
        <source>Emotions shown for</source>
        <translation>הרגשות המוצגים עבור</translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation>ראיות פיזיות</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation>פעולות הלקוח</translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation>חזית</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>מאחורי הקלעים</translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation>תהליכי תמיכה</translation>
    </message>
    <message>
        <source>Text lane</source>
        <translation>נתיב טקסט</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>תמונות</translation>
    </message>
    <message>
        <source>Whole Service Blueprint</source>
        <translation>שרטוט שירות מלא</translation>
    </message>
    <message>
        <source>Adds the five blueprint lanes, from physical evidence to support processes.</source>
        <translation>מוסיף את חמשת נתיבי שרטוט השירות, מראיות פיזיות ועד תהליכי תמיכה.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>למעלה</translation>
    </message>
    <message>
        <source>Move the lane up (Alt+Up)</source>
        <translation>הזזת הנתיב למעלה (Alt+חץ למעלה)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>למטה</translation>
    </message>
    <message>
        <source>Move the lane down (Alt+Down)</source>
        <translation>הזזת הנתיב למטה (Alt+חץ למטה)</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>הזזת הנתיב למעלה</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>הזזת הנתיב למטה</translation>
    </message>
    <message>
        <source>Lanes under the touchpoints, top to bottom:</source>
        <translation>הנתיבים שמתחת לנקודות המגע, מלמעלה למטה:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>שם</translation>
    </message>
    <message>
        <source>Emotions shown for:</source>
        <translation>הרגשות המוצגים עבור:</translation>
    </message>
    <message>
        <source>Personas of this map:</source>
        <translation>הפרסונות של מפה זו:</translation>
    </message>
    <message>
        <source>Remove Persona</source>
        <translation>הסרת פרסונה</translation>
    </message>
    <message>
        <source>impact ÷ effort</source>
        <translation>השפעה ÷ מאמץ</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <source>RICE</source>
        <translation>RICE</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>הצבעות</translation>
    </message>
    <message>
        <source>weighted score</source>
        <translation>ציון משוקלל</translation>
    </message>
    <message>
        <source>No pain points or opportunities yet: add them on the canvas (P, O), then plan actions for them.</source>
        <translation>עדיין אין נקודות כאב או הזדמנויות: הוסיפו אותן במפה (P,‏ O), ואז תכננו להן פעולות.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>ציון</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>מטרה: %1</translation>
    </message>
    <message>
        <source>No goal yet: set it in the map details.</source>
        <translation>עדיין אין מטרה: קבעו אותה בפרטי המפה.</translation>
    </message>
    <message>
        <source>Ranked by %1</source>
        <translation>מדורג לפי %1</translation>
    </message>
    <message>
        <source>Whole journey</source>
        <translation>המסע כולו</translation>
    </message>
    <message>
        <source>Rank %1</source>
        <translation>דירוג %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>ציון: %1</translation>
    </message>
    <message>
        <source>Address This…</source>
        <translation>טיפול בזה…</translation>
    </message>
    <message>
        <source>Show on Canvas</source>
        <translation>הצגה במפה</translation>
    </message>
    <message>
        <source>Edit Action</source>
        <translation>עריכת פעולה</translation>
    </message>
    <message>
        <source>Show Its Notes on Canvas</source>
        <translation>הצגת ההערות שלה במפה</translation>
    </message>
    <message>
        <source>Notes about:</source>
        <translation>הערות על:</translation>
    </message>
    <message>
        <source>The whole map</source>
        <translation>המפה כולה</translation>
    </message>
    <message>
        <source>Change Note Kind</source>
        <translation>שינוי סוג הערה</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>חוזקות</translation>
    </message>
    <message>
        <source>Internal and helpful: what the business does well along the journey.</source>
        <translation>פנימי ומועיל: מה שהעסק עושה היטב לאורך המסע.</translation>
    </message>
    <message>
        <source>No strengths yet. Drag a note here or press +.</source>
        <translation>עדיין אין חוזקות. גררו לכאן הערה או לחצו +.</translation>
    </message>
    <message>
        <source>New strength: type, then Enter</source>
        <translation>חוזקה חדשה: הקלידו ואז Enter</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>חולשות</translation>
    </message>
    <message>
        <source>Internal and harmful: weaknesses, and the pain points customers feel.</source>
        <translation>פנימי ומזיק: חולשות, ונקודות הכאב שהלקוחות חווים.</translation>
    </message>
    <message>
        <source>No weaknesses or pain points yet. Drag a note here or press +.</source>
        <translation>עדיין אין חולשות או נקודות כאב. גררו לכאן הערה או לחצו +.</translation>
    </message>
    <message>
        <source>New weakness: type, then Enter</source>
        <translation>חולשה חדשה: הקלידו ואז Enter</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>הזדמנויות</translation>
    </message>
    <message>
        <source>External and helpful: where the journey could delight.</source>
        <translation>חיצוני ומועיל: היכן המסע יכול לשמח את הלקוח.</translation>
    </message>
    <message>
        <source>No opportunities yet. Drag a note here or press +.</source>
        <translation>עדיין אין הזדמנויות. גררו לכאן הערה או לחצו +.</translation>
    </message>
    <message>
        <source>New opportunity: type, then Enter</source>
        <translation>הזדמנות חדשה: הקלידו ואז Enter</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>איומים</translation>
    </message>
    <message>
        <source>External and harmful: what could hurt the journey from outside.</source>
        <translation>חיצוני ומזיק: מה שעלול לפגוע במסע מבחוץ.</translation>
    </message>
    <message>
        <source>No threats yet. Drag a note here or press +.</source>
        <translation>עדיין אין איומים. גררו לכאן הערה או לחצו +.</translation>
    </message>
    <message>
        <source>New threat: type, then Enter</source>
        <translation>איום חדש: הקלידו ואז Enter</translation>
    </message>
    <message>
        <source>Add a note here</source>
        <translation>הוספת הערה כאן</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Set Channel</source>
        <translation>קביעת ערוץ</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n element(s).</source>
        <translation>
            <numerusform>הועתק רכיב אחד.</numerusform>
            <numerusform>הועתקו %n רכיבים.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one touchpoint to paste the picture on.</source>
        <translation>בחרו נקודת מגע אחת כדי להדביק עליה את התמונה.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>זמן שנותר</translation>
    </message>
    <message>
        <source> min</source>
        <translation> דק׳</translation>
    </message>
    <message>
        <source>Timer minutes</source>
        <translation>דקות בטיימר</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>איפוס</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>השהיה</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>התחלה</translation>
    </message>
    <message>
        <source>&amp;Workshop Mode</source>
        <translation>&amp;מצב סדנה</translation>
    </message>
    <message>
        <source>Full screen, large type, a timer and dot voting</source>
        <translation>מסך מלא, אותיות גדולות, טיימר והצבעת נקודות</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>סדנה</translation>
    </message>
    <message>
        <source>Dot Voting…</source>
        <translation>הצבעת נקודות…</translation>
    </message>
    <message>
        <source>Start a round of dot voting on the notes</source>
        <translation>התחלת סבב הצבעת נקודות על ההערות</translation>
    </message>
    <message>
        <source>Leave Workshop (F11)</source>
        <translation>יציאה מהסדנה (F11)</translation>
    </message>
    <message>
        <source>Dot Voting</source>
        <translation>הצבעת נקודות</translation>
    </message>
    <message>
        <source>Notes to Vote On</source>
        <translation>הערות להצבעה</translation>
    </message>
    <message>
        <source>Only pain points, weaknesses, threats and opportunities are ranked: give the dot to one of those.</source>
        <translation>רק נקודות כאב, חולשות, איומים והזדמנויות מדורגים: תנו את הנקודה לאחד מהם.</translation>
    </message>
    <message>
        <source>Every dot is placed. Close the round to record the votes.</source>
        <translation>כל הנקודות הוצבו. סגרו את הסבב כדי לרשום את ההצבעות.</translation>
    </message>
    <message>
        <source>%1 has no dots left: go on to the next participant.</source>
        <translation>ל־%1 לא נשארו נקודות: עברו למשתתף הבא.</translation>
    </message>
    <message numerus="yes">
        <source>Record Dot Votes (%n dot(s))</source>
        <translation>
            <numerusform>רישום הצבעות (נקודה אחת)</numerusform>
            <numerusform>רישום הצבעות (%n נקודות)</numerusform>
        </translation>
    </message>
    <message>
        <source>The votes could not be recorded; the round stays open.</source>
        <translation>לא ניתן היה לרשום את ההצבעות; הסבב נשאר פתוח.</translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n dot(s) placed in this round?</source>
        <translation>
            <numerusform>למחוק את הנקודה שהוצבה בסבב הזה?</numerusform>
            <numerusform>למחוק את %n הנקודות שהוצבו בסבב הזה?</numerusform>
        </translation>
    </message>
    <message>
        <source>A voting round is open. Record its votes before leaving workshop mode?</source>
        <translation>סבב הצבעה פתוח. לרשום את ההצבעות לפני היציאה ממצב סדנה?</translation>
    </message>
    <message>
        <source>Zoom in to see the notes you vote on, or use the list of notes.</source>
        <translation>הגדילו כדי לראות את ההערות שעליהן מצביעים, או השתמשו ברשימת ההערות.</translation>
    </message>
    <message>
        <source>This chip stands for several notes: choose one in the list of notes.</source>
        <translation>תג זה מייצג כמה הערות: בחרו אחת ברשימת ההערות.</translation>
    </message>
    <message>
        <source>Place Dot</source>
        <translation>הצבת נקודה</translation>
    </message>
    <message>
        <source>Participant 1</source>
        <translation>משתתף 1</translation>
    </message>
    <message>
        <source>Each participant gets the same number of dots and puts them on the pain points and opportunities they would act on first, several on one note if they like.</source>
        <translation>כל משתתף מקבל אותו מספר נקודות ומציב אותן על נקודות הכאב וההזדמנויות שבהן היה מטפל קודם, גם כמה על הערה אחת אם ירצה.</translation>
    </message>
    <message>
        <source>Optional, one per line:
Dana
Eli</source>
        <translation>רשות, אחד בכל שורה:
דנה
אלי</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>משתתפים:</translation>
    </message>
    <message>
        <source>Dots each:</source>
        <translation>נקודות לכל אחד:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>שמות:</translation>
    </message>
    <message>
        <source>Start Voting</source>
        <translation>התחלת ההצבעה</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>משתתף %1</translation>
    </message>
    <message>
        <source>Current participant</source>
        <translation>המשתתף הנוכחי</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>▶ הקודם</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>הבא ◀</translation>
    </message>
    <message>
        <source>Undo Dot</source>
        <translation>ביטול נקודה</translation>
    </message>
    <message>
        <source>Take back the last dot (Ctrl+Z)</source>
        <translation>החזרת הנקודה האחרונה (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Close Round</source>
        <translation>סגירת הסבב</translation>
    </message>
    <message>
        <source>Record every dot as votes on the notes</source>
        <translation>רישום כל נקודה כהצבעה על ההערות</translation>
    </message>
    <message>
        <source>Cancel Round</source>
        <translation>ביטול הסבב</translation>
    </message>
    <message>
        <source>Discard this round&apos;s dots</source>
        <translation>מחיקת הנקודות של הסבב</translation>
    </message>
    <message>
        <source>New Round…</source>
        <translation>סבב חדש…</translation>
    </message>
    <message>
        <source>Start another round of dot voting</source>
        <translation>התחלת סבב נוסף של הצבעת נקודות</translation>
    </message>
    <message>
        <source>Put the voting banner and the list of notes away</source>
        <translation>הסתרת פס ההצבעה ורשימת הפתקים</translation>
    </message>
    <message numerus="yes">
        <source>Round closed: %n dot(s) recorded</source>
        <translation>
            <numerusform>הסבב נסגר: נקודה אחת נרשמה</numerusform>
            <numerusform>הסבב נסגר: %n נקודות נרשמו</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They count as votes on %n note(s) now; Ctrl+Z takes them back.</source>
        <translation>
            <numerusform>הן נספרות עכשיו כהצבעות על פתק אחד; Ctrl+Z מבטל אותן.</numerusform>
            <numerusform>הן נספרות עכשיו כהצבעות על %n פתקים; Ctrl+Z מבטל אותן.</numerusform>
        </translation>
    </message>
    <message>
        <source>Round closed: no dots were placed</source>
        <translation>הסבב נסגר: לא הוצבו נקודות</translation>
    </message>
    <message>
        <source>Start another round, or put the banner away.</source>
        <translation>אפשר להתחיל סבב נוסף, או להסתיר את הפס.</translation>
    </message>
    <message>
        <source>All dots are placed</source>
        <translation>כל הנקודות הוצבו</translation>
    </message>
    <message>
        <source>Close the round to record the votes, or Ctrl+Z to take a dot back.</source>
        <translation>סגרו את הסבב כדי לרשום את ההצבעות, או Ctrl+Z כדי להחזיר נקודה.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 dots left</source>
        <translation>%1: נשארו %2 מתוך %3 נקודות</translation>
    </message>
    <message>
        <source>Participant %1 of %2 · click a note to give a dot · %3 placed in all</source>
        <translation>משתתף %1 מתוך %2 · לחצו על הערה כדי לתת נקודה · %3 הוצבו בסך הכול</translation>
    </message>
    <message>
        <source>whole map</source>
        <translation>המפה כולה</translation>
    </message>
    <message>
        <source>Paste the room&apos;s address.</source>
        <translation>הדביקו את כתובת החדר.</translation>
    </message>
    <message>
        <source>This is not a room&apos;s address: it looks like http://HOST:PORT/ROOM?key=KEY</source>
        <translation>זו אינה כתובת של חדר: כתובת חדר נראית כך http://HOST:PORT/ROOM?key=KEY</translation>
    </message>
    <message>
        <source>Join Live Session</source>
        <translation>הצטרפות למפגש חי</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>הצטרפות</translation>
    </message>
    <message>
        <source>The room&apos;s address, as the host gave it:</source>
        <translation>כתובת החדר, כפי שהמארח מסר אותה:</translation>
    </message>
    <message>
        <source>Live Session Started</source>
        <translation>המפגש החי נפתח</translation>
    </message>
    <message>
        <source>Everyone joins with this link (this server has one key per room); keep it among the workshop&apos;s people.</source>
        <translation>כולם מצטרפים בקישור הזה (בשרת הזה יש מפתח אחד לכל חדר); שמרו אותו בין משתתפי הסדנה.</translation>
    </message>
    <message>
        <source>Give the participant link to the room; keep the facilitator link for who runs the workshop.</source>
        <translation>תנו את קישור המשתתפים לכל החדר; את קישור המנחה שמרו למי שמנחה את הסדנה.</translation>
    </message>
    <message>
        <source>Facilitator (editors)</source>
        <translation>מנחה (עורכים)</translation>
    </message>
    <message>
        <source>Participants (phones and browsers)</source>
        <translation>משתתפים (טלפונים ודפדפנים)</translation>
    </message>
    <message>
        <source>Viewers (read only)</source>
        <translation>צופים (קריאה בלבד)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>העתקה</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>כולם</translation>
    </message>
    <message>
        <source>The room refused an edit: this room&apos;s address lets you take part, not edit the map. Your map stays open; Save a Copy keeps it.</source>
        <translation>החדר סירב לעריכה: הכתובת הזו מאפשרת להשתתף, לא לערוך את המפה. המפה נשארת פתוחה; שמירת עותק תשמור אותה.</translation>
    </message>
    <message>
        <source>The room refused to let you in: no such room, or a wrong key.</source>
        <translation>החדר סירב להכניס אתכם: אין חדר כזה, או שהמפתח שגוי.</translation>
    </message>
    <message>
        <source>Live: the room&apos;s map cannot be read</source>
        <translation>מפגש חי: אי אפשר לקרוא את המפה של החדר</translation>
    </message>
    <message numerus="yes">
        <source>Live: connected · %n people</source>
        <translation>
            <numerusform>מפגש חי: מחובר · אדם אחד</numerusform>
            <numerusform>מפגש חי: מחובר · %n אנשים</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: connecting…</source>
        <translation>מפגש חי: מתחבר…</translation>
    </message>
    <message>
        <source>Live: reconnecting…</source>
        <translation>מפגש חי: מתחבר מחדש…</translation>
    </message>
    <message>
        <source>Live: refused</source>
        <translation>מפגש חי: נדחה</translation>
    </message>
    <message>
        <source>Live: left</source>
        <translation>מפגש חי: יצאתם</translation>
    </message>
    <message>
        <source>Live: offline — your edits are kept</source>
        <translation>מפגש חי: אין חיבור — העריכות שלכם נשמרות</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>מישהו</translation>
    </message>
    <message>
        <source>Cannot join the live session</source>
        <translation>אי אפשר להצטרף למפגש החי</translation>
    </message>
    <message>
        <source>This is a participant&apos;s link: open it in a browser (on a phone, scan its QR code). The editor joins a room with the facilitator&apos;s link.</source>
        <translation>זה קישור של משתתף: פתחו אותו בדפדפן (בטלפון, סרקו את קוד ה־QR שלו). העורך מצטרף לחדר בקישור של המנחה.</translation>
    </message>
    <message>
        <source>This is a viewer&apos;s link: open it in a browser. The editor joins a room with the facilitator&apos;s link.</source>
        <translation>זה קישור של צופה: פתחו אותו בדפדפן. העורך מצטרף לחדר בקישור של המנחה.</translation>
    </message>
    <message>
        <source>Cannot start the live session</source>
        <translation>אי אפשר לפתוח את המפגש החי</translation>
    </message>
    <message>
        <source>The room server did not start.</source>
        <translation>שרת החדרים לא עלה.</translation>
    </message>
    <message>
        <source>Open a Voting Round</source>
        <translation>פתיחת סבב הצבעה</translation>
    </message>
    <message>
        <source>Dots for each participant:</source>
        <translation>נקודות לכל משתתף:</translation>
    </message>
    <message>
        <source>Voting round open: %1 dots for each participant.</source>
        <translation>סבב ההצבעה פתוח: %1 נקודות לכל משתתף.</translation>
    </message>
    <message>
        <source>No voting round is open.</source>
        <translation>אין סבב הצבעה פתוח.</translation>
    </message>
    <message>
        <source>Record Room Votes</source>
        <translation>רישום הצבעות החדר</translation>
    </message>
    <message>
        <source>Voting round closed: %1 dots recorded.</source>
        <translation>סבב ההצבעה נסגר: נרשמו %1 נקודות.</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>שמירת עותק</translation>
    </message>
    <message>
        <source>Cannot save the copy</source>
        <translation>אי אפשר לשמור את העותק</translation>
    </message>
    <message>
        <source>Saved a copy: %1</source>
        <translation>נשמר עותק: %1</translation>
    </message>
    <message>
        <source>live: %1</source>
        <translation>מפגש חי: %1</translation>
    </message>
    <message>
        <source>the stage was removed by someone else</source>
        <translation>השלב הוסר על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the stage was changed by someone else</source>
        <translation>השלב שונה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the touchpoint was removed by someone else</source>
        <translation>נקודת המגע הוסרה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the touchpoint was changed by someone else</source>
        <translation>נקודת המגע שונתה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the note was removed by someone else</source>
        <translation>ההערה הוסרה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the note was changed by someone else</source>
        <translation>ההערה שונתה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the action was removed by someone else</source>
        <translation>הפעולה הוסרה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the action was changed by someone else</source>
        <translation>הפעולה שונתה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the persona was removed by someone else</source>
        <translation>הפרסונה הוסרה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the persona was changed by someone else</source>
        <translation>הפרסונה שונתה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the stages were reordered by someone else</source>
        <translation>סדר השלבים שונה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the map details were changed by someone else</source>
        <translation>פרטי המפה שונו על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the element was removed by someone else</source>
        <translation>הרכיב הוסר על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>the element was changed by someone else</source>
        <translation>הרכיב שונה על ידי מישהו אחר</translation>
    </message>
    <message>
        <source>Undo skipped: %1</source>
        <translation>הביטול דולג: %1</translation>
    </message>
    <message>
        <source>Redo skipped: %1</source>
        <translation>הביצוע החוזר דולג: %1</translation>
    </message>
    <message>
        <source>Click a cell of a lane first, then flag it.</source>
        <translation>יש ללחוץ קודם על תא בנתיב, ואז לסמן אותו.</translation>
    </message>
    <message>
        <source>Fail Point</source>
        <translation>נקודת כשל</translation>
    </message>
    <message>
        <source>Wait Point</source>
        <translation>נקודת המתנה</translation>
    </message>
    <message>
        <source>Hide This Lane</source>
        <translation>הסתרת הנתיב הזה</translation>
    </message>
    <message>
        <source>Remove This Lane</source>
        <translation>הסרת הנתיב הזה</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>הוספת נתיב</translation>
    </message>
    <message>
        <source>Add Lanes</source>
        <translation>הוספת נתיבים</translation>
    </message>
    <message>
        <source>Move Lane</source>
        <translation>הזזת נתיב</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>שינוי שם נתיב</translation>
    </message>
    <message>
        <source>Show Lane</source>
        <translation>הצגת נתיב</translation>
    </message>
    <message>
        <source>Hide Lane</source>
        <translation>הסתרת נתיב</translation>
    </message>
    <message>
        <source>Remove Lane</source>
        <translation>הסרת נתיב</translation>
    </message>
    <message>
        <source>Edit Cell</source>
        <translation>עריכת תא</translation>
    </message>
    <message>
        <source>Mark Fail Point</source>
        <translation>סימון נקודת כשל</translation>
    </message>
    <message>
        <source>Mark Wait Point</source>
        <translation>סימון נקודת המתנה</translation>
    </message>
    <message>
        <source>Clear Mark</source>
        <translation>ניקוי סימון</translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation>מפה חדשה מתבנית</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;תבנית:</translation>
    </message>
    <message>
        <source>Map &amp;language:</source>
        <translation>&amp;שפת המפה:</translation>
    </message>
    <message>
        <source>The picture could not be read: %1</source>
        <translation>לא ניתן לקרוא את התמונה: %1</translation>
    </message>
    <message>
        <source>This is not a picture: use a PNG or JPEG image.</source>
        <translation>זו אינה תמונה: השתמשו בתמונת PNG או JPEG.</translation>
    </message>
    <message>
        <source>Set Picture</source>
        <translation>הוספת תמונה</translation>
    </message>
    <message>
        <source>Remove Picture</source>
        <translation>הסרת תמונה</translation>
    </message>
    <message>
        <source>This is not a picture CX Designer can use: use a PNG or JPEG image.</source>
        <translation>אי אפשר להשתמש בתמונה הזו ב־CX Designer: השתמשו בתמונת PNG או JPEG.</translation>
    </message>
    <message>
        <source>The picture is damaged and cannot be read.</source>
        <translation>התמונה פגומה ואי אפשר לקרוא אותה.</translation>
    </message>
    <message>
        <source>The picture has too many pixels to open safely.</source>
        <translation>בתמונה יש יותר מדי פיקסלים כדי לפתוח אותה בבטחה.</translation>
    </message>
    <message>
        <source>The picture is too large: a picture may take at most %1.</source>
        <translation>התמונה גדולה מדי: תמונה יכולה לתפוס לכל היותר %1.</translation>
    </message>
    <message>
        <source>The map&apos;s pictures would pass %1 in all: remove a picture first.</source>
        <translation>התמונות במפה יעברו את %1 בסך הכול: הסירו קודם תמונה.</translation>
    </message>
    <message>
        <source>Drop a PNG or JPEG on the card, or paste one.</source>
        <translation>גררו קובץ PNG או JPEG אל הכרטיס, או הדביקו אחד.</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>בחירת תמונה…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>הסרת התמונה</translation>
    </message>
    <message>
        <source>(picture cannot be shown)</source>
        <translation>(לא ניתן להציג את התמונה)</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>אין תמונה</translation>
    </message>
    <message>
        <source>Choose Picture</source>
        <translation>בחירת תמונה</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>תמונות (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>תמונה</translation>
    </message>
    <message>
        <source>Import Feedback</source>
        <translation>ייבוא משוב</translation>
    </message>
    <message>
        <source>Assign Feedback</source>
        <translation>שיוך משוב</translation>
    </message>
    <message>
        <source>Note from Feedback</source>
        <translation>הערה מתוך משוב</translation>
    </message>
    <message>
        <source>Take Snapshot</source>
        <translation>יצירת תמונת מצב</translation>
    </message>
    <message>
        <source>Filter by words</source>
        <translation>סינון לפי מילים</translation>
    </message>
    <message>
        <source>Filter feedback by words</source>
        <translation>סינון המשוב לפי מילים</translation>
    </message>
    <message>
        <source>Filter feedback by touchpoint</source>
        <translation>סינון המשוב לפי נקודת מגע</translation>
    </message>
    <message>
        <source>Filter feedback by source</source>
        <translation>סינון המשוב לפי מקור</translation>
    </message>
    <message>
        <source>Filter feedback by score</source>
        <translation>סינון המשוב לפי ציון</translation>
    </message>
    <message>
        <source>Any score</source>
        <translation>כל ציון</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>ממליצים (9–10)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>פסיביים (7–8)</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>מלעיזים (0–6)</translation>
    </message>
    <message>
        <source>Dissatisfied (CSAT 1–2)</source>
        <translation>לא מרוצים (CSAT 1–2)</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>ללא ציון</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>מ־שששש-חח-יי</translation>
    </message>
    <message>
        <source>Feedback dated on or after</source>
        <translation>משוב מתאריך זה ואילך</translation>
    </message>
    <message>
        <source>To YYYY-MM-DD</source>
        <translation>עד שששש-חח-יי</translation>
    </message>
    <message>
        <source>Feedback dated on or before</source>
        <translation>משוב עד תאריך זה</translation>
    </message>
    <message>
        <source>Feedback items</source>
        <translation>פריטי משוב</translation>
    </message>
    <message>
        <source>The chosen feedback item</source>
        <translation>פריט המשוב שנבחר</translation>
    </message>
    <message>
        <source>Assign to Touchpoint</source>
        <translation>שיוך לנקודת מגע</translation>
    </message>
    <message>
        <source>Make Note</source>
        <translation>יצירת הערה</translation>
    </message>
    <message>
        <source>Delete Feedback</source>
        <translation>מחיקת משוב</translation>
    </message>
    <message numerus="yes">
        <source>Title of the note (feedback items cited: %n):</source>
        <translation>
            <numerusform>כותרת ההערה (מצטטת פריט משוב אחד):</numerusform>
            <numerusform>כותרת ההערה (מצטטת %n פריטי משוב):</numerusform>
        </translation>
    </message>
    <message>
        <source>All touchpoints</source>
        <translation>כל נקודות המגע</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>לא משויך</translation>
    </message>
    <message>
        <source>Untitled touchpoint</source>
        <translation>נקודת מגע ללא שם</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>כל המקורות</translation>
    </message>
    <message>
        <source>Write a date as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>כתבו תאריך בצורה שששש-חח-יי, למשל 2026-03-31.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 מתוך %2</translation>
    </message>
    <message>
        <source>CSAT %1%</source>
        <translation>CSAT %1%</translation>
    </message>
    <message numerus="yes">
        <source>Personal data masked: %n</source>
        <translation>
            <numerusform>פרטים אישיים שהוסתרו: אחד</numerusform>
            <numerusform>פרטים אישיים שהוסתרו: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence for: %1</source>
        <translation>ראיה עבור: %1</translation>
    </message>
    <message>
        <source>Not matched to a touchpoint yet.</source>
        <translation>עדיין לא שויך לנקודת מגע.</translation>
    </message>
    <message>
        <source>Likeliest touchpoints: %1</source>
        <translation>נקודות המגע הסבירות ביותר: %1</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (הצעה)</translation>
    </message>
    <message>
        <source>Choose Touchpoint…</source>
        <translation>בחירת נקודת מגע…</translation>
    </message>
    <message>
        <source>The map has no touchpoint yet.</source>
        <translation>אין עדיין נקודות מגע במפה.</translation>
    </message>
    <message>
        <source>Touchpoint:</source>
        <translation>נקודת מגע:</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>הסקירה הבאה</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;סקירה</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot…</source>
        <translation>&amp;יצירת תמונת מצב…</translation>
    </message>
    <message>
        <source>Keep the map as it is today, to compare with at the next review</source>
        <translation>שמירת המפה כפי שהיא היום, להשוואה בסקירה הבאה</translation>
    </message>
    <message>
        <source>&amp;Compare with Snapshot…</source>
        <translation>&amp;השוואה לתמונת מצב…</translation>
    </message>
    <message>
        <source>What changed since a snapshot: NPS, CSAT, emotions, notes and actions</source>
        <translation>מה השתנה מאז תמונת מצב: NPS,‏ CSAT, רגשות, הערות ופעולות</translation>
    </message>
    <message>
        <source>Review %1</source>
        <translation>סקירה %1</translation>
    </message>
    <message>
        <source>Name of the snapshot:</source>
        <translation>שם תמונת המצב:</translation>
    </message>
    <message>
        <source>A snapshot needs a name.</source>
        <translation>לתמונת מצב צריך שם.</translation>
    </message>
    <message>
        <source>Snapshot “%1” taken; the next review is due on %2.</source>
        <translation>נוצרה תמונת המצב „%1”; הסקירה הבאה ב־%2.</translation>
    </message>
    <message>
        <source>Review overdue since %1</source>
        <translation>הסקירה באיחור מאז %1</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>הסקירה הבאה: %1</translation>
    </message>
    <message>
        <source>What the import noticed</source>
        <translation>מה הייבוא הבחין בו</translation>
    </message>
    <message>
        <source>Keep personal data (names, e-mail addresses, phone, ID and card numbers)</source>
        <translation>שמירת פרטים אישיים (שמות, כתובות מייל, טלפונים, מספרי זהות וכרטיסים)</translation>
    </message>
    <message>
        <source>By default they are masked before they enter the map; keep them only if you may store them.</source>
        <translation>כברירת מחדל הם מוסתרים לפני שהם נכנסים למפה; שמרו אותם רק אם מותר לכם לאחסן אותם.</translation>
    </message>
    <message>
        <source>Nothing can be imported: %1</source>
        <translation>אי אפשר לייבא דבר: %1</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 about a touchpoint named in the file, %4 pieces of personal data masked</source>
        <translation>%1: %2 פריטים, %3 על נקודת מגע שצוינה בקובץ, %4 פרטים אישיים הוסתרו</translation>
    </message>
    <message>
        <source>The items without a touchpoint wait in the Feedback panel, with the likeliest touchpoints suggested.</source>
        <translation>הפריטים שאין להם נקודת מגע ממתינים בחלונית המשוב, עם הצעות לנקודות המגע הסבירות ביותר.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n Item(s)</source>
        <translation>
            <numerusform>ייבוא פריט אחד</numerusform>
            <numerusform>ייבוא %n פריטים</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Feedback Folder</source>
        <translation>ייבוא משוב מתיקייה</translation>
    </message>
    <message>
        <source>Feedback (%1)</source>
        <translation>משוב (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>כל הקבצים (*)</translation>
    </message>
    <message>
        <source>Cannot import feedback</source>
        <translation>אי אפשר לייבא את המשוב</translation>
    </message>
    <message>
        <source>Imported %1 items: %2 matched, %3 to sort, %4 pieces of personal data masked.</source>
        <translation>יובאו %1 פריטים: %2 שויכו, %3 ממתינים למיון, %4 פרטים אישיים הוסתרו.</translation>
    </message>
</context>
<context>
    <name>chip</name>
    <message>
        <source>P</source>
        <translation>כ</translation>
    </message>
    <message>
        <source>O</source>
        <translation>ה</translation>
    </message>
    <message>
        <source>S</source>
        <translation>ח</translation>
    </message>
    <message>
        <source>W</source>
        <translation>ל</translation>
    </message>
    <message>
        <source>T</source>
        <translation>א</translation>
    </message>
    <message>
        <source>I</source>
        <translation>ת</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Untitled stage</source>
        <translation>שלב ללא שם</translation>
    </message>
    <message>
        <source>Untitled touchpoint</source>
        <translation>נקודת מגע ללא שם</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>There is not enough memory for a picture of %1 x %2 pixels; try a smaller scale.</source>
        <translation>אין די זיכרון לתמונה של %1 על %2 פיקסלים; נסו קנה מידה קטן יותר.</translation>
    </message>
    <message>
        <source>The picture could not be encoded as PNG.</source>
        <translation>לא ניתן היה לקודד את התמונה כ־PNG.</translation>
    </message>
</context>
</TS>
