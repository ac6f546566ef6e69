// Starts the real AT Protocol PDS (@atproto/pds) with an in-memory PLC directory
// (@did-plc/server) on 127.0.0.1, creates an account and an app password through the PDS's
// own API, writes {service, identifier, app_password, did} to OUT_FILE, then runs until
// SIGTERM or LIFETIME seconds. Run with Node >= 22 from the cached install (NODE_PATH).
// usage: node sync_real_pds.cjs WORK_DIR OUT_FILE [LIFETIME_SECONDS]
'use strict'
const path = require('path')
const fs = require('fs')
const crypto = require('crypto')
const plc = require('@did-plc/server')
const pds = require('@atproto/pds')
const { Secp256k1Keypair } = require('@atproto/crypto')

async function xrpc(service, nsid, body, token) {
  const headers = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${service}/xrpc/${nsid}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${nsid} answered ${res.status}: ${JSON.stringify(json)}`)
  return json
}

async function main() {
  const [work, outFile, lifetime = '300'] = process.argv.slice(2)
  fs.mkdirSync(path.join(work, 'blobs'), { recursive: true })

  const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: 0 })
  await plcServer.start()
  const plcUrl = `http://127.0.0.1:${plcServer.server.address().port}`

  const rotation = await Secp256k1Keypair.create({ exportable: true })
  const port = 20000 + Math.floor(Math.random() * 20000)
  const env = {
    ...process.env,
    PDS_PORT: String(port),
    PDS_HOSTNAME: 'localhost',
    PDS_DEV_MODE: 'true',
    PDS_DATA_DIRECTORY: work,
    PDS_BLOBSTORE_DISK_LOCATION: path.join(work, 'blobs'),
    PDS_DID_PLC_URL: plcUrl,
    PDS_SERVICE_HANDLE_DOMAINS: '.test',
    PDS_INVITE_REQUIRED: 'false',
    PDS_JWT_SECRET: crypto.randomBytes(16).toString('hex'),
    PDS_ADMIN_PASSWORD: crypto.randomBytes(16).toString('hex'),
    PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: Buffer.from(await rotation.export()).toString('hex'),
    PDS_CRAWLERS: '',
    LOG_ENABLED: 'false',
  }
  Object.assign(process.env, env)
  const readEnv = pds.readEnv()
  const server = await pds.PDS.create(pds.envToCfg(readEnv), pds.envToSecrets(readEnv))
  await server.start()
  const service = `http://127.0.0.1:${port}`

  const password = crypto.randomBytes(12).toString('hex')
  const account = await xrpc(service, 'com.atproto.server.createAccount',
    { email: 'or@example.org', handle: 'orlive.test', password })
  const app = await xrpc(service, 'com.atproto.server.createAppPassword', { name: 'orlive' }, account.accessJwt)
  fs.writeFileSync(outFile + '.tmp', JSON.stringify({
    service, identifier: 'orlive.test', app_password: app.password, did: account.did,
  }))
  fs.renameSync(outFile + '.tmp', outFile)

  const stop = async () => { await server.destroy().catch(() => {}); await plcServer.destroy().catch(() => {}); process.exit(0) }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  setTimeout(stop, Number(lifetime) * 1000).unref()
  setInterval(() => {}, 1 << 30)
}

main().catch((err) => { console.error(`real PDS: ${err.stack || err}`); process.exit(2) })
