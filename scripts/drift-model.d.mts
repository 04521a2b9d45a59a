/** One field of a model: what a source says of it; `undefined` is "not said". */
export interface ModelField {
  type: string;
  nullable?: boolean;
  required?: boolean;
  enum?: string[];
}
/** The Senders resource as one comparable model. */
export interface Model {
  /** `<body> <path>` (`create profile.name`) → the field. */
  fields: Map<string, ModelField>;
  statuses: string[];
  codes: Record<string, string[]> | undefined;
  parameters: Map<string, { type: string; required: boolean }>;
}
/** The model of an OpenAPI description of the resource. */
export function fromDescription(document: unknown): Model;
/** The model of the SDK's typings, with its JS beside them when given. */
export function fromTypings(typings: string, code?: string): Model;
