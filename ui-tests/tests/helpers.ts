/**
 * Helpers shared by the Vista UI tests (selectors live in selectors.ts).
 */
import { expect, IJupyterLabPageFixture } from '@jupyterlab/galata';
import { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import * as sel from './selectors';

/** Galata's page fixture, or a plain page (a second tab). */
export type AnyPage = Page | IJupyterLabPageFixture;

/** Each thread runs the offline analyst in a real kernel: give it time. */
export const ANSWER_TIMEOUT = 45000;

/** A short random suffix so threads of different tests never clash. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 8);
}

/**
 * Open JupyterLab in a second browser tab (its own workspace, as JupyterLab
 * gives a second tab) and wait, as Galata's page fixture does for the first,
 * until its layout is restored and the splash screen gone: a click before
 * that races the restoration (the sidebar it opened is closed again).
 */
export async function openSecondTab(
  page: IJupyterLabPageFixture,
  baseURL: string,
  workspace: string
): Promise<Page> {
  const second = await page.context().newPage();
  await second.goto(`${baseURL}/lab/workspaces/${workspace}`);
  await second.waitForFunction(
    async () => {
      const app = (window as any).jupyterapp;
      if (typeof app !== 'object') {
        return false;
      }
      await app.restored;
      return true;
    },
    undefined,
    { timeout: 60000 }
  );
  await second
    .locator('#jupyterlab-splash')
    .waitFor({ state: 'detached', timeout: 60000 });
  await expect(second.locator(sel.sidebarTab)).toBeVisible();
  return second;
}

/** Open the Vista sidebar (clicking its tab again would close it). */
export async function openSidebar(page: AnyPage): Promise<void> {
  if (!(await page.locator(sel.sidebar).isVisible())) {
    await page.locator(sel.sidebarTab).click();
  }
  await expect(page.locator(sel.sidebar)).toBeVisible();
}

/** The screenshots the README shows (docs/screenshots). */
const README_SCREENSHOTS = [
  'vista-new-analysis',
  'vista-analysis-tab',
  'vista-dark',
  'vista-inserted-cell',
  'vista-ko-new-analysis',
  'vista-ko-analysis',
  'vista-ko-exported-notebook'
];

/**
 * Save a screenshot and attach it to the report. With VISTA_SCREENSHOTS set
 * to a folder, the README's pictures are copied there
 * (`VISTA_SCREENSHOTS=../docs/screenshots jlpm playwright test`).
 */
export async function attachScreenshot(
  page: AnyPage,
  testInfo: TestInfo,
  name: string
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const folder = process.env.VISTA_SCREENSHOTS;
  if (folder && README_SCREENSHOTS.includes(name)) {
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path, `${folder}/${name}.png`);
  }
}

/** Create a thread from an example through the API, renamed to `name`. */
export async function createExampleThread(
  request: APIRequestContext,
  baseURL: string,
  example: string,
  name: string
): Promise<{ id: string; name: string }> {
  const response = await request.post(`${baseURL}/${sel.threadsEndpoint}`, {
    data: { dataset: { example }, language: 'en' }
  });
  expect(response.status()).toBe(201);
  const thread = await response.json();
  const renamed = await request.patch(
    `${baseURL}/${sel.threadsEndpoint}/${thread.id}`,
    { data: { name } }
  );
  expect(renamed.status()).toBe(200);
  return { id: thread.id, name };
}

/** Wait until a thread has no running turn. */
export async function waitForIdle(
  request: APIRequestContext,
  baseURL: string,
  id: string
): Promise<void> {
  await expect
    .poll(
      async () => {
        const r = await request.get(`${baseURL}/${sel.threadsEndpoint}/${id}`);
        return (await r.json()).running_turn;
      },
      { timeout: ANSWER_TIMEOUT }
    )
    .toBeNull();
}

/** An analysis of an example made through the API, its overview finished. */
export async function finishedExampleThread(
  request: APIRequestContext,
  baseURL: string,
  example: string,
  name: string
): Promise<{ id: string; name: string }> {
  const thread = await createExampleThread(request, baseURL, example, name);
  await waitForIdle(request, baseURL, thread.id);
  return thread;
}

