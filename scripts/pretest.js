#!/usr/bin/env node
/**
 * Before the tests: build (the tests run the built CLI) and typecheck (src and test) at once.
 * They are independent tsc programs; on a 2-core machine side by side they take about the
 * time of the longer one instead of both.
 */
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script) =>
  new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit' });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const codes = await Promise.all([run('build'), run('typecheck')]);
process.exitCode = codes.find((code) => code !== 0) ?? 0;
