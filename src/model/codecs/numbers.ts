/**
 * Number reading shared by the codecs. A leaf module (no imports from ../codecs.js), so that the
 * codec modules can be imported on their own as well as through ../codecs.js.
 */

/** A number as keepalived's strtoul reads a decimal integer, or the text when it is not one. */
export function integerOrText(text: string): number | string {
  return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
