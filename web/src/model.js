// Reading the shared map (docs/collaboration.md, "Shape (version 1)") into what the page
// shows, and the page's only writes: a note about a touchpoint, and dots on a ballot.
// Pure functions of a Y.Doc; no DOM here.
import * as Y from 'yjs'

export const ROOT = 'cxmap'
export const NOTE_KINDS = ['pain_point', 'opportunity', 'insight']
export const VOTABLE = new Set(['pain_point', 'opportunity'])
export const MAX_TITLE = 200
export const MAX_DETAILS = 2000
export const VERSION = 1 // of the document's shape (docs/collaboration.md); a newer one is refused

/** A document of a newer shape than this page knows: it may mean anything. */
export class NewerVersion extends Error {}

const str = (v) => (typeof v === 'string' ? v : '')
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const isMap = (v) => v instanceof Y.Map

/** The map's id → Y.Map entries of one kind. */
function nodesOf (nodes, kind) {
  const out = []
  nodes.forEach((node, id) => { if (isMap(node) && node.get('kind') === kind) out.push([id, node]) })
  return out
}

/** The pair a link key names, or null for a key that is not JSON.stringify([a, b]). */
export function parseEdgeKey (key) {
  try {
    const pair = JSON.parse(key)
    if (Array.isArray(pair) && pair.length === 2 && pair.every((e) => typeof e === 'string')) return pair
  } catch (e) { /* not a link key: skipped, as the Python reader drops it */ }
  return null
}

/**
 * What the page shows: {title, language, stages: [{id, title, touchpoints: [{id, title,
 * channel, notes: [{id, kind, title, tally, mine}]}]}], round, left}, or null when the
 * document holds no map yet.  A touchpoint is in the stage of its first `in_stage`
 * link (by key, as the Python reader repairs two), ordered by x; stages follow
 * stage_order, each once, as the file loader keeps them.
 */
export function readMap (doc, voterId) {
  const root = doc.getMap(ROOT)
  const nodes = root.get('nodes')
  const edges = root.get('edges')
  const document = root.get('document')
  if (!isMap(nodes) || !isMap(edges)) return null
  const version = root.get('version')
  if (typeof version === 'number' && version > VERSION) throw new NewerVersion(version)
  const stageOf = new Map()
  const targetOf = new Map()
  for (const key of [...edges.keys()].sort()) {
    const pair = parseEdgeKey(key)
    if (!pair) continue
    const kind = edges.get(key)
    if (kind === 'in_stage' && !stageOf.has(pair[0])) stageOf.set(pair[0], pair[1])
    if (kind === 'about' && !targetOf.has(pair[0])) targetOf.set(pair[0], pair[1])
  }
  const round = readRound(root)
  const ballots = round.open ? ballotsOf(root, round.id) : { tallies: new Map(), mine: new Map() }
  const mine = ballots.mine.get(voterId) || new Map()
  const notesOf = new Map()
  for (const [id, note] of nodesOf(nodes, 'note')) {
    const target = targetOf.get(id)
    if (!target) continue
    const kind = str(note.get('note_kind')) || 'insight'
    const list = notesOf.get(target) || []
    list.push({ id, kind, title: str(note.get('title')), tally: ballots.tallies.get(id) || 0, mine: mine.get(id) || 0 })
    notesOf.set(target, list)
  }
  const touchpointsOf = new Map()
  for (const [id, tp] of nodesOf(nodes, 'touchpoint')) {
    const stage = stageOf.get(id)
    const list = touchpointsOf.get(stage) || []
    // Notes by id: the same order on every phone (a Y.Map's order is not).
    const notes = (notesOf.get(id) || []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    list.push({ id, title: str(tp.get('title')), channel: str(tp.get('channel')), x: num(tp.get('x')), notes })
    touchpointsOf.set(stage, list)
  }
  const order = root.get('stage_order')
  const seen = new Set()
  const stages = []
  for (const id of order instanceof Y.Array ? order.toArray() : []) {
    const stage = nodes.get(id)
    if (typeof id !== 'string' || seen.has(id) || !isMap(stage) || stage.get('kind') !== 'stage') continue
    seen.add(id)
    const tps = (touchpointsOf.get(id) || []).sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1))
    stages.push({ id, title: str(stage.get('title')), touchpoints: tps })
  }
  let spent = 0
  mine.forEach((n) => { spent += n })
  return {
    title: isMap(document) ? str(document.get('title')) : '',
    language: isMap(document) ? str(document.get('language')) : '',
    stages,
    round,
    left: Math.max(0, round.dots - spent)
  }
}

