// The documentation of a property whose schema is a reference must reach the user's editor.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './test/paths.js';
import { hoverTexts } from './test/quick-info.js';

const probe = `import type { Sender, SenderCreate } from './index.js';
declare const sender: Sender;
declare const body: SenderCreate;
sender.status;
sender.configuration;
body.sender_id;
`;
// One language service for the three (each service loads TypeScript's libs).
const shown = hoverTexts(join(root, 'src', 'hover-probe.ts'), probe, ['status', 'configuration', 'sender_id'], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
});
const hover = (word: string) => shown[word] as string;

describe('hover text of the generated types', () => {
  it("shows the referenced schema's description on a property that is a reference (Sender['status'])", () => {
    const shown = hover('status');
    expect(shown).toContain('(property) status:');
    expect(shown).toContain('@description Where the sender is in its life.');
  });

  it('shows it through a reference-or-null, and on request bodies', () => {
    expect(hover('configuration')).toContain('How the sender was registered.');
    expect(hover('sender_id')).toContain('The channel-prefixed address');
  });
});
