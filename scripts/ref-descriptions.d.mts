export function describeReferences<T>(document: T): T;
