/** cli-table3's own measure of a cell (its src/utils.js), which it lays a table out with. */
declare module 'cli-table3/src/utils.js' {
  const utils: {
    /** The columns a cell's text takes on a terminal: its widest line, colour codes left out. */
    strlen(text: string): number;
  };
  export default utils;
}
