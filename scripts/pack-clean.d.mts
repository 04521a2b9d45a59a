/** What `npm pack` did in a clean clone. */
export interface CleanClonePack {
  /** The tarball it made. */
  tarball: string;
  /** The paths the tarball holds. */
  files: string[];
  /** Whether the clone had a dist/ before the pack (it must not). */
  distBefore: boolean;
  /** Whether it had one after (prepack built it). */
  distAfter: boolean;
}
export const packedRecord: string;
export function packCleanClone(options: { destination: string; keepDist?: string }): Promise<CleanClonePack>;
