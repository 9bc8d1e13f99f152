/**
 * `npm start`'s options: `--base /waymark/` builds the site for that path and serves it there, so a
 * site that will live under a path is tried at that path (http://127.0.0.1:4321/waymark/), with the
 * same base for the build and the server. `--port` is the server's only. Plain JavaScript: it runs
 * from node_modules too (see waymark.mjs).
 */

/** The path as Astro and the checks take it: `/waymark/`, or `/` for the root. */
export function normaliseBase(base) {
  const trimmed = String(base)
    .trim()
    .replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * @param {readonly string[]} args what follows `npm start --`
 * @returns {{ build: string[]; serve: string[]; address: string }}
 */
export function startArgs(args) {
  const build = [];
  const serve = [];
  let base = '/';
  let port = '4321';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--base') base = normaliseBase(value());
    else if (name === '--port') port = value();
    else {
      build.push(arg);
      serve.push(arg);
    }
  }
  if (base !== '/') {
    build.push('--base', base);
    serve.push('--base', base);
  }
  serve.push('--port', port);
  return { build, serve, address: `http://127.0.0.1:${port}${base}` };
}
