// Local Bluesky stack for tests: in-memory PLC directory + the real @atproto/pds (SQLite + disk
// blobs). Everything listens on 127.0.0.1 only. Usage: node local-pds.mjs STATE_DIR
// env: PLC_PORT (2582), PDS_PORT (2583), PDS_ADMIN_PASSWORD. Recipe: docs/peers.md §1.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// Force loopback: both servers call server.listen(port) with no host.
const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (args[0] && typeof args[0] === 'object' && args[0].path === undefined && !args[0].host) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return origListen.apply(this, args);
};

const require = createRequire(import.meta.url);
const plc = require('@did-plc/server');
const { PDS } = await import('@atproto/pds');
const { Secp256k1Keypair } = await import('@atproto/crypto');

const state = path.resolve(process.argv[2] || 'pds-state');
fs.rmSync(state, { recursive: true, force: true });       // PLC is in-memory: start clean
fs.mkdirSync(path.join(state, 'blobs'), { recursive: true });
const plcPort = Number(process.env.PLC_PORT || 2582);
const pdsPort = Number(process.env.PDS_PORT || 2583);

const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: plcPort });
await plcServer.start();

const rotation = await Secp256k1Keypair.create({ exportable: true });
const pds = await PDS.fromEnv({
  devMode: true,
  port: pdsPort,
  hostname: 'localhost',                      // publicUrl http://localhost:PORT, service did:web:localhost
  dataDirectory: state,
  blobstoreDiskLocation: path.join(state, 'blobs'),
  didPlcUrl: `http://127.0.0.1:${plcPort}`,
  recoveryDidKey: (await Secp256k1Keypair.create()).did(),
  plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotation.export()).toString('hex'),
  adminPassword: process.env.PDS_ADMIN_PASSWORD || 'admin-pass',
  jwtSecret: 'jwt-secret',
  serviceHandleDomains: ['.test'],
  inviteRequired: false,
  disableSsrfProtection: true,
  bskyAppViewUrl: 'https://appview.invalid',
  bskyAppViewDid: 'did:example:invalid',
  modServiceUrl: 'https://moderator.invalid',
  modServiceDid: 'did:example:invalid',
});
await pds.start();
console.log(`PLC http://127.0.0.1:${plcPort}  PDS http://127.0.0.1:${pdsPort}  (publicUrl ${pds.ctx.cfg.service.publicUrl})`);

const stop = async () => {
  try { await pds.destroy(); } catch (e) { console.error(e); }
  try { await plcServer.destroy(); } catch (e) { console.error(e); }
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
