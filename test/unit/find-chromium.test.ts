// Which Chromium vanban starts: the headless shell to print when it is installed, the full browser otherwise and for
// the web form's tests, VANBAN_CHROMIUM above both; and the headless mode each takes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium, headlessMode } from '../../src/render/pdf/browser';
import { tmpDir } from '../helpers';

describe('findChromium', () => {
  const saved = { PATH: process.env.PATH, VANBAN_CHROMIUM: process.env.VANBAN_CHROMIUM };
  let bin: string;
  const put = (name: string) => {
    const file = path.join(bin, name);
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  };

  beforeEach(() => {
    bin = tmpDir('find-chromium');
    process.env.PATH = bin;
    delete process.env.VANBAN_CHROMIUM;
  });
  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.VANBAN_CHROMIUM === undefined) delete process.env.VANBAN_CHROMIUM;
    else process.env.VANBAN_CHROMIUM = saved.VANBAN_CHROMIUM;
  });

  it('prints with the headless shell when both are installed, and browses with the full Chromium', () => {
    const full = put('chromium');
    const shell = put('chromium-headless-shell');
    expect(findChromium()).toBe(shell);
    expect(findChromium('print')).toBe(shell);
    expect(findChromium('browse')).toBe(full);
  });

  it('prints with the full Chromium when the shell is not installed, and finds nothing when neither is', () => {
    expect(findChromium()).toBeUndefined();
    const full = put('chromium');
    expect(findChromium()).toBe(full);
  });

  it('takes VANBAN_CHROMIUM before either, and nothing when it names a missing file', () => {
    put('chromium-headless-shell');
    const own = put('my-chrome');
    process.env.VANBAN_CHROMIUM = own;
    expect(findChromium('print')).toBe(own);
    expect(findChromium('browse')).toBe(own);
    process.env.VANBAN_CHROMIUM = path.join(bin, 'absent');
    expect(findChromium()).toBeUndefined();
  });

  it("starts the shell in puppeteer's shell mode and any other browser in the new headless mode", () => {
    expect(headlessMode('/usr/bin/chromium-headless-shell')).toBe('shell');
    expect(headlessMode('/opt/chrome-headless-shell-linux64/chrome-headless-shell')).toBe('shell');
    expect(headlessMode('/usr/bin/chromium')).toBe(true);
    expect(headlessMode('/opt/google/chrome/chrome')).toBe(true);
  });
});
