import { expect, test } from '@jupyterlab/galata';

import * as sel from './selectors';

test('the sidebar opens and lists a thread created through the API', async ({
  page,
  baseURL
}, testInfo) => {
  // Given a thread created through the REST API
  const name = `Galata thread ${Math.random().toString(36).slice(2, 10)}`;
  const response = await page.request.post(
    `${baseURL}/${sel.threadsEndpoint}`,
    { data: { name } }
  );
  expect(response.status()).toBe(201);
  const thread = await response.json();
  expect(thread.name).toBe(name);

  // When the Vista sidebar is opened
  await page.locator(sel.sidebarTab).click();
  await expect(page.locator(sel.sidebar)).toBeVisible();

  // Then the thread is listed
  const item = page.locator(sel.threadItem, { hasText: name });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-thread-id', thread.id);
  await expect(page.locator(sel.errorState)).toHaveCount(0);

  const screenshot = testInfo.outputPath('vista-sidebar.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('vista-sidebar', {
    path: screenshot,
    contentType: 'image/png'
  });
});
