/**
 * `marginalia://claim/<id>` in the bundled desktop main process (dist/electron/main.cjs), run in
 * Node with the recording stand-in for `electron` (fixtures/run-electron-main.cjs): the scheme is
 * registered with the OS, and a link that comes on the first launch's command line, through
 * `second-instance` (Windows, Linux) or `open-url` (macOS) becomes the window's `open-claim`
 * command; anything else is ignored. What the renderer then does with the command (open, select,
 * flash, or say the claim is unknown) is the same code the browser e2e (claim-links.test.ts) runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { channelFor } from '../../core/api.ts';
import { claimLink } from '../../core/links.ts';
import { REPO, ensureBuilt } from './harness.ts';

const FIRST = '11111111-1111-4111-8111-111111111111';
const SECOND = '22222222-2222-4222-8222-222222222222';
const MAC = '33333333-3333-4333-8333-333333333333';

interface LinkOutcome {
  protocolClients: unknown[][];
  beforeLoad: unknown[];
  firstLaunch: unknown[];
  secondInstance: unknown[][];
  openUrl: Array<{ prevented: boolean; commands: unknown[] }>;
}

let userData: string;
let links: LinkOutcome;

const SECOND_INSTANCE = [
  ['/opt/Marginalia/marginalia', claimLink(SECOND)], // Linux / Windows: the link is an argument
  ['/opt/Marginalia/marginalia', `${claimLink(SECOND)}/`], // the trailing slash some launchers add
  ['/opt/Marginalia/marginalia'], // a plain second start: no command
  ['/opt/Marginalia/marginalia', 'marginalia://claim/not-a-claim'],
  ['/opt/Marginalia/marginalia', `${claimLink(SECOND)}?then=evil`],
  ['/opt/Marginalia/marginalia', `marginalia://doc/${SECOND}`],
];
const OPEN_URL = [
  claimLink(MAC),
  `https://example.org/claim/${MAC}`,
  'marginalia://claim/../../etc/passwd',
  `marginalia://claim/${MAC}#x`,
];

before(async () => {
  ensureBuilt();
  userData = await mkdtemp(join(tmpdir(), 'mg-electron-links-'));
  const channels = Object.fromEntries((['getLibrary', 'getDocument', 'openCorpus', 'onDidRequestCommand'] as const).map((m) => [m, channelFor(m)]));
  const fixture = join(REPO, 'test', 'e2e', 'fixtures', 'run-electron-main.cjs');
  const scenario = { firstLaunch: ['--some-switch', claimLink(FIRST)], secondInstance: SECOND_INSTANCE, openUrl: OPEN_URL };
  const r = spawnSync(process.execPath, [fixture, join(REPO, 'dist', 'electron', 'main.cjs'), userData, REPO, JSON.stringify(channels), JSON.stringify(scenario)],
    { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  links = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { links: LinkOutcome }).links;
});
after(() => rm(userData, { recursive: true, force: true }));

test('the marginalia scheme is registered with the OS (app.setAsDefaultProtocolClient)', () => {
  assert.equal(links.protocolClients.length, 1);
  assert.equal(links.protocolClients[0]![0], 'marginalia');
});

test('first launch: the link on the command line waits for the window to load, then opens the claim', () => {
  assert.deepEqual(links.beforeLoad, [], 'nothing is sent to a page that is still loading');
  assert.deepEqual(links.firstLaunch, [{ command: 'open-claim', arg: FIRST }]);
});

test('second-instance (Windows, Linux): a valid link opens the claim; anything else is ignored', () => {
  assert.deepEqual(links.secondInstance, [
    [{ command: 'open-claim', arg: SECOND }],
    [{ command: 'open-claim', arg: SECOND }],
    [], [], [], [],
  ]);
});

test('open-url (macOS): a valid link opens the claim; other URLs are ignored; the default handling is always prevented', () => {
  assert.deepEqual(links.openUrl, [
    { prevented: true, commands: [{ command: 'open-claim', arg: MAC }] },
    { prevented: true, commands: [] },
    { prevented: true, commands: [] },
    { prevented: true, commands: [] },
  ]);
});
