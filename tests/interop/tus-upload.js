// Uploads a file to a FieldLedger server with tus-js-client, the reference tus client, signing
// every request the way PROTOCOL.md says (FL-SIG-2: Ed25519 over method, path, time, nonce,
// body hash and the covered headers).
//
//   node tus-upload.js SERVER_URL FILE CONTENT_ID CAMPAIGN_UUID DEVICE_HEX SEED_HEX
//                      [--stop-after BYTES] [--resume UPLOAD_URL] [--chunk BYTES]
//
// Prints "url <upload url>" as soon as the upload exists, then "done <bytes>" or
// "stopped <bytes>". Exits non-zero on an error.
'use strict'
const crypto = require('node:crypto')
const fs = require('node:fs')
const tus = require('tus-js-client')

const [serverUrl, file, contentId, campaign, deviceHex, seedHex, ...rest] = process.argv.slice(2)
const opt = (name) => {
  const i = rest.indexOf(name)
  return i >= 0 ? rest[i + 1] : undefined
}
const stopAfter = opt('--stop-after') ? Number(opt('--stop-after')) : undefined
const resumeUrl = opt('--resume')
const chunkSize = opt('--chunk') ? Number(opt('--chunk')) : 256 * 1024

// PKCS#8 wrapping of a raw Ed25519 seed, so Node's crypto can use libsodium's key.
const privateKey = crypto.createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]),
  format: 'der',
  type: 'pkcs8',
})

class SigningHttpStack {
  constructor () { this.inner = new tus.DefaultHttpStack({}) }
  getName () { return 'SigningHttpStack' }
  createRequest (method, url) {
    const request = this.inner.createRequest(method, url)
    const send = request.send.bind(request)
    request.send = (body = null) => {
      const bytes = body instanceof Uint8Array ? Buffer.from(body) : Buffer.alloc(0)
      if (method === 'PATCH') {
        request.setHeader('Upload-Checksum', 'sha256 ' + crypto.createHash('sha256').update(bytes).digest('base64'))
      }
      const u = new URL(url)
      // Set here, not by Node, so that what is signed is what is sent. FieldLedger takes no
      // chunked bodies (411): Node sends one for a body without Content-Length.
      request.setHeader('Host', u.host)
      if (method !== 'GET' && method !== 'HEAD') {
        request.setHeader('Content-Length', String(bytes.length))
      }
      request.setHeader('X-FL-Device', deviceHex)
      const time = String(Date.now())
      const nonce = crypto.randomBytes(16).toString('hex')
      const header = (name) => {
        const key = Object.keys(request._headers).find((k) => k.toLowerCase() === name)
        return key === undefined ? '' : String(request.getHeader(key)).trim()
      }
      const covered = ['host', 'x-fl-device', 'content-type', 'content-range', 'range',
        'tus-resumable', 'upload-length', 'upload-offset', 'upload-metadata', 'upload-checksum',
        'upload-defer-length', 'upload-concat']
      const canonical = ['FL-SIG-2', method, u.pathname + u.search, time, nonce,
        crypto.createHash('sha256').update(bytes).digest('hex'),
        ...covered.map((name) => name + ':' + header(name))].join('\n')
      request.setHeader('X-FL-Time', time)
      request.setHeader('X-FL-Nonce', nonce)
      request.setHeader('X-FL-Signature', crypto.sign(null, Buffer.from(canonical), privateKey).toString('base64'))
      return send(body)
    }
    return request
  }
}

const data = fs.readFileSync(file)
let stopped = false
const upload = new tus.Upload(data, {
  endpoint: serverUrl.replace(/\/$/, '') + '/v1/blobs',
  uploadUrl: resumeUrl,
  httpStack: new SigningHttpStack(),
  chunkSize,
  retryDelays: [0, 200, 500],
  storeFingerprintForResuming: false,
  metadata: { content_id: contentId, campaign },
  onUploadUrlAvailable () { console.log('url ' + upload.url) },
  onChunkComplete (_chunk, accepted) {
    if (stopAfter !== undefined && accepted >= stopAfter && !stopped) {
      stopped = true
      upload.abort().then(() => { console.log('stopped ' + accepted); process.exit(0) })
    }
  },
  onSuccess () { console.log('done ' + data.length); process.exit(0) },
  onError (err) { console.error('error ' + err); process.exit(1) },
})
upload.start()
