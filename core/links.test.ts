import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimIdFromPath, claimLink, claimLinkInArgs, claimPath, parseClaimLink } from './links.ts';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

test('a claim link round-trips through the parser', () => {
  assert.equal(claimLink(ID), `marginalia://claim/${ID}`);
  assert.equal(parseClaimLink(claimLink(ID)), ID);
  assert.equal(parseClaimLink(`marginalia://claim/${ID}/`), ID, 'a trailing slash some launchers add');
  assert.equal(parseClaimLink(`MARGINALIA://claim/${ID.toUpperCase()}`), ID.toUpperCase());
});

test('anything but the exact shape is ignored', () => {
  for (const bad of [
    '', 'marginalia://claim/', 'marginalia://claim/123', `marginalia://claim/${ID}?x=1`, `marginalia://claim/${ID}#a`,
    `marginalia://doc/${ID}`, `marginalia:claim/${ID}`, `marginalia:///claim/${ID}`, `marginalia://claim/${ID}//`,
    `marginalia://claim/${ID}/extra`, ` marginalia://claim/${ID}`, `"marginalia://claim/${ID}"`, `https://claim/${ID}`,
    `marginalia://claim/../${ID}`, `marginalia://claim/${ID}%00`, `marginalia://claim/${ID}\n`,
  ]) assert.equal(parseClaimLink(bad), null, bad);
});

test('claimLink refuses what is not a claim id, so an export never writes a dead link', () => {
  assert.throws(() => claimLink('not-a-uuid'), TypeError);
  assert.throws(() => claimPath('../etc'), TypeError);
});

test('the link among command-line arguments, as Windows and Linux pass it', () => {
  assert.equal(claimLinkInArgs(['/opt/Marginalia/marginalia', '--no-sandbox', `marginalia://claim/${ID}`]), ID);
  assert.equal(claimLinkInArgs(['/opt/Marginalia/marginalia', '.', 'marginalia://claim/nope']), null);
});

test('the web host path: a claim, a malformed claim route, or another route', () => {
  assert.equal(claimPath(ID), `/claim/${ID}`);
  assert.equal(claimIdFromPath(`/claim/${ID}`), ID);
  assert.equal(claimIdFromPath(`/claim/${ID}/`), ID);
  assert.equal(claimIdFromPath('/claim/abc'), null);
  assert.equal(claimIdFromPath(`/claim/${ID}/x`), null);
  assert.equal(claimIdFromPath('/index.html'), undefined);
});
