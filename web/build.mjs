// Bundles web/src/participant.js (with yjs and y-websocket) into ONE static file,
// cxdesigner/live/static/participant.js, served by the room server with no network
// beyond it (no CDN). Its first line records what it was built from:
//   /* sources-sha256: <hex> */
// the sha256 over, in order, every file under web/src (sorted by path relative to
// web/, with "/") and then package-lock.json, each fed as
//   <path> NUL <bytes> NUL
// tests/test_participant_bundle.py recomputes it (in Python, no node) and fails when the
// bundle is older than its sources. `node build.mjs --check` only compares.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const WEB = dirname(fileURLToPath(import.meta.url))
const OUT = join(WEB, '..', 'cxdesigner', 'live', 'static', 'participant.js')

function files (dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)])
}

export function sourcesHash () {
  const rel = (p) => relative(WEB, p).split(sep).join('/')
  const paths = files(join(WEB, 'src')).map(rel).sort()
  paths.push('package-lock.json')
  const hash = createHash('sha256')
  for (const path of paths) {
    hash.update(Buffer.from(path, 'utf8'))
    hash.update(Buffer.from([0]))
    hash.update(readFileSync(join(WEB, path)))
    hash.update(Buffer.from([0]))
  }
  return hash.digest('hex')
}

const banner = `/* sources-sha256: ${sourcesHash()} */`
if (process.argv.includes('--check')) {
  const first = readFileSync(OUT, 'utf8').split('\n', 1)[0]
  if (first !== banner) {
    console.error('participant.js is older than web/src: run npm --prefix web run build')
    process.exit(1)
  }
  process.exit(0)
}
const result = await build({
  entryPoints: [join(WEB, 'src', 'participant.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  legalComments: 'none',
  charset: 'utf8',
  write: false
})
writeFileSync(OUT, `${banner}\n${result.outputFiles[0].text}`)
console.log(`wrote ${relative(process.cwd(), OUT)} (${result.outputFiles[0].contents.length} bytes)`)
