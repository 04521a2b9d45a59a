// A pattern reaches a user only in words: generation fails on a pattern the spec does not say in words.
import { expect, it } from 'vitest';
import { requestRules } from './request-rules.mjs';

const documentWith = (senderId: object) => ({
  servers: [{ url: 'https://a.test' }, { url: 'https://{edge}.{region}.a.test', variables: { edge: {}, region: {} } }],
  paths: {
    '/s': {
      post: {
        operationId: 'createSender',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/SenderId' } } } },
      },
    },
  },
  components: { schemas: { SenderId: senderId } },
});

it('keeps a pattern’s words and its first example for the messages', () => {
  const rules = requestRules(
    documentWith({
      type: 'string',
      pattern: '^whatsapp:',
      'x-pattern-description': '`whatsapp:` followed by a number',
      examples: ['whatsapp:+1', 'whatsapp:+2'],
    }),
  );
  expect(rules.schemas.SenderId).toEqual({
    type: 'string',
    pattern: '^whatsapp:',
    'x-pattern-description': '`whatsapp:` followed by a number',
    examples: ['whatsapp:+1'],
  });
});

it('fails generation on a pattern without words or without an example', () => {
  expect(() => requestRules(documentWith({ type: 'string', pattern: '^x', examples: ['x'] }))).toThrow(
    /x-pattern-description/,
  );
  expect(() => requestRules(documentWith({ type: 'string', pattern: '^x', 'x-pattern-description': 'an x' }))).toThrow(
    /examples/,
  );
});
