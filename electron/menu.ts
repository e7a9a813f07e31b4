/**
 * The application menu. It only describes items; what they do comes in as `MenuActions`
 * from main.ts, so this file knows nothing about windows or the library.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** What the menu asks main.ts to do. */
export interface MenuActions {
  openCorpus(): void;
  exportAnnotations(): void;
  /** Forward a command to the renderer (`onDidRequestCommand`): 'find', 'theme:dark', … */
  command(command: string): void;
  about(): void;
}

/** Builds the menu; macOS gets the usual app menu first. */
export function buildMenu(actions: MenuActions, platform: NodeJS.Platform = process.platform): Menu {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open Corpus Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCorpus() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.command('export') },
        { label: 'Export Annotations (W3C JSON-LD)…', click: () => actions.exportAnnotations() },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.command('undo') },
        { label: 'Redo', accelerator: platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => actions.command('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: (['light', 'dark', 'system'] as const).map((t) => ({
            label: t[0]!.toUpperCase() + t.slice(1),
            click: () => actions.command(`theme:${t}`),
          })),
        },
        { type: 'separator' },
        { role: 'toggleDevTools' },
      ],
    },
    { label: '&Help', role: 'help', submenu: [{ label: 'About Marginalia', click: () => actions.about() }] },
  );
  return Menu.buildFromTemplate(template);
}
