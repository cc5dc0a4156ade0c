import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../contract';
import { cli } from '../../../../tests/helpers/run-cli';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

const page =
  '<html lang="en"><head><title>Bridge plan agreed</title></head><body><article><h1>Bridge plan agreed</h1>' +
  '<p>The council met on Monday evening and agreed the bridge plan after a long debate in the town hall.</p>' +
  '<p>Residents will be asked for their views at two public meetings next month, the council said.</p></article></body></html>';

let server: Server;
let base = '';
let closedPort = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/bridge') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (req.url?.startsWith('/loop/')) {
      res.writeHead(302, { location: req.url === '/loop/a' ? '/loop/b' : '/loop/a' });
      res.end();
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024 * 1024) });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const list = async (nb: string) => (await cli(['list', '--json', '--notebook', nb])).json();

describe('parallax import <address>', () => {
  it('imports files and web addresses in one call, with the address kept', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    expect((await cli(['init', '--notebook', nb])).code).toBe(0);
    writeFileSync(
      join(dir, 'note.txt'),
      'Harbour closed\n\nThe harbour was closed to shipping on Sunday because of the storm, the port said.\n',
    );
    const r = await cli(['import', join(dir, 'note.txt'), `${base}/bridge`, '--json', '--notebook', nb]);
    expect(r.code, r.stderr).toBe(0);
    const report = r.json() as ImportReport;
    expect(report.imported.map((a) => [a.file, a.title])).toEqual([
      [join(dir, 'note.txt'), 'Harbour closed'],
      [`${base}/bridge`, 'Bridge plan agreed'],
    ]);
    const items = (await list(nb)) as Array<{ title: string; url: string | null }>;
    expect(items.find((a) => a.title === 'Bridge plan agreed')?.url).toBe(`${base}/bridge`);
    const again = await cli(['import', `${base}/bridge`, '--notebook', nb]);
    expect(again.stdout).toMatch(/^duplicate {2}[0-9a-f]+ {2}http:\/\/127\.0\.0\.1:\d+\/bridge is already in the notebook$/m);
  });

  it.each([
    ['a redirect loop', '/loop/a', 'UNREACHABLE', /redirects in a loop/],
    ['a 200 MB page', '/huge', 'TOO_LARGE', /The page is 200\.0 MB/],
    ['a page that is not there', '/gone', 'NOT_FOUND', /answered 404/],
    ['a closed port', 'closed', 'UNREACHABLE', /refused the connection/],
    ['an ftp address', 'ftp', 'UNSUPPORTED', /http and https addresses only/],
  ])('refuses %s with a clear message and a non-zero exit, the notebook unchanged', async (_what, path, code, message) => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    expect((await cli(['init', '--sample', '--notebook', nb])).code).toBe(0);
    const before = await list(nb);
    const url = path === 'closed' ? `http://127.0.0.1:${closedPort}/a` : path === 'ftp' ? 'ftp://files.example/a.html' : `${base}${path}`;
    const r = await cli(['import', url, '--json', '--notebook', nb]);
    expect(r.code).toBe(1);
    const report = r.json() as ImportReport;
    expect(report.imported).toEqual([]);
    expect(report.errors).toEqual([{ file: url, code, message: expect.stringMatching(message) }]);
    const human = await cli(['import', url, '--notebook', nb]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(new RegExp(`^error {6}${code} `, 'm'));
    expect(await list(nb)).toEqual(before);
  });

  it('says in its help that it takes web addresses', async () => {
    const r = await cli(['import', '--help']);
    expect(r.stdout).toMatch(/web addresses \(http:\/\/ or https:\/\/\)/);
    expect(r.stdout).toMatch(/<path-or-address\.\.\.>/);
  });
});
