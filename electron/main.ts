/**
 * The desktop shell: app lifecycle, the single window, menus and dialogs. Everything the reader
 * does goes through the host library (host/library.ts) over IPC (ipc.ts); this file only wires.
 * Bundled by scripts/build.ts to dist/electron/main.cjs (Electron's main cannot run .ts).
 */
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLibrary } from '../host/library.ts';
import { installClaimLinks } from './claim-links.ts';
import { registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { APP_INDEX_URL } from './urls.ts';
import { forwardEvents, registerIpc, sendCommand } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { fitBounds, loadWindowState, saveWindowState } from './window-state.ts';

type Library = Awaited<ReturnType<typeof createLibrary>>;

/** Folder holding dist/ and package.json (the asar archive when packaged). */
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
/** The sample corpus: an extraResource when packaged, the repo's corpus/ in development. */
const bundledCorpus = app.isPackaged ? join(process.resourcesPath, 'corpus') : join(appRoot, 'corpus');

registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let library: Library | null = null;
let win: BrowserWindow | null = null;
/** Each new window is shown to the claim-link router (set once the single-instance lock is ours). */
let onWindow: (w: BrowserWindow) => void = () => {};

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the running instance gets our arguments (a claim link among them) as `second-instance`
} else {
  const links = installClaimLinks(() => win);
  onWindow = (w) => links.attach(w);
  app.on('second-instance', (_event, argv) => {
    links.fromArgs(argv);
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Marginalia could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveAppScheme(rendererDir);
  const lib = await createLibrary({ dataDir: app.getPath('userData'), transport: 'electron', version: app.getVersion(), warmCitations: true, watchCorpus: true });
  library = lib;
  if ((await lib.getLibrary()).corpusDir === null) await lib.openCorpus(bundledCorpus);
  registerIpc(lib);
  Menu.setApplicationMenu(buildMenu({
    openCorpus: () => void openCorpusFolder(lib),
    exportAnnotations: () => void exportAnnotations(lib),
    command: (command) => { if (win) sendCommand(win.webContents, { command }); },
    about: () => void about(),
  }));
  createWindow(lib);
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(lib); });
}

function createWindow(lib: Library): void {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const bounds = fitBounds(state.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const w = new BrowserWindow({
    ...(bounds ?? { width: 1280, height: 860 }),
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: 'Marginalia',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win = w;
  onWindow(w);
  const stopEvents = forwardEvents(lib, w.webContents);
  w.once('ready-to-show', () => {
    if (state.maximized) w.maximize();
    w.show();
  });
  w.on('close', () => saveWindowState(userData, { bounds: w.getNormalBounds(), maximized: w.isMaximized() }));
  w.on('closed', () => { stopEvents(); if (win === w) win = null; });
  void w.loadURL(APP_INDEX_URL);
}

async function openCorpusFolder(lib: Library): Promise<void> {
  const options = { title: 'Open Corpus Folder', properties: ['openDirectory' as const] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const dir = picked.filePaths[0];
  if (picked.canceled || !dir) return;
  try {
    await lib.openCorpus(dir);
  } catch (err) {
    dialog.showErrorBox('Could not open the folder', err instanceof Error ? err.message : String(err));
  }
}

async function exportAnnotations(lib: Library): Promise<void> {
  const options = { title: 'Export Annotations', defaultPath: 'annotations.jsonld', filters: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }] };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return;
  try {
    await writeFile(picked.filePath, await lib.exportAnnotations());
  } catch (err) {
    dialog.showErrorBox('Could not export the annotations', err instanceof Error ? err.message : String(err));
  }
}

/**
 * What About says of licences: ours, and the attributions citeproc-js (CPAL-1.0 §14, Exhibit B)
 * and the CSL styles (CC BY-SA 3.0) ask for where they are used; the full texts ship in
 * dist/LICENSE and dist/THIRD-PARTY-NOTICES.md.
 */
const ABOUT_LICENCES = [
  'Marginalia is MIT-licensed.',
  'Citations are formatted by citeproc-js © Frank Bennett, used under the CPAL-1.0.',
  'Citation styles (APA 7th, Chicago author-date, MLA 9th) and the en-US locale are by the Citation Style Language project and its contributors, CC BY-SA 3.0.',
  'Full notices: THIRD-PARTY-NOTICES.md in the app folder.',
].join('\n');

async function about(): Promise<void> {
  const options = { type: 'info' as const, title: 'About Marginalia', message: `Marginalia ${app.getVersion()}`, detail: `An annotated source-reader with citation tracking.\nElectron ${process.versions.electron}, Node ${process.versions.node}.\nData: ${app.getPath('userData')}\n\n${ABOUT_LICENCES}` };
  if (win) await dialog.showMessageBox(win, options); else await dialog.showMessageBox(options);
}

app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
app.on('will-quit', () => { library?.close(); library = null; });
