import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { APP_INDEX_URL, appUrlToFile, isAppUrl, isSafeExternalUrl } from './urls.ts';

const root = resolve('/srv/app/dist/renderer');

test('app:// URLs map to files inside the renderer folder only', () => {
  assert.equal(appUrlToFile(root, APP_INDEX_URL), join(root, 'index.html'));
  assert.equal(appUrlToFile(root, 'app://marginalia/'), join(root, 'index.html'));
  assert.equal(appUrlToFile(root, 'app://marginalia/styles/reader.css'), join(root, 'styles', 'reader.css'));
  // The URL parser itself folds dot segments, so this one stays inside the folder.
  assert.equal(appUrlToFile(root, 'app://marginalia/%2e%2e/%2e%2e/etc/passwd'), join(root, 'etc', 'passwd'));
  for (const bad of ['app://marginalia/..%2f..%2fpackage.json', 'app://marginalia/a%00.js', 'app://marginalia/..%5c..%5csecret', 'app://other/index.html', 'file:///etc/passwd']) {
    assert.equal(appUrlToFile(root, bad), null, bad);
  }
});

test('only the top app origin counts as ours', () => {
  assert.ok(isAppUrl('app://marginalia/index.html#doc=1'));
  assert.ok(!isAppUrl('app://marginalia.evil/index.html'));
  assert.ok(!isAppUrl('https://marginalia/index.html'));
  assert.ok(!isAppUrl('not a url'));
});

test('external links: http(s) with a host and no credentials, nothing else', () => {
  assert.ok(isSafeExternalUrl('https://www.wikidata.org/wiki/Q874'));
  assert.ok(isSafeExternalUrl('http://example.org/a?b=c'));
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org/', 'app://marginalia/x', `https://example.org/${'a'.repeat(3000)}`, 'notaurl']) {
    assert.ok(!isSafeExternalUrl(bad), bad);
  }
});
