// The operator's flows in a real browser against the real orchestrator (see run.sh).
// Prints one line per test and, last, exactly "N passed, N failed, N skipped".
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const adminPassword = process.env.ADMIN_PASSWORD;
const shots = process.env.SCREENSHOTS;
const hostUri = process.env.HOST_URI;
const bundled = process.env.BUNDLED;
const timeout = 30_000;

// ---- REST helpers (setup that is not what the test is about) ----
async function token(user, password) {
  const r = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: user, client_secret: password }),
  });
  if (!r.ok) throw new Error(`token for ${user}: ${r.status}`);
  return (await r.json()).access_token;
}
async function api(method, path, body, bearer) {
  const r = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

// ---- a tiny runner ----
const results = [];
class Skip extends Error {}
async function test(name, fn) {
  try {
    await fn();
    results.push('passed');
    console.log(`ok - ${name}`);
  } catch (e) {
    if (e instanceof Skip) {
      results.push('skipped');
      console.log(`skip - ${name}: ${e.message}`);
    } else {
      results.push('failed');
      console.log(`not ok - ${name}: ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n    ')}`);
      await page?.screenshot({ path: join(shots, `failed-${results.length}.png`) }).catch(() => {});
    }
  }
}
/** A flow whose endpoint this orchestrator does not serve (404) is skipped, with the reason, not failed. */
async function requires(path) {
  const r = await api('GET', path, undefined, admin);
  if (r.status === 404) throw new Skip(`this orchestrator does not serve ${path} yet`);
}
// Full page from the top (the sticky top bar would otherwise be drawn where the page was scrolled to).
const shot = async (name) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

async function drop(fileName, text, type = 'application/yaml') {
  const dataTransfer = await page.evaluateHandle(({ fileName, text, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], fileName, { type }));
    return dt;
  }, { fileName, text, type });
  await page.dispatchEvent('[data-testid=dropzone]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer });
}

async function signIn(user, password) {
  await page.goto(base + '/');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor({ timeout });
}

// ---- the browser ----
const profile = mkdtempSync(join(tmpdir(), 'mano-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
context.setDefaultTimeout(timeout);
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));

const admin = await token('admin', adminPassword);
const firewallVnfd = readFileSync(join(bundled, 'firewall/Definitions/firewall.yaml'), 'utf8');
const suffix = Date.now().toString(36);
// A package of our own: the bundled firewall's VNFD under a new descriptor id and product name.
const e2eVnfd = firewallVnfd
  .replace(/descriptor_id: .*/, `descriptor_id: 0e2e0000-0000-4000-8000-${suffix.padStart(12, '0').slice(-12)}`)
  .replace(/product_name: firewall/, `product_name: firewall-e2e`);
const brokenVnfd = e2eVnfd.replace(/num_virtual_cpu: \d+/, 'num_virtual_cpu: four');

await test('login rejects a wrong password', async () => {
  await page.goto(base + '/');
  await shot('01-login');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong user name or password' }).waitFor();
});

await test('login with the keyboard alone', async () => {
  await page.goto(base + '/');
  await page.getByLabel('User name').focus();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(adminPassword);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Catalog' }).waitFor();
  const role = await page.locator('.user').textContent();
  if (!role.includes('admin')) throw new Error(`role shown as "${role}"`);
});

await test('catalog lists the bundled VNF packages', async () => {
  await requires('/vnfpkgm/v1/vnf_packages');
  await page.getByTestId('packages').waitFor();
  await page.getByTestId('packages').getByRole('button', { name: 'firewall', exact: true }).waitFor();
  await shot('02-catalog');
});

await test('onboard a VNFD by drag and drop, live to ONBOARDED', async () => {
  await requires('/vnfpkgm/v1/vnf_packages');
  await drop('firewall-e2e.yaml', e2eVnfd);
  const card = page.getByTestId('upload-card').filter({ hasText: 'firewall-e2e.yaml' });
  await card.getByText('Onboarded.').waitFor();
  await page.getByTestId('packages').getByRole('button', { name: 'firewall-e2e' }).waitFor();
  await shot('03-onboarded');
});

