// What the official JavaScript libraries say about texts, for tools/js_oracle/make_cases.py.
// stdin: JSON lines {"text": ...}; stdout: one JSON line of answers per text.
// With --about: the versions that answer (libraries, Node.js, ICU) and the TLD list
// @atproto/api accepts scheme-less links and handles with.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { RichText } from '@atproto/api';

const require = createRequire(import.meta.url);
const tt = require('twitter-text');
// Read from node_modules beside this file: @atproto/api does not export its package.json.
const version = (name) => JSON.parse(
  readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url))).version;

if (process.argv.includes('--about')) {
  process.stdout.write(JSON.stringify({
    versions: {
      '@atproto/api': version('@atproto/api'), 'twitter-text': version('twitter-text'),
      tlds: version('tlds'), node: process.version, icu: process.versions.icu,
      unicode: process.versions.unicode,
    },
    tlds: require('tlds'),
  }) + '\n');
} else {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out = [];
  rl.on('line', (line) => {
    const { text } = JSON.parse(line);
    const p = tt.parseTweet(text);
    const rt = new RichText({ text });
    rt.detectFacetsWithoutResolution();
    // Kept whole: the feature's $type and its value field are what Siaran's adapter must send.
    const facets = (rt.facets || []).map((f) => {
      const feat = f.features[0];
      const type = feat.$type.split('#')[1];
      const value = type === 'link' ? feat.uri : type === 'mention' ? feat.did : feat.tag;
      return { byteStart: f.index.byteStart, byteEnd: f.index.byteEnd, type, value };
    });
    out.push(JSON.stringify({ weightedLength: p.weightedLength, validRangeEnd: p.validRangeEnd,
      graphemes: rt.graphemeLength, bytes: rt.length, facets }));
  });
  rl.on('close', () => { process.stdout.write(out.join('\n') + '\n'); });
}
