/**
 * Loaded with `node --import` before one of Waymark's TypeScript commands runs from an installed
 * package: Node strips types itself except under node_modules, so for those files this does it,
 * with Node's own stripper (the same result as running the command from the repository).
 */
import { registerHooks, stripTypeScriptTypes } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.endsWith('.ts') || !url.includes('/node_modules/')) return nextLoad(url, context);
    const { source } = nextLoad(url, { ...context, format: 'module' });
    return { format: 'module', source: stripTypeScriptTypes(String(source)), shortCircuit: true };
  },
});
