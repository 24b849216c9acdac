// The `stopword` package ships no type declarations; these are the two lists the registry reads.
declare module 'stopword' {
  /** Norwegian (bokmål) function words. */
  export const nob: string[];
  /** English function words. */
  export const eng: string[];
}
