// The page's few strings, in English and Hebrew. The page speaks the MAP's language
// (document.language), not the browser's: a Hebrew workshop reads right to left on
// every phone in the room, whatever each phone is set to.

const EN = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting… Your notes are kept and sent when the connection is back.',
  waiting: 'Waiting for the map…',
  unreadable: 'This page cannot read the shared map.',
  newer: 'This map was made by a newer CX Designer; this page cannot show it.',
  viewOnly: 'View only',
  denied: 'This link does not open a room. Ask the facilitator for the room\'s link.',
  refused: 'The room did not accept a change from this page. Reload the page to go on.',
  ended: 'The room closed the connection. Reload the page to join again.',
  reload: 'Reload',
  hint: 'Tap a touchpoint to add a note.',
  emptyStage: 'No touchpoints in this stage yet.',
  addNoteAbout: 'Add a note about:',
  kind: 'Kind',
  pain_point: 'Pain point',
  opportunity: 'Opportunity',
  insight: 'Idea',
  title: 'Title',
  details: 'Details (optional)',
  add: 'Add',
  cancel: 'Cancel',
  needTitle: 'Write a title.',
  titleTooLong: 'The title is too long: at most 200 characters.',
  detailsTooLong: 'The details are too long: at most 2,000 characters.',
  added: 'Note added.',
  spend: 'Spend a dot on',
  takeBack: 'Take back a dot from',
  dotsLeft: (n) => (n === 0 ? 'You have no dots left' : n === 1 ? 'You have 1 dot' : `You have ${n} dots`),
  tally: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  mine: (n) => `mine: ${n}`,
  kinds: { pain_point: 'Pain point', opportunity: 'Opportunity', insight: 'Idea', strength: 'Strength', weakness: 'Weakness', threat: 'Threat' }
}

const HE = {
  connecting: 'מתחבר…',
  connected: 'מחובר',
  reconnecting: 'מתחבר מחדש… ההערות שלך נשמרות ויישלחו כשהחיבור יחזור.',
  waiting: 'ממתין למפה…',
  unreadable: 'הדף לא מצליח לקרוא את המפה המשותפת.',
  newer: 'המפה הזו נוצרה בגרסה חדשה יותר של CX Designer, והדף הזה לא יכול להציג אותה.',
  viewOnly: 'צפייה בלבד',
  denied: 'הקישור הזה לא פותח חדר. בקשו מהמנחה את הקישור לחדר.',
  refused: 'החדר לא קיבל שינוי מהדף הזה. טענו את הדף מחדש כדי להמשיך.',
  ended: 'החדר סגר את החיבור. טענו את הדף מחדש כדי להצטרף שוב.',
  reload: 'טעינה מחדש',
  hint: 'הקישו על נקודת מגע כדי להוסיף הערה.',
  emptyStage: 'אין עדיין נקודות מגע בשלב הזה.',
  addNoteAbout: 'הערה חדשה על:',
  kind: 'סוג',
  pain_point: 'נקודת כאב',
  opportunity: 'הזדמנות',
  insight: 'רעיון',
  title: 'כותרת',
  details: 'פרטים (לא חובה)',
  add: 'הוספה',
  cancel: 'ביטול',
  needTitle: 'נא לכתוב כותרת.',
  titleTooLong: 'הכותרת ארוכה מדי: עד 200 תווים.',
  detailsTooLong: 'הפרטים ארוכים מדי: עד 2,000 תווים.',
  added: 'ההערה נוספה.',
  spend: 'הצבעה בנקודה על:',
  takeBack: 'החזרת הנקודה שניתנה ל:',
  dotsLeft: (n) => (n === 0 ? 'לא נשארו לך נקודות' : n === 1 ? 'נשארה לך נקודה אחת' : `נשארו לך ${n} נקודות`),
  tally: (n) => (n === 1 ? 'נקודה אחת' : `${n} נקודות`),
  mine: (n) => `שלי: ${n}`,
  kinds: { pain_point: 'נקודת כאב', opportunity: 'הזדמנות', insight: 'רעיון', strength: 'חוזקה', weakness: 'חולשה', threat: 'איום' }
}

// The letter in a note's badge: the first letter of its kind's word in each language.
const BADGE = {
  en: { pain_point: 'P', opportunity: 'O', insight: 'I', other: '•' },
  he: { pain_point: 'כ', opportunity: 'ה', insight: 'ר', other: '•' }
}

export const LANGUAGES = { en: EN, he: HE }

/** The strings, badges and direction for a map language ("he" or anything else). */
export function localeFor (language) {
  const lang = language === 'he' ? 'he' : 'en'
  return { lang, dir: lang === 'he' ? 'rtl' : 'ltr', t: LANGUAGES[lang], badge: BADGE[lang] }
}
