/**
 * cli-table3's own measure of a cell (its src/utils.js, with the string-width it depends on), which it lays a table out
 * with: drawTable (render-table.ts) gives a table drawn in pieces the widths it measures. A file inside the package, of
 * the version package-lock.json installs; the test of tables drawn in pieces fails if another measures otherwise.
 */
declare module 'cli-table3/src/utils.js' {
  const utils: {
    /** The columns a cell's text takes on a terminal: its widest line, colour codes left out. */
    strlen(text: string): number;
  };
  export default utils;
}
