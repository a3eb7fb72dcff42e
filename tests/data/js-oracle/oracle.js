// Reads JSON lines {"text": ...}; writes what the official libraries say about each.
const tt = require('twitter-text');
const { RichText } = require('@atproto/api');
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
  const { text } = JSON.parse(line);
  const p = tt.parseTweet(text);
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const facets = (rt.facets || []).map((f) => {
    const feat = f.features[0];
    const type = feat.$type.split('#')[1];
    const value = type === 'link' ? feat.uri : type === 'mention' ? feat.did : feat.tag;
    return { byteStart: f.index.byteStart, byteEnd: f.index.byteEnd, type: type === 'tag' ? 'tag' : type, value };
  });
  out.push(JSON.stringify({ weightedLength: p.weightedLength, validRangeEnd: p.validRangeEnd,
    graphemes: rt.graphemeLength, bytes: rt.length, facets }));
});
rl.on('close', () => { process.stdout.write(out.join('\n') + '\n'); });
