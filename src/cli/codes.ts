// `--codes codes.csv`: the one-time passwords that reached the numbers, as `sender_id,code` lines
// under that header (and a third column, `account`, for a number that is in several accounts).
// Every line is checked before anything is sent; a code is never repeated in a message.
import { readFile } from 'node:fs/promises';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { Fleet } from '../fleet/file.js';
import { checkSchema } from '../validate.js';

/** The codes of the file by sender_id; a ValidationError names every bad line. */
export async function readCodes(path: string, fleet: Fleet): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError([{ path, message: `cannot be read (${(error as NodeJS.ErrnoException).code})` }]);
  }
  // sender_id → the accounts it is in.
  const known = new Map<string, string[]>();
  for (const sender of fleet.senders)
    known.set(sender.body.sender_id, [...(known.get(sender.body.sender_id) ?? []), sender.account]);
  const codes = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map(cell);
  const width = header.length;
  if (header[0] !== 'sender_id' || header[1] !== 'code' || (width === 3 ? header[2] !== 'account' : width !== 2))
    throw new ValidationError([
      { path: `${path} line 1`, message: 'must be the header sender_id,code (or sender_id,code,account)' },
    ]);
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '') continue;
    const at = `${path} line ${i + 1}`;
    const cells = line.split(',').map(cell);
    const [senderId = '', code = '', account = ''] = cells;
    const accounts = known.get(senderId) ?? [];
    const key = account ? `${account}/${senderId}` : senderId;
    if (cells.length !== width) issues.push({ path: at, message: `must have ${width} columns, as the header` });
    else if (accounts.length === 0) issues.push({ path: at, message: `${senderId} is not a sender of the fleet file` });
    else if (account && !accounts.includes(account))
      issues.push({ path: at, message: `${senderId} is not a sender of account ${account}` });
    else if (!account && accounts.length > 1)
      issues.push({ path: at, message: `${senderId} is in accounts ${accounts.join(', ')}: add the column account` });
    else if (
      codes.has(key) ||
      (account && codes.has(senderId)) ||
      (!account && codes.has(`${accounts[0]}/${senderId}`))
    )
      // One sender, one code: with its account or without, a second row names the same sender.
      issues.push({ path: at, message: `${senderId} has a code on an earlier line` });
    else {
      // The code as the spec's update body takes it.
      const found = checkSchema({ $ref: 'SenderUpdate' }, { configuration: { verification_code: code } }, '');
      if (found.length > 0) issues.push({ path: at, message: `the code ${found[0]?.message}` });
      else codes.set(key, code);
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return codes;
}

const cell = (value: string) => value.trim().replace(/^"(.*)"$/, '$1');