await test('a broken VNFD shows the validation error at its field', async () => {
  await requires('/vnfpkgm/v1/vnf_packages');
  await drop('firewall-broken.yaml', brokenVnfd);
  const card = page.getByTestId('upload-card').filter({ hasText: 'firewall-broken.yaml' });
  await card.getByTestId('problem').waitFor();
  const marked = await card.getByTestId('marked-line').textContent({ timeout });
  if (!marked.includes('num_virtual_cpu: four')) throw new Error(`marked line is "${marked}"`);
  await card.scrollIntoViewIfNeeded();
  await shot('04-validation-error');
});

await test('package detail renders the VNFD: flavour, VDU, EPA', async () => {
  await requires('/vnfpkgm/v1/vnf_packages');
  while (await page.getByRole('button', { name: /^Dismiss/ }).count()) await page.getByRole('button', { name: /^Dismiss/ }).first().click();
  await page.getByTestId('packages').getByRole('button', { name: 'firewall-e2e' }).click();
  const detail = page.getByTestId('package-detail');
  const vdu = detail.getByLabel('VDU firewall');
  await vdu.waitFor();
  for (const [label, value] of [['Thread policy', 'isolate'], ['PMD lcores', '3'], ['Page size', '2MB'], ['vCPUs', '4']]) {
    const cell = await vdu.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').textContent();
    if (cell !== value) throw new Error(`${label} shows "${cell}", expected "${value}"`);
  }
  await detail.getByText('vhost-user').first().waitFor();
  await shot('05-package-detail');
});

await test('disable, then delete a package with confirmation', async () => {
  await requires('/vnfpkgm/v1/vnf_packages');
  const row = page.getByTestId('packages').locator('tr', { has: page.getByRole('button', { name: 'firewall-e2e' }) });
  await row.getByRole('button', { name: 'Disable' }).click();
  await row.getByRole('button', { name: 'Enable' }).waitFor();
  await row.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await shot('06-delete-confirmation');
  await dialog.getByRole('button', { name: 'Delete package' }).click();
  await page.getByTestId('packages').getByRole('button', { name: 'firewall-e2e' }).waitFor({ state: 'detached' });
});

await test('hosts screen draws the NUMA topology with what a placement holds', async () => {
  await requires('/vim/v1/hosts');
  const host = await api('POST', '/vim/v1/hosts', {
    name: `e2e-host-${suffix}`, libvirtUri: hostUri, isolatedCpus: '1-3,9-11,5-7,13-15', physicalNetworks: { ens1f0: 'physnet-data' },
  }, admin);
  if (host.status >= 300) throw new Error(`registering the host: ${host.status} ${JSON.stringify(host.body)}`);
  const placed = await api('POST', '/vim/v1/placements', {
    strategy: 'PACK',
    chain: [
      { name: 'fw-0', vcpus: 3, pmdCores: 2, threadPolicy: 'ISOLATE', memoryMib: 1024, hugepageSizeKib: 2048, vfsPerNetwork: { 'physnet-data': 1 } },
      { name: 'nat-0', vcpus: 2, pmdCores: 1, threadPolicy: 'PREFER', memoryMib: 512, hugepageSizeKib: 2048, vhostUserPorts: 1 },
    ],
  }, admin);
  if (placed.status >= 300) throw new Error(`placing: ${placed.status} ${JSON.stringify(placed.body)}`);
  await page.getByRole('link', { name: 'Hosts' }).click();
  const map = page.getByTestId('host-map').filter({ hasText: `e2e-host-${suffix}` });
  await map.getByTestId('cell-0').waitFor();
  await map.getByTestId('cell-1').waitFor();
  const held = await map.locator('.cpu.held').count();
  if (held < 3) throw new Error(`${held} CPUs drawn as held, expected at least 3 (2 PMD + 1)`);
  await map.locator('.vf.held').first().waitFor();
  await shot('07-hosts');
  // Give the host back whole for the VNF lifecycle test.
  const released = await api('DELETE', `/vim/v1/placements/${placed.body.id}`, undefined, admin);
  if (released.status !== 204) throw new Error(`releasing the placement: ${released.status}`);
});

