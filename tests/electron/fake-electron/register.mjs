// `node --import ./register.mjs dist/electron/main.js`: resolves the bare specifier 'electron' to
// the fake in this folder, so the built main process runs in plain Node.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === 'electron') return { url: ${JSON.stringify(new URL('./electron.mjs', import.meta.url).href)}, shortCircuit: true };
        return next(specifier, context);
      }`),
);
