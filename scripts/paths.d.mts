export const root: string;
export const specPath: string;
export const generatedDir: string;
