// The sandboxed preload: puts `window.briefing` ({ invoke, on }) into the page through
// contextBridge and nothing else. All logic is in ./bridge.ts (tested without Electron).
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('briefing', createBridge(ipcRenderer));
