/** A copy of a parsed OpenAPI document in which every `allOf` of object schemas is one object schema. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by the keys OpenAPI defines
export function flattenAllOf(document: any): any;
