/** Where the person's display choices are kept (read before paint by prefs.js, src/client/prefs.ts, which repeats it). */
export const displayKey = 'waymark.display';
