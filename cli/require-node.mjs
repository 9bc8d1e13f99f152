// Astro 7 and Vitest 5 need Node 22.12+. `npm ci` installs Node 24 into node_modules/.bin, which npm
// puts first on PATH; if that did not happen (e.g. `npm ci --ignore-scripts`), stop here with a
// clear message instead of letting a tool run on an older Node and fail in a confusing way.
export {};
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Waymark needs Node.js 22.12 or newer, but this is Node.js ${process.versions.node}.\n` +
      'Run `npm ci` (without --ignore-scripts): it installs the right Node.js into node_modules.\n' +
      'Or install Node.js 22.12+ yourself and run the command again.',
  );
  process.exit(1);
}
