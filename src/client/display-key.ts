/** Where the person's display choices are kept (read before paint by public/prefs.js, which repeats it). */
export const displayKey = 'waymark.display';
