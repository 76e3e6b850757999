// opencc-js ships its dictionaries as modules without type declarations: each default-exports a
// dictionary string, "source replacement|source replacement|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
