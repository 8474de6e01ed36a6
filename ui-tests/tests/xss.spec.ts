/**
 * Untrusted text never runs in the browser: HTML and script payloads in a
 * thread name, a file name, column names, cell values, code outputs and a
 * model's answer are shown as inert text or sanitized away.
 *
 * Every payload would either open a dialog or set `window.__vistaXss` if it
 * ran; the test also looks for elements that should never be in the sidebar.
 */
import { expect, test } from '@jupyterlab/galata';

import {
  ANSWER_TIMEOUT,
  ask,
  attachScreenshot,
  openSidebar,
  uploadCsv
} from './helpers';
import * as sel from './selectors';

const FILE_NAME = "<img src=x onerror=alert('file')>.csv";
const THREAD_NAME =
  '<img src=x onerror="window.__vistaXss=\'name\'"><b>bold?</b>';

test('payloads in names, data, outputs and answers never execute', async ({
  page,
  baseURL
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // Given a CSV whose name, header and cells are HTML payloads
  const csv = [
    '"<script>alert(\'col\')</script>","<img src=x onerror=alert(\'col2\')>",value',
    '"<img src=x onerror=alert(\'cell\')>",a,1',
    '"<svg onload=alert(\'cell2\')>",b,2',
    '"<a href=""javascript:alert(1)"">x</a>",c,3'
  ].join('\n');
  await uploadCsv(page, FILE_NAME, csv);

  // When it is analysed (the offline overview prints and tabulates it)
  await expect(page.locator(sel.threadView)).toBeVisible({ timeout: 20000 });
  await expect(page.locator(sel.questionInput)).toBeEnabled({
    timeout: ANSWER_TIMEOUT
  });
  const card = page.locator(sel.datasetCard).first();
  await card.locator(sel.datasetToggle).click();
  await expect(card.locator(sel.columnsTable)).toContainText(
    "<script>alert('col')</script>"
  );

  // ... and a model answers with code outputs and prose full of payloads
  await ask(page, 'xss: show me everything', 'scripted-model');
  await expect(
    page.locator(sel.answerWithStatus('done'), {
      hasText: 'Here is what I found'
    })
  ).toHaveCount(1, { timeout: ANSWER_TIMEOUT });

  // ... and the thread is renamed to a payload
  const threadId = await page
    .locator(sel.threadView)
    .getAttribute('data-thread-id');
  const renamed = await page.request.patch(
    `${baseURL}/${sel.threadsEndpoint}/${threadId}`,
    { data: { name: THREAD_NAME } }
  );
  expect(renamed.status()).toBe(200);
  await attachScreenshot(page, testInfo, 'vista-xss-chat');
  await openSidebar(page);
  await page.locator(sel.refreshButton).click();
  const row = page.locator(`${sel.threadItem}[data-thread-id="${threadId}"]`);
  await expect(row).toContainText(THREAD_NAME);
  await attachScreenshot(page, testInfo, 'vista-xss-list');

  // Then nothing ran...
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as any).__vistaXss)).toBeUndefined();

  // ... the payloads were shown as text where they are data ...
  await expect(row.locator('b')).toHaveCount(0);
  await row.locator(sel.threadOpen).click();
  await expect(page.locator(sel.threadView)).toBeVisible();
  await expect(page.locator(sel.assistantMessage).last()).toBeVisible();

  // ... and no active element made it into the sidebar or the analysis tab
  const sidebar = page.locator(`${sel.sidebar}, ${sel.analysisTab}`);
  await expect(sidebar.locator('script')).toHaveCount(0);
  await expect(sidebar.locator('iframe')).toHaveCount(0);
  await expect(sidebar.locator('[onerror], [onload], [onclick]')).toHaveCount(
    0
  );
  await expect(sidebar.locator('a[href^="javascript:" i]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as any).__vistaXss)).toBeUndefined();
});
