/** Markdown data files are imported as their text (esbuild's and vitest's `.md` text loader). */
declare module '*.md' {
  const text: string;
  export default text;
}
