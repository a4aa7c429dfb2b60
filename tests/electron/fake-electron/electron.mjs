// A stand-in for the 'electron' module, so the built main process (dist/electron/main.js) can be
// started in plain Node and its wiring observed. It implements only what electron/main calls and
// records every call in `trace`; on exit the trace is written to $FAKE_ELECTRON_TRACE.
// After the app's startup settles it drives a few real interactions (IPC, protocol, navigation).
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';

export const trace = {
  calls: [],
  windows: [],
  ipcChannels: [],
  schemes: null,
  sandbox: false,
  paths: {},
  menu: null,
  checks: {},
};
const record = (name, ...args) =>
  trace.calls.push([name, ...args.map((a) => (typeof a === 'function' ? '[function]' : a))]);

const appEvents = new EventEmitter();
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));
const paths = { userData: '/tmp/fake-electron-default-user-data' };

function fakeSession(name) {
  const ses = new EventEmitter();
  ses.handlers = {};
  ses.protocol = {
    handle: (scheme, handler) => {
      record(`${name}.protocol.handle`, scheme);
      ses.handlers[scheme] = handler;
    },
  };
  ses.webRequest = {
    onBeforeRequest: (handler) => {
      record(`${name}.webRequest.onBeforeRequest`);
      ses.beforeRequest = handler;
    },
  };
  for (const method of [
    'setPermissionRequestHandler',
    'setPermissionCheckHandler',
    'setDevicePermissionHandler',
    'setDisplayMediaRequestHandler',
  ]) {
    ses[method] = (handler) => {
      record(`${name}.${method}`);
      ses[method.replace(/^set/, '')] = handler;
    };
  }
  ses.setSpellCheckerDictionaryDownloadURL = (url) => {
    record(`${name}.setSpellCheckerDictionaryDownloadURL`, url);
    ses.dictionaryUrl = url;
  };
  return ses;
}
const defaultSession = fakeSession('defaultSession');
const partitions = new Map();

export const app = Object.assign(appEvents, {
  name: 'Electron',
  // Packaged by default: plain Node loads node_modules' own (Node-ABI) better-sqlite3, as a packaged app loads its Electron one.
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED !== '0',
  setName(name) {
    record('app.setName', name);
    this.name = name;
  },
  setPath(key, value) {
    record('app.setPath', key, value);
    paths[key] = value;
  },
  getPath(key) {
    return paths[key];
  },
  getAppPath() {
    return process.cwd();
  },
  getVersion() {
    return '0.0.0-fake';
  },
  enableSandbox() {
    record('app.enableSandbox');
    trace.sandbox = true;
  },
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock', paths.userData);
    return process.env.FAKE_ELECTRON_SECOND_INSTANCE !== '1';
  },
  // As in Electron, quitting ends the process soon after 'will-quit' (the trace is written on exit).
  quit() {
    record('app.quit');
    appEvents.emit('will-quit');
    setTimeout(() => process.exit(0), 100);
  },
  whenReady() {
    record('app.whenReady');
    return ready;
  },
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', options);
  },
  showAboutPanel() {
    record('app.showAboutPanel');
  },
});

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    trace.schemes = { schemes, beforeReady: !trace.isReady };
  },
};

export const session = {
  defaultSession,
  fromPartition(name) {
    if (!partitions.has(name)) partitions.set(name, fakeSession(`partition:${name}`));
    return partitions.get(name);
  },
};

class FakeWebContents extends EventEmitter {
  constructor(options) {
    super();
    this.sent = [];
    this.url = '';
    this.options = options;
  }
  async executeJavaScript(code) {
    record('webContents.executeJavaScript', code);
    return true;
  }
  /** A real (blank) PDF with two pages, made with pdf-lib, so the export service can post-process it. */
  async printToPDF(options) {
    trace.printToPDF = options;
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    pdf.addPage([595, 842]);
    return Buffer.from(await pdf.save());
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  static getFocusedWindow() {
    return BrowserWindow.all[0] ?? null;
  }
  static fromWebContents() {
    return BrowserWindow.all[0] ?? null;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(options);
    BrowserWindow.all.push(this);
    trace.windows.push({ options, loadedUrl: null });
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    record('window.loadURL', url);
    trace.windows.find((w) => w.options === this.options).loadedUrl = url;
    this.webContents.url = url;
    const partition = this.options.webPreferences?.partition;
    if (partition) {
      // What the print window would receive from its own session's app:// handler.
      const response = await session.fromPartition(partition).handlers.app(new Request(url));
      trace.printLoad = {
        status: response.status,
        csp: response.headers.get('content-security-policy'),
        html: (await response.text()).slice(0, 200),
      };
    }
  }
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: this.options.width, height: this.options.height };
  }
  destroy() {
    record('window.destroy', this.options.webPreferences?.partition ?? 'main');
    this.destroyed = true;
  }
}

const ipcHandlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    trace.ipcChannels.push(channel);
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    const labels = (items) =>
      items.map((item) => ({
        label: item.label ?? null,
        role: item.role ?? null,
        id: item.id ?? null,
        accelerator: item.accelerator ?? null,
        submenu: Array.isArray(item.submenu) ? labels(item.submenu) : null,
      }));
    trace.menu = labels(menu.template);
  },
};
export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = {
  openExternal: async (url) => record('shell.openExternal', url),
  showItemInFolder: (path) => record('shell.showItemInFolder', path),
};
export const dialog = {
  showErrorBox: (title, content) => {
    record('dialog.showErrorBox', title, content);
  },
  showMessageBox: async () => ({ response: 0 }),
  // The user's answer to the next save dialog; cancelled unless a check sets a path first.
  showSaveDialog: async (...args) => {
    record('dialog.showSaveDialog', args.at(-1)?.defaultPath ?? null);
    return nextSavePath ? { canceled: false, filePath: nextSavePath } : { canceled: true };
  },
};
let nextSavePath = null;
export const contextBridge = {};
export const ipcRenderer = {};
export default { app, protocol, session, BrowserWindow, ipcMain, Menu, nativeTheme, screen, shell, dialog };

// ── drive the app once its startup has settled ───────────────────────────────────────────
async function drive() {
  const checks = trace.checks;
  const event = (url, parent = null) => ({ senderFrame: { url, parent } });
  const info = ipcHandlers.get('briefing:invoke:library.info');
  checks.ipcTrusted = info ? await info(event('app://renderer/index.html'), {}) : null;
  checks.ipcUntrusted = info ? await info(event('https://evil.example/'), {}) : null;
  const appHandler = defaultSession.handlers.app;
  if (appHandler) {
    const index = await appHandler(new Request('app://renderer/index.html'));
    checks.protocolIndex = { status: index.status, csp: index.headers.get('content-security-policy') };
    checks.protocolTraversal = (await appHandler(new Request('app://renderer/%2e%2e/%2e%2e/package.json'))).status;
  }
  const contents = BrowserWindow.all[0]?.webContents;
  if (contents) {
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.org/');
    checks.navigationPrevented = prevented;
    checks.windowOpen = contents.windowOpenHandler?.({ url: 'https://example.org/' }) ?? null;
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
    checks.webviewPrevented = webviewPrevented;
  }
  const permission = await new Promise(
    (resolve) =>
      defaultSession.PermissionRequestHandler?.({}, 'media', resolve, {
        requestingUrl: 'app://renderer/index.html',
        isMainFrame: true,
      }) ?? resolve(null),
  );
  checks.mediaPermission = permission;
  const blocked = await new Promise(
    (resolve) =>
      defaultSession.beforeRequest?.({ url: 'https://example.org/x.js' }, ({ cancel }) => resolve(cancel)) ??
      resolve(null),
  );
  checks.httpBlocked = blocked;
  checks.dictionaryUrl = defaultSession.dictionaryUrl ?? null;
  // Export the sample brief through IPC: the Electron printer (hidden print window) end to end.
  const list = await ipcHandlers.get('briefing:invoke:briefs.list')?.(event('app://renderer/index.html'), {});
  const briefId = list?.value?.[0]?.id;
  if (briefId) {
    const outFile = `${paths.userData}/sample.pdf`;
    // A path the page sends is refused; without one, the file comes from the (faked) save dialog.
    nextSavePath = outFile;
    const exportPdf = ipcHandlers.get('briefing:invoke:briefs.exportPdf');
    checks.exportPdfWithPagePath = await exportPdf?.(event('app://renderer/index.html'), {
      briefId,
      outFile: `${paths.userData}/chosen-by-the-page.pdf`,
    });
    checks.exportPdf = await exportPdf?.(event('app://renderer/index.html'), { briefId });
    checks.exportPdfFile = outFile;
    checks.printDocumentAfterExport = await (async () => {
      const url = trace.windows.find((w) => w.options.webPreferences?.partition)?.loadedUrl;
      return url ? (await session.fromPartition('briefing-print').handlers.app(new Request(url))).status : null;
    })();
  }
  app.quit();
}

process.on('exit', () => {
  if (process.env.FAKE_ELECTRON_TRACE) writeFileSync(process.env.FAKE_ELECTRON_TRACE, JSON.stringify(trace, null, 1));
});

setImmediate(() => {
  trace.isReady = true;
  readyResolve();
  // The app's whenReady callback is async (library, sample, window, menu): drive once the menu —
  // its last step — is installed, or after FAKE_ELECTRON_SETTLE_MS if it never is (a startup
  // that quits early, e.g. on a damaged library).
  const deadline = Date.now() + Number(process.env.FAKE_ELECTRON_SETTLE_MS ?? 30_000);
  const driveWhenStarted = () => {
    if (trace.menu === null && Date.now() < deadline) return void setTimeout(driveWhenStarted, 50);
    drive().catch((error) => {
      trace.checks.driveError = String(error?.stack ?? error);
      app.quit();
    });
  };
  setTimeout(driveWhenStarted, 50);
});
