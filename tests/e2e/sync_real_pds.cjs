// The real AT Protocol PDS (@atproto/pds) and an in-memory PLC directory (@did-plc/server) on
// 127.0.0.1, as separate processes so a test can take the PDS down and bring it back on the
// same port with the same data (the PLC directory stays up, like the real one would).
//   node sync_real_pds.cjs plc OUT_FILE LIFETIME_S
//       writes {"plc_url"}; runs until SIGTERM or the lifetime ends.
//   node sync_real_pds.cjs pds DATA_DIR PLC_URL PORT OUT_FILE LIFETIME_S [create-account]
//       secrets are kept in DATA_DIR/secrets.json (made on first start), so a restart keeps
//       every token valid; with create-account, makes orlive.test and an app password and
//       writes {"service","identifier","app_password","did"}, else writes {"service"}.
// Run with Node >= 22 from the cached install (NODE_PATH), see sync_real_pds_setup.sh.
'use strict'
const path = require('path')
const fs = require('fs')
const crypto = require('crypto')

function writeAtomically(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value))
  fs.renameSync(file + '.tmp', file)
}

function runUntilStopped(lifetime, stop) {
  const done = async () => { await stop().catch(() => {}); process.exit(0) }
  process.on('SIGTERM', done)
  process.on('SIGINT', done)
  setTimeout(done, Number(lifetime) * 1000).unref()
  setInterval(() => {}, 1 << 30)
}

async function xrpc(service, nsid, body, token) {
  const headers = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${service}/xrpc/${nsid}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${nsid} answered ${res.status}: ${JSON.stringify(json)}`)
  return json
}

async function startPlc(outFile, lifetime) {
  const plc = require('@did-plc/server')
  const server = plc.PlcServer.create({ db: plc.Database.mock(), port: 0 })
  await server.start()
  writeAtomically(outFile, { plc_url: `http://127.0.0.1:${server.server.address().port}` })
  runUntilStopped(lifetime, () => server.destroy())
}

async function secretsFor(dataDir) {
  const file = path.join(dataDir, 'secrets.json')
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'))
  const { Secp256k1Keypair } = require('@atproto/crypto')
  const rotation = await Secp256k1Keypair.create({ exportable: true })
  const secrets = {
    jwt: crypto.randomBytes(16).toString('hex'),
    admin: crypto.randomBytes(16).toString('hex'),
    rotation: Buffer.from(await rotation.export()).toString('hex'),
  }
  writeAtomically(file, secrets)
  return secrets
}

async function startPds(dataDir, plcUrl, port, outFile, lifetime, createAccount) {
  const pds = require('@atproto/pds')
  fs.mkdirSync(path.join(dataDir, 'blobs'), { recursive: true })
  const secrets = await secretsFor(dataDir)
  Object.assign(process.env, {
    PDS_PORT: String(port),
    PDS_HOSTNAME: 'localhost',
    PDS_DEV_MODE: 'true',
    PDS_DATA_DIRECTORY: dataDir,
    PDS_BLOBSTORE_DISK_LOCATION: path.join(dataDir, 'blobs'),
    PDS_DID_PLC_URL: plcUrl,
    PDS_SERVICE_HANDLE_DOMAINS: '.test',
    PDS_INVITE_REQUIRED: 'false',
    PDS_JWT_SECRET: secrets.jwt,
    PDS_ADMIN_PASSWORD: secrets.admin,
    PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: secrets.rotation,
    PDS_CRAWLERS: '',
    LOG_ENABLED: 'false',
  })
  const env = pds.readEnv()
  const server = await pds.PDS.create(pds.envToCfg(env), pds.envToSecrets(env))
  await server.start()
  const service = `http://127.0.0.1:${port}`
  if (createAccount) {
    const password = crypto.randomBytes(12).toString('hex')
    const account = await xrpc(service, 'com.atproto.server.createAccount',
      { email: 'or@example.org', handle: 'orlive.test', password })
    const app = await xrpc(service, 'com.atproto.server.createAppPassword', { name: 'orlive' }, account.accessJwt)
    writeAtomically(outFile, { service, identifier: 'orlive.test', app_password: app.password, did: account.did })
  } else {
    writeAtomically(outFile, { service })
  }
  runUntilStopped(lifetime, () => server.destroy())
}

const [mode, ...args] = process.argv.slice(2)
const run = mode === 'plc' ? startPlc(args[0], args[1])
  : mode === 'pds' ? startPds(args[0], args[1], Number(args[2]), args[3], args[4], args[5] === 'create-account')
  : Promise.reject(new Error('mode must be plc or pds'))
run.catch((err) => { console.error(`real PDS: ${err.stack || err}`); process.exit(2) })
