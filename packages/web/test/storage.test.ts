import { describe, expect, it } from 'vitest';
import { problemMessage } from '../src/model/problem.ts';
import { storageWarning } from '../src/model/storage.ts';

const diskFull = {
  type: 'urn:redliner:problem:disk-full',
  status: 507,
  code: 'DISK_FULL',
  title: 'The disk is full',
  detail: 'The disk holding Redliner\'s data (the folder ".redliner") is full. Nothing was saved. Delete old reviews or free space on that disk, then try again.',
};

describe('a full or read-only data folder, as the reader sees it', () => {
  it('a failed save shows the server\'s words, not "something went wrong"', () => {
    const message = problemMessage(507, diskFull);
    expect(message).toBe(`The disk is full. ${diskFull.detail}`);
    expect(message).not.toMatch(/went wrong/);
  });

  it('the home screen warns only when saving would fail, in the same words', () => {
    expect(storageWarning({ writable: true, folder: '.redliner' })).toBeUndefined();
    expect(storageWarning({ writable: false, folder: '.redliner', problem: { code: 'DATA_DIR_READ_ONLY', title: "Redliner's data folder cannot be written", detail: 'Make the folder writable.' } })).toEqual({
      headline: "Redliner's data folder cannot be written",
      detail: 'Make the folder writable.',
    });
    expect(storageWarning({ writable: false })?.headline).toBe('Nothing can be saved right now');
  });
});
