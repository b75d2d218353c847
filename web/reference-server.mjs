// The reference y-websocket server (@y/websocket-server, the one the Yjs project
// publishes) for the live tests, as its own src/server.js runs it, except that it:
// listens on 127.0.0.1 only, on the port given (0: any free one) and prints
// "PORT <n>" once listening, so a test never guesses a free port; and ends when its
// stdin closes, so a test that dies takes its server with it.
//   node web/reference-server.mjs [PORT]
import http from 'node:http'
import WebSocket from 'ws' // the server's own ws (6.x), as its src/server.js uses it
import { setupWSConnection } from '@y/websocket-server/utils'

const wss = new WebSocket.Server({ noServer: true })
wss.on('connection', setupWSConnection)
const server = http.createServer((_request, response) => {
  response.writeHead(404, { 'Content-Type': 'text/plain' })
  response.end('not found')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`PORT ${server.address().port}`)
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('close', () => process.exit(0))
process.stdin.resume()
