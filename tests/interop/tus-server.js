// A reference tus server (@tus/server with a file store) for testing FieldLedger's uploader.
//
//   node tus-server.js DIR
//
// Listens on a free loopback port and prints "listening on http://127.0.0.1:PORT/files".
'use strict'
const http = require('node:http')
const { Server } = require('@tus/server')
const { FileStore } = require('@tus/file-store')

const dir = process.argv[2]
const tusServer = new Server({ path: '/files', datastore: new FileStore({ directory: dir }) })
const server = http.createServer((req, res) => tusServer.handle(req, res))
server.listen(0, '127.0.0.1', () => {
  console.log('listening on http://127.0.0.1:' + server.address().port + '/files')
})
