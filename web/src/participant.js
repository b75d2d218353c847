// The participant page of a live workshop: a phone joins a room, sees the map's stages
// and touchpoints, adds notes about them and spends dots while a round is open.
// Contract: docs/participant-page.md (and the room contract in docs/collaboration.md).
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { localeFor } from './strings.js'
import { ROOT, NOTE_KINDS, VOTABLE, MAX_TITLE, MAX_DETAILS, NewerVersion, readMap, checkNote, addNote, moveDot } from './model.js'
import { el, clear } from './dom.js'

const ROLES = new Set(['facilitator', 'participant', 'viewer'])
const ROLE_TIMEOUT_MS = 5000

/** Room, key and websocket server from the page's URL: /ROOM?key=K[&ws=ws://HOST:PORT]. */
export function locate (loc) {
  const params = new URLSearchParams(loc.search)
  const room = decodeURIComponent(loc.pathname.split('/').filter(Boolean)[0] || '')
  const ws = params.get('ws') || ''
  const server = /^wss?:\/\/[^/?#]+$/.test(ws) ? ws : `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}`
  return { room, key: params.get('key') || '', server }
}

// A close code of the room server: it refused an update from this page (docs/
// collaboration.md). Reconnecting would send the same update again, and again.
const REFUSED_UPDATE = 4003

/** The role the room server gives this key; participant when it cannot tell (no such
 * endpoint, as under the reference server, or no answer in time); 'denied' on a 403,
 * the room server's answer to a wrong key or a room that is not there. */
async function fetchRole (room, key) {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), ROLE_TIMEOUT_MS)
  try {
    const answer = await fetch(`/${encodeURIComponent(room)}/role?key=${encodeURIComponent(key)}`,
      { signal: abort.signal, cache: 'no-store' })
    if (answer.status === 403) return 'denied'
    if (!answer.ok) return 'participant'
    const role = (await answer.json()).role
    return ROLES.has(role) ? role : 'participant'
  } catch (e) {
    return 'participant'
  } finally {
    clearTimeout(timer)
  }
}

/** This phone's voter id, made once: 16 random bytes, base64url (22 characters). */
function voterId () {
  const make = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  try {
    let id = localStorage.getItem('cxdesigner.voter')
    if (!id || !/^[A-Za-z0-9_-]{16,}$/.test(id)) { id = make(); localStorage.setItem('cxdesigner.voter', id) }
    return id
  } catch (e) {
    return make() // storage blocked: a voter for this page's life only
  }
}

function start () {
  const { room, key, server } = locate(window.location)
  const doc = new Y.Doc()
  const state = { role: 'participant', status: 'connecting', everConnected: false, stopped: '', voter: voterId() }
  const app = document.getElementById('app')
  let scheduled = false
  const render = () => {
    scheduled = false
    draw(app, doc, state)
  }
  const later = () => { if (!scheduled) { scheduled = true; setTimeout(render, 0) } }
  if (!room) {
    state.stopped = 'denied' // a link with no room in it
    draw(app, doc, state)
    return
  }
  const provider = new WebsocketProvider(server, room, doc, {
    params: key ? { key } : {},
    // y-websocket's own rule (no retry on 4400-4499), and none after a refused update
    shouldReconnect: (event) => event.code !== REFUSED_UPDATE && !(event.code >= 4400 && event.code < 4500)
  })
  provider.on('status', ({ status }) => {
    state.status = status
    if (status === 'connected') state.everConnected = true
    later()
  })
  provider.on('closed', ({ code }) => {
    state.stopped = code === REFUSED_UPDATE ? 'refused' : 'ended'
    later()
  })
  doc.on('update', later)
  fetchRole(room, key).then((role) => {
    if (role === 'denied') {
      state.stopped = 'denied'
      provider.disconnect()
    } else {
      state.role = role
    }
    later()
  })
  window.cxParticipant = { doc, provider, state } // for tests and for curious facilitators
  render()
}

/** The whole page from the document's state. Every text from the map goes in through
 * textContent (el), never as HTML: notes come from anyone in the room. */
