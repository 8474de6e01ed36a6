/**
 * Room to read: an analysis opens in a tab of the main area (restored by a
 * reload, as is the sidebar's), its header keeps its height however long the
 * chat grows, figures enlarge and download, and the list tells same-named
 * analyses apart.
 */
import { expect, test } from '@jupyterlab/galata';

import {
  ask,
  attachScreenshot,
  createExampleThread,
  finishedExampleThread,
  openSidebar,
  openThread,
  reloadPage,
  unique,
  waitForIdle,
  workspaceSaved
} from './helpers';
import * as sel from './selectors';

test.describe.configure({ mode: 'serial' });

/** The header shows all of its content: it was not squeezed by the chat. */
async function expectFullHeader(page: any): Promise<void> {
  const header = page.locator(sel.threadHeader);
  await expect(header).toBeVisible();
  const { client, scroll } = await header.evaluate((node: HTMLElement) => ({
    client: node.clientHeight,
    scroll: node.scrollHeight
  }));
  expect(client).toBeGreaterThanOrEqual(24);
  expect(scroll).toBeLessThanOrEqual(client);
}

test('an analysis opens in a tab, keeps its header, and survives a reload', async ({
  page,
  baseURL
}, testInfo) => {
  // Given an analysis whose overview (a long chat with figures) has finished
  const name = `Tab ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'cars',
    name
  );

  // When it is picked in the list
  const saved = workspaceSaved(page, `vista-analysis:${thread.id}`);
  await openThread(page, name);

  // Then it opens as a tab of the main area, its chat legible there
  await expect(page.locator(sel.dockTab(name))).toBeVisible();
  const tab = page.locator(sel.analysisTab, {
    has: page.locator(sel.threadView)
  });
  await expect(tab).toBeVisible();
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({
    timeout: 20000
  });
  expect((await tab.boundingBox())!.width).toBeGreaterThan(600);
  await expectFullHeader(page);
  await attachScreenshot(page, testInfo, 'vista-analysis-tab');

  // When the page is reloaded, the tab is back with its chat, untouched
  await saved;
  await reloadPage(page);
  await expect(page.locator(sel.dockTab(name))).toBeVisible({ timeout: 30000 });
  await expect(page.locator(sel.userMessage).first()).toContainText('overview');

  // The list can also put it in the sidebar, where the header keeps its
  // height too, and a reload shows it there again
  await openSidebar(page);
  const row = page.locator(`${sel.threadItem}[data-thread-id="${thread.id}"]`);
  await row.hover();
  // (the sidebar's own state, not any save naming the thread: the tab's state
  // names it too, and a save of that alone would let the reload come too early)
  const savedSidebar = workspaceSaved(
    page,
    `"vista-jupyter:sidebar":{"thread":"${thread.id}"}`
  );
  await row.locator(sel.openElsewhere).click();
  const inSidebar = `${sel.sidebar} .jp-vista-thread-view`;
  await expect(page.locator(inSidebar)).toBeVisible();
  await expect(
    page.locator(`${inSidebar} .jp-vista-assistant img`).first()
  ).toBeVisible({
    timeout: 20000
  });
  const header = page.locator(`${inSidebar} .jp-vista-header`);
  const heights = await header.evaluate((node: HTMLElement) => [
    node.clientHeight,
    node.scrollHeight
  ]);
  expect(heights[0]).toBeGreaterThanOrEqual(24);
  expect(heights[1]).toBeLessThanOrEqual(heights[0]);
  await savedSidebar;
  await reloadPage(page);
  await openSidebar(page);
  await expect(page.locator(inSidebar)).toBeVisible({ timeout: 30000 });
  await expect(page.locator(`${inSidebar} .jp-vista-thread-title`)).toHaveText(
    name
  );
});

test('figures enlarge with a download, and are described by their title', async ({
  page,
  baseURL
}) => {
  const name = `Zoom ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'penguins',
    name
  );
  await openThread(page, name);

  // The figure's alt text is the chart's title, not "Figure"
  const figure = page.locator(`${sel.assistantMessage} ${sel.figure}`).first();
  await expect(figure).toBeVisible({ timeout: 20000 });
  const alt = (await figure.getAttribute('alt')) ?? '';
  expect(alt).not.toBe('Figure');
  expect(alt.length).toBeGreaterThan(0);

  // When it is clicked, it shows at full size with a download
  await page.locator(sel.figureZoom).first().click();
  const dialog = page.locator(sel.figureDialog);
  await expect(dialog.locator('img')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.locator(sel.figureDownload).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  expect(download.suggestedFilename()).toContain(alt.split(' / ')[0]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Code fits its box: the box spans the answer, long lines scroll inside it
  const answer = page.locator(sel.assistantMessage).first();
  await answer.locator(sel.codeToggle).first().click();
  // (the Markdown renderer draws the code asynchronously)
  await expect(answer.locator('.jp-vista-code pre').first()).toBeVisible();
  const sizes = await answer.evaluate((node: HTMLElement) => {
    const block = node
      .querySelector('.jp-vista-code-block')!
      .getBoundingClientRect();
    const pre = node.querySelector('.jp-vista-code pre') as HTMLElement;
    const box = pre.getBoundingClientRect();
    return {
      answer: node.getBoundingClientRect().width,
      block: block.width,
      preRight: box.right,
      blockRight: block.right,
      overflow: getComputedStyle(pre).overflowX
    };
  });
  expect(sizes.block).toBeGreaterThan(sizes.answer - 2);
  expect(sizes.preRight).toBeLessThanOrEqual(sizes.blockRight + 0.5);
  expect(sizes.overflow).toBe('auto');
});

test('same-named analyses show their dataset and when they started', async ({
  page,
  baseURL
}) => {
  const name = `Twin ${unique()}`;
  const first = await createExampleThread(page.request, baseURL!, 'iris', name);
  const second = await createExampleThread(
    page.request,
    baseURL!,
    'cars',
    name
  );
  await openSidebar(page);
  await page.locator(sel.refreshButton).click();
  for (const [thread, dataset] of [
    [first, 'iris'],
    [second, 'cars']
  ] as const) {
    const row = page.locator(
      `${sel.threadItem}[data-thread-id="${thread.id}"]`
    );
    await expect(row).toContainText(dataset);
    await expect(row.locator('.jp-vista-thread-started')).toBeVisible();
  }
  await waitForIdle(page.request, baseURL!, first.id);
  await waitForIdle(page.request, baseURL!, second.id);
});

test('suggested questions are chips that ask', async ({ page, baseURL }) => {
  // Given a new analysis of the cars example, its overview done
  const name = `Chips ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'cars',
    name
  );
  await openThread(page, name);

  // Then questions about its own columns are offered
  const chips = page.locator(sel.suggestion);
  await expect(chips.first()).toBeVisible({ timeout: 20000 });
  const starter = (await chips.first().textContent())!;
  expect(starter).toMatch(
    /mpg|Horsepower|Origin|Cylinders|Weight|Displacement|Acceleration/i
  );

  // When one is clicked, it is asked and answered
  await chips.first().click();
  await expect(
    page.locator(sel.userMessage, { hasText: starter })
  ).toBeVisible();
  await expect(page.locator(sel.answerWithStatus('done'))).toHaveCount(2, {
    timeout: 45000
  });

  // An answer that did not understand offers chips too, which ask
  await ask(page, 'what is the meaning of life');
  await expect(page.locator(sel.answerWithStatus('done'))).toHaveCount(3, {
    timeout: 45000
  });
  const offered = page.locator(
    `${sel.assistantMessage} + .jp-vista-suggestions .jp-vista-suggestion`
  );
  await expect(offered.first()).toBeVisible();
  const again = (await offered.last().textContent())!;
  await offered.last().click();
  await expect(page.locator(sel.userMessage, { hasText: again })).toBeVisible();
  await waitForIdle(page.request, baseURL!, thread.id);
});

test('the settings offer the server’s models and where analyses open', async ({
  page
}) => {
  await page.evaluate(async () => {
    await (window as any).jupyterapp.commands.execute('settingeditor:open', {
      query: 'Vista'
    });
  });
  await page
    .locator('.jp-PluginList-entry', { hasText: 'Vista' })
    .first()
    .click();
  // Model: a choice among the models the server lists, not a free-text field
  const model = page.locator('select', {
    has: page.locator('option', { hasText: 'scripted-model' })
  });
  await expect(model).toBeVisible({ timeout: 20000 });
  await expect(model.locator('option')).toContainText([
    'The server’s default (Vista offline analyst)',
    'scripted-model',
    'Vista offline analyst'
  ]);
  const openIn = page.locator('select', {
    has: page.locator('option', { hasText: 'A tab of the main area' })
  });
  await expect(openIn).toBeVisible();
});