await test('a VNF from the catalog: instantiate, watch the operation live, then roll back or terminate', async () => {
  await requires('/vnflcm/v1/vnf_instances');
  await page.getByRole('link', { name: 'Service chains' }).click();
  await page.getByRole('button', { name: 'New VNF instance…' }).click();
  const form = page.getByRole('form', { name: 'New VNF instance' });
  const l2fwd = (await api('GET', '/vnfpkgm/v1/vnf_packages', undefined, admin)).body.find((p) => p.vnfProductName === 'l2fwd');
  if (!l2fwd) throw new Error('the bundled l2fwd package is not in the catalog');
  await form.getByLabel('VNF package').selectOption(l2fwd.vnfdId);
  await form.getByLabel('Name').fill(`l2fwd-${suffix}`);
  await form.getByRole('button', { name: 'Create and instantiate' }).click();
  const row = page.getByTestId('vnf-instances').locator('tr', { hasText: `l2fwd-${suffix}` });
  await row.waitFor();
  await page.getByRole('link', { name: 'Operations' }).click();
  const op = page.getByRole('region', { name: 'VNF operations' }).getByRole('listitem').filter({ hasText: 'INSTANTIATE' }).first();
  await op.waitFor();
  await op.locator('header .badge').filter({ hasText: /^(COMPLETED|FAILED_TEMP|FAILED)$/ }).waitFor({ timeout: 180_000 });
  const state = await op.locator('header .badge').first().textContent();
  await shot('09-operations');
  if (state === 'FAILED_TEMP') {
    // No VNF image on a simulated host: the agent never says hello. The error shows, and rollback undoes it.
    await op.getByTestId('problem').waitFor();
    await op.getByRole('button', { name: 'Roll back' }).click();
    await op.locator('header .badge').filter({ hasText: /^(ROLLED_BACK|FAILED)$/ }).waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Service chains' }).click();
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
  } else if (state === 'COMPLETED') {
    await page.getByRole('link', { name: 'Service chains' }).click();
    await row.getByRole('button', { name: 'Scale out' }).click();
    await shot('08-vnf-instances');
    await page.getByRole('link', { name: 'Operations' }).click();
    const scale = page.getByRole('region', { name: 'VNF operations' }).getByRole('listitem').filter({ hasText: 'SCALE' }).first();
    await scale.locator('header .badge').filter({ hasText: /^(COMPLETED|FAILED_TEMP|FAILED)$/ }).waitFor({ timeout: 180_000 });
    await shot('09-operations');
    if ((await scale.locator('header .badge').first().textContent()) === 'FAILED_TEMP') {
      await scale.getByRole('button', { name: 'Roll back' }).click();
      await scale.locator('header .badge').filter({ hasText: /^(ROLLED_BACK|FAILED)$/ }).waitFor({ timeout: 120_000 });
    }
    await page.getByRole('link', { name: 'Service chains' }).click();
    await row.getByRole('button', { name: 'Terminate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
    await row.getByText('NOT_INSTANTIATED').waitFor({ timeout: 180_000 });
  } else {
    throw new Error(`the instantiation ended ${state}`);
  }
});

await test('service chains: instantiate from the bundled NSD, watch the graph, terminate', async () => {
  await page.getByRole('link', { name: 'Service chains' }).click();
  const ns = await api('GET', '/nslcm/v1/ns_instances', undefined, admin);
  if (ns.status === 404) {
    await page.getByText('NS instances: not available on this server').waitFor();
    await shot('08-chains');
    throw new Skip('this orchestrator does not serve /nslcm/v1/ns_instances yet (the screen says so)');
  }
  await requires('/nsd/v1/ns_descriptors');
  const nsds = await api('GET', '/nsd/v1/ns_descriptors', undefined, admin);
  if (!(nsds.body ?? []).some((d) => d.nsdOnboardingState === 'ONBOARDED')) throw new Skip('no onboarded NSD to instantiate');
  // Room for a three-VNF chain: a second simulated host, 2 cells x 8 cores, 16 GiB of 2 MB pages per cell.
  const big = await api('POST', '/vim/v1/hosts', {
    name: `e2e-big-${suffix}`, libvirtUri: hostUri.replace('host-a.xml', 'host-big.xml'),
    isolatedCpus: '1-7,9-15,17-23,25-31', physicalNetworks: { ens1f0: 'physnet-data', ens2f0: 'physnet-data' },
  }, admin);
  if (big.status >= 300) throw new Error(`registering the big host: ${big.status} ${JSON.stringify(big.body)}`);
  await page.getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('link', { name: 'Service chains' }).click();
  await page.getByRole('button', { name: 'Instantiate…' }).click();
  const wizard = page.getByRole('form', { name: 'Instantiate a service chain' });
  await wizard.getByLabel('Instance name').fill(`e2e-chain-${suffix}`);
  await shot('08-instantiate-wizard');
  await wizard.getByRole('button', { name: 'Instantiate', exact: true }).click();
  const chain = page.getByTestId('chain').filter({ hasText: `e2e-chain-${suffix}` });
  await chain.waitFor();
  await page.getByRole('link', { name: 'Operations' }).click();
  const op = page.getByRole('region', { name: 'Network service operations' }).getByRole('listitem').filter({ hasText: 'INSTANTIATE' }).first();
  await op.locator('header .badge').filter({ hasText: /^(COMPLETED|FAILED_TEMP|FAILED)$/ }).waitFor({ timeout: 180_000 });
  await shot('09-ns-operations');
  const state = await op.locator('header .badge').first().textContent();
  if (state !== 'COMPLETED') throw new Error(`the NS instantiation ended ${state}: ${await op.textContent()}`);
  await page.getByRole('link', { name: 'Service chains' }).click();
  await chain.getByText('INSTANTIATED', { exact: true }).waitFor();
  const graph = chain.getByTestId('chain-graph');
  await graph.waitFor();
  const label = await graph.getAttribute('aria-label');
  if (!/→.*→/.test(label)) throw new Error(`the graph shows "${label}", not a three-VNF chain`);
  await shot('08-chains');
  await chain.getByRole('button', { name: 'Terminate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
  await chain.getByText('NOT_INSTANTIATED', { exact: true }).waitFor({ timeout: 180_000 });
});

await test('operations and metrics screens say what they have', async () => {
  await page.getByRole('link', { name: 'Operations' }).click();
  await page.getByRole('heading', { name: 'Operations', exact: true }).waitFor();
  await page.locator('.state-card, [data-testid=ops]').first().waitFor();
  if (!existsSync(join(shots, '09-operations.png'))) await shot('09-operations');
  await page.getByRole('link', { name: 'Metrics' }).click();
  await page.getByRole('heading', { name: 'Metrics' }).waitFor();
  await page.locator('.state-card, .metrics-vnf').first().waitFor();
  await shot('10-metrics');
});

await test('a viewer may read the catalog but not change it', async () => {
  const created = await api('POST', '/users', { username: `viewer${suffix}`, password: 'viewer-password-1', role: 'VIEWER' }, admin);
  if (created.status >= 300) throw new Error(`creating the viewer: ${created.status}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(`viewer${suffix}`, 'viewer-password-1');
  await page.getByRole('heading', { name: 'VNF packages', exact: true }).waitFor();
  if ((await page.getByTestId('dropzone').getAttribute('aria-disabled')) !== 'true') throw new Error('the drop zone accepts uploads');
  if (await page.getByRole('button', { name: 'Delete' }).count()) throw new Error('a Delete button is offered');
  await shot('11-viewer-catalog');
});

await test('no uncaught error in the page', async () => {
  if (pageErrors.length) throw new Error(pageErrors.join('\n'));
});

await context.close();
rmSync(profile, { recursive: true, force: true });
const count = (k) => results.filter((r) => r === k).length;
console.log(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
process.exit(count('failed') > 0 ? 1 : 0);