function draw (app, doc, state) {
  let map = null
  let broken = ''
  try {
    map = readMap(doc, state.voter)
  } catch (e) {
    broken = e instanceof NewerVersion ? 'newer' : 'unreadable'
  }
  // The map's language; until there is a map, the phone's.
  const { lang, dir, t, badge } = localeFor(map ? map.language : (navigator.language || '').slice(0, 2))
  document.documentElement.lang = lang
  document.documentElement.dir = dir
  document.body.dataset.status = state.status
  document.body.dataset.role = state.role
  const status = state.stopped ? 'stopped' : state.status === 'connected' ? 'connected' : state.everConnected ? 'reconnecting' : 'connecting'
  const readOnly = state.role === 'viewer' || Boolean(state.stopped)
  clear(app)
  const header = el('header', { class: 'top' },
    el('h1', { dir: 'auto' }, map && map.title ? map.title : '\u00a0'),
    state.stopped ? null : el('p', { class: `status ${status}`, role: 'status' }, t[status]),
    state.role === 'viewer' ? el('p', { class: 'role' }, t.viewOnly) : null)
  app.append(header)
  if (state.stopped) {
    // The connection will not come back by itself: say why, and offer a fresh start.
    header.append(el('div', { class: 'stopped', role: 'alert', 'data-stopped': state.stopped },
      el('p', {}, t[state.stopped]),
      state.stopped === 'denied' ? null : el('button', { type: 'button', onclick: () => window.location.reload() }, t.reload)))
    const sheet = document.getElementById('sheet')
    if (sheet) sheet.remove()
    if (state.stopped === 'denied') return // a wrong link: nothing of any room to show
  }
  if (broken || (!map && doc.getMap(ROOT).size)) {
    app.append(el('p', { class: 'notice' }, t[broken || 'unreadable']))
    return
  }
  if (!map) {
    app.append(el('p', { class: 'notice' }, t.waiting))
    return
  }
  const voting = map.round.open && !readOnly
  // In the sticky header, so the dots left stay in sight while scrolling to vote.
  if (voting) header.append(el('p', { class: 'banner', 'data-left': String(map.left) }, t.dotsLeft(map.left)))
  if (!readOnly) app.append(el('p', { class: 'hint' }, t.hint))
  for (const stage of map.stages) {
    const section = el('section', { class: 'stage', 'data-stage': stage.id },
      el('h2', { dir: 'auto' }, stage.title))
    if (!stage.touchpoints.length) section.append(el('p', { class: 'empty' }, t.emptyStage))
    for (const tp of stage.touchpoints) {
      const card = el('div', { class: 'touchpoint', 'data-touchpoint': tp.id })
      const label = el('span', { dir: 'auto' }, tp.title)
      card.append(readOnly
        ? el('p', { class: 'tp-title' }, label)
        : el('button', { class: 'tp-title', type: 'button', onclick: () => openSheet(doc, state, tp) }, label))
      if (tp.notes.length) {
        const list = el('ul', { class: 'notes' })
        for (const note of tp.notes) list.append(noteRow(doc, state, note, { t, badge, voting, left: map.left }))
        card.append(list)
      }
      section.append(card)
    }
    app.append(section)
  }
}

function noteRow (doc, state, note, { t, badge, voting, left }) {
  const kind = note.kind in badge ? note.kind : 'other'
  const label = t.kinds[note.kind] || ''
  const row = el('li', { class: `note ${kind}`, 'data-note': note.id },
    el('span', { class: 'badge', title: label, 'aria-label': label }, badge[kind]),
    el('span', { class: 'note-title', dir: 'auto' }, note.title))
  if (voting && VOTABLE.has(note.kind)) {
    const move = (step) => () => { moveDot(doc, state.voter, note.id, step) }
    // The live tally between take-back and spend: the number, and the voter's own dots.
    row.append(el('span', { class: 'votes' },
      el('button', { class: 'dot take', type: 'button', disabled: note.mine < 1, 'aria-label': `${t.takeBack} ${note.title}`, onclick: move(-1) }, '−'),
      el('span', { class: 'tally', title: t.tally(note.tally), 'data-tally': String(note.tally), 'data-mine': String(note.mine) },
        el('b', {}, String(note.tally)), el('small', {}, t.mine(note.mine))),
      el('button', { class: 'dot spend', type: 'button', disabled: left < 1, 'aria-label': `${t.spend} ${note.title}`, onclick: move(1) }, '●')))
  }
  return row
}

/** The form for a note about one touchpoint, as a sheet over the page, kept apart from
 * the list so a remote edit redrawing the list never loses what is being typed. */
function openSheet (doc, state, tp) {
  const { t } = localeFor(readMap(doc, state.voter)?.language)
  const old = document.getElementById('sheet')
  if (old) old.remove()
  let kind = 'pain_point'
  const error = el('p', { class: 'error', role: 'alert' })
  const title = el('input', { id: 'note-title', name: 'title', maxlength: String(MAX_TITLE), required: true, dir: 'auto', autocomplete: 'off' })
  const details = el('textarea', { id: 'note-details', name: 'details', maxlength: String(MAX_DETAILS), rows: '3', dir: 'auto' })
  const kinds = el('div', { class: 'kinds', role: 'radiogroup', 'aria-label': t.kind })
  const pick = (k) => {
    kind = k
    for (const b of kinds.children) b.setAttribute('aria-checked', String(b.dataset.kind === k))
  }
  for (const k of NOTE_KINDS) {
    kinds.append(el('button', { type: 'button', role: 'radio', class: `kind ${k}`, 'data-kind': k, onclick: () => pick(k) }, t[k]))
  }
  pick(kind)
  const close = () => sheet.remove()
  const submit = (event) => {
    event.preventDefault()
    const problem = checkNote(title.value, details.value)
    if (problem) {
      error.textContent = t[problem]
      return
    }
    addNote(doc, tp.id, kind, title.value, details.value)
    close()
    toast(t.added)
  }
  const sheet = el('div', { id: 'sheet', class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sheet-heading' },
    el('form', { onsubmit: submit, novalidate: true },
      el('h2', { id: 'sheet-heading' }, t.addNoteAbout, ' ', el('bdi', {}, tp.title)),
      kinds,
      el('label', { for: 'note-title' }, t.title), title,
      el('label', { for: 'note-details' }, t.details), details,
      error,
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary' }, t.add),
        el('button', { type: 'button', onclick: close }, t.cancel))))
  sheet.addEventListener('keydown', (event) => { if (event.key === 'Escape') close() })
  document.body.append(sheet)
  title.focus()
}

function toast (text) {
  const note = el('p', { class: 'toast', role: 'status' }, text)
  document.body.append(note)
  setTimeout(() => note.remove(), 2500)
}

if (typeof window !== 'undefined' && document.getElementById('app')) start()