/** The voting round: {id, open, dots}; closed when absent or malformed. */
export function readRound (root) {
  const round = root.get('round')
  if (!isMap(round)) return { id: '', open: false, dots: 0 }
  const id = str(round.get('id'))
  const dots = Math.max(0, Math.floor(num(round.get('dots'))))
  return { id, open: round.get('open') === true && id !== '', dots }
}

/** Per note, the round's tally; per voter, their ballot (note id → dots). */
export function ballotsOf (root, roundId) {
  const tallies = new Map()
  const mine = new Map()
  const ballots = root.get('ballots')
  if (!isMap(ballots)) return { tallies, mine }
  const prefix = roundId + '/'
  ballots.forEach((ballot, key) => {
    if (!key.startsWith(prefix) || !isMap(ballot)) return
    const voter = new Map()
    ballot.forEach((n, noteId) => {
      const dots = Math.floor(num(n))
      if (dots < 1) return
      voter.set(noteId, dots)
      tallies.set(noteId, (tallies.get(noteId) || 0) + dots)
    })
    mine.set(key.slice(prefix.length), voter)
  })
  return { tallies, mine }
}

/** Characters as Python counts them (code points), for the server's limits. */
export const length = (s) => [...s].length

/** The problem with a note's fields (a key of the strings table), or '' when fine. */
export function checkNote (title, details) {
  if (!title.trim()) return 'needTitle'
  if (length(title.trim()) > MAX_TITLE) return 'titleTooLong'
  if (length(details.trim()) > MAX_DETAILS) return 'detailsTooLong'
  return ''
}

/** A uuid4 from getRandomValues: crypto.randomUUID exists only on https or localhost,
 * and a room server on the workshop's wifi is plain http. */
export function uuid4 () {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Adds a note about a touchpoint, and its `about` link, in one transaction (the
 * contract's shape: the room server accepts exactly this from a participant). */
export function addNote (doc, touchpointId, kind, title, details) {
  const root = doc.getMap(ROOT)
  const nodes = root.get('nodes')
  const edges = root.get('edges')
  if (!NOTE_KINDS.includes(kind) || checkNote(title, details)) throw new Error('invalid note')
  const id = uuid4()
  doc.transact(() => {
    const note = new Y.Map()
    note.set('kind', 'note')
    note.set('note_kind', kind)
    note.set('title', title.trim())
    note.set('description', details.trim())
    nodes.set(id, note)
    edges.set(JSON.stringify([id, touchpointId]), 'about')
  })
  return id
}

/** Spends (+1) or takes back (-1) one of the voter's dots on a note, within the round's
 * dots.  Returns whether anything was written. */
export function moveDot (doc, voterId, noteId, step) {
  const root = doc.getMap(ROOT)
  const round = readRound(root)
  if (!round.open) return false
  const key = `${round.id}/${voterId}`
  let ballots = root.get('ballots')
  let ballot = isMap(ballots) ? ballots.get(key) : undefined
  const current = isMap(ballot) ? Math.floor(num(ballot.get(noteId))) : 0
  let spent = 0
  if (isMap(ballot)) ballot.forEach((n) => { spent += Math.floor(num(n)) })
  if (step > 0 && spent >= round.dots) return false
  if (step < 0 && current < 1) return false
  doc.transact(() => {
    // The editor makes `ballots` with the round; made here only if it did not, and
    // then two pages making it at once keep one (a participant's first dot may be lost).
    if (!isMap(ballots)) { ballots = new Y.Map(); root.set('ballots', ballots) }
    if (!isMap(ballot)) { ballot = new Y.Map(); ballots.set(key, ballot) }
    const next = current + step
    if (next >= 1) ballot.set(noteId, next)
    else ballot.delete(noteId)
  })
  return true
}