/**
 * Choose a CSV file in the file picker of the new-analysis page (shown in
 * the sidebar): the upload a user starts.
 */
export async function chooseCsv(
  page: AnyPage,
  name: string,
  csv: string
): Promise<void> {
  await page.locator(sel.fileInput).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv)
  });
}

/** Open the new-analysis page in the sidebar and choose a CSV file there. */
export async function uploadCsv(
  page: AnyPage,
  name: string,
  csv: string
): Promise<void> {
  await openSidebar(page);
  await page.locator(sel.newButton).click();
  await chooseCsv(page, name, csv);
}

/**
 * An analysis of an example made through the API, its overview finished,
 * open in the sidebar.
 */
export async function openFinishedAnalysis(
  page: AnyPage,
  baseURL: string,
  example: string,
  name: string
): Promise<{ id: string; name: string }> {
  const thread = await finishedExampleThread(
    page.request,
    baseURL,
    example,
    name
  );
  await openThread(page, name);
  return thread;
}

/** Open a thread from the list. */
export async function openThread(page: AnyPage, name: string): Promise<void> {
  await openSidebar(page);
  if (await page.locator(sel.backButton).isVisible()) {
    await page.locator(sel.backButton).click();
  }
  const row = page.locator(sel.threadItem, { hasText: name });
  await expect(row).toBeVisible();
  await row.locator(sel.threadOpen).click();
  await expect(page.locator(sel.threadView)).toBeVisible();
}

/**
 * Ask a question in the open thread with the chosen model.
 *
 * @param model - a model id the server offers ('vista-offline', 'scripted-model').
 */
export async function ask(
  page: AnyPage,
  question: string,
  model = 'vista-offline'
): Promise<void> {
  const input = page.locator(sel.questionInput);
  await expect(input).toBeEnabled({ timeout: ANSWER_TIMEOUT });
  await page.locator(sel.modelSelect).selectOption(model);
  await input.fill(question);
  await input.press('Enter');
  await expect(
    page.locator(sel.userMessage, { hasText: question })
  ).toBeVisible();
}

/**
 * Start waiting for JupyterLab to save a workspace holding `text` (it saves
 * a moment after the layout changes); await the result before a reload
 * that must restore that layout.
 */
export function workspaceSaved(page: AnyPage, text: string): Promise<unknown> {
  return page.waitForRequest(
    request =>
      request.method() === 'PUT' &&
      request.url().includes('/lab/api/workspaces') &&
      (request.postData() ?? '').includes(text),
    { timeout: 20000 }
  );
}

/**
 * Reload JupyterLab. Galata's own reload waits for the Launcher, which a
 * restored analysis tab rightly replaces.
 */
export async function reloadPage(page: IJupyterLabPageFixture): Promise<void> {
  await page.reload({ waitForIsReady: false });
  await page
    .locator('#jupyterlab-splash')
    .waitFor({ state: 'detached', timeout: 60000 });
}

/**
 * Write a long history straight into the test server's database, through
 * Vista's store (seed_history.py): `turns` finished questions and answers
 * in a thread, or `threads` analyses last used long ago.
 *
 * @param kind - 'turns' (target: a thread id) or 'threads' (target: a name prefix).
 */
export async function seedHistory(
  request: APIRequestContext,
  baseURL: string,
  kind: 'turns' | 'threads',
  target: string,
  count: number
): Promise<void> {
  const info = await request.get(`${baseURL}/${sel.infoEndpoint}`);
  expect(info.status()).toBe(200);
  const { owner } = await info.json();
  execFileSync(
    'python',
    [
      path.join(__dirname, '..', 'seed_history.py'),
      kind,
      owner,
      target,
      String(count)
    ],
    { stdio: 'inherit' }
  );
}

/** How many threads the user has: every page of the list (tests leave many behind). */
export async function countAllThreads(
  request: APIRequestContext,
  baseURL: string
): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await request.get(
      `${baseURL}/${sel.threadsEndpoint}?limit=500${query}`
    );
    expect(response.status()).toBe(200);
    const page = await response.json();
    count += page.threads.length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}
