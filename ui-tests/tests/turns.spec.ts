/**
 * Turns as the user lives them: an answer keeps streaming across a reload
 * and in a second tab, Stop keeps what was written, a failed turn can be
 * retried, and the thread list renames and deletes with confirmation.
 *
 * The slow and failing answers come from the scripted model server
 * (scripted_model.py), picked in the chat's model menu.
 */
import { expect, test } from '@jupyterlab/galata';

import {
  ANSWER_TIMEOUT,
  ask,
  attachScreenshot,
  finishedExampleThread,
  openFinishedAnalysis,
  openSidebar,
  openSecondTab,
  openThread,
  reloadPage,
  unique,
  waitForIdle,
  workspaceSaved
} from './helpers';
import * as sel from './selectors';

test.describe.configure({ mode: 'serial' });

test('a running answer continues after a reload and in a second tab', async ({
  page,
  baseURL
}, testInfo) => {
  // Given an analysis whose overview has finished
  const name = `Live ${unique()}`;
  const saved = workspaceSaved(page, 'vista-analysis:');
  await openFinishedAnalysis(page, baseURL!, 'cars', name);

  // When a slow answer starts streaming
  await ask(page, 'tell me slowly about the data', 'scripted-model');
  await expect(page.locator(sel.liveAnswer)).toContainText('word2');
  await expect(page.locator(sel.questionInput)).toBeDisabled();
  await expect(page.locator(sel.stopButton)).toBeVisible();

  // ... and the page is reloaded: the analysis is back in its tab, and the
  // list marks it as answering; a second browser tab (its own workspace, as
  // JupyterLab gives a second tab) opens the same analysis
  await saved;
  await reloadPage(page);
  await expect(page.locator(sel.liveAnswer)).toContainText('word', {
    timeout: 30000
  });
  await openSidebar(page);
  await expect(
    page.locator(sel.threadItem, { hasText: name }).locator(sel.runningMark)
  ).toBeVisible();
  const second = await openSecondTab(
    page,
    baseURL!,
    `vista-second-tab-${unique()}`
  );
  await openThread(second, name);

  // Then both see the turn still running, from its first words on
  for (const tab of [page, second]) {
    await expect(tab.locator(sel.liveAnswer)).toContainText('word0');
    // the chat follows the answer as it grows
    await expect(tab.locator(sel.liveAnswer)).toBeInViewport();
    await expect(tab.locator(sel.statusLine)).toBeVisible();
    await expect(tab.locator(sel.questionInput)).toBeDisabled();
  }
  await attachScreenshot(second, testInfo, 'vista-second-tab-live');

  // An output re-rendered empties its node before filling it again (as
  // JupyterLab's renderers do), and a script reading a size in between lays
  // the shorter content out: the chat goes on following from there (the
  // view was pulled up to the shorter content's end, and the scroll event
  // that said so, coming once the content had grown back, read as the
  // user's move up)
  const chat = page.locator(sel.chatScroll);
  const fromEnd = () =>
    chat.evaluate(
      node => node.scrollHeight - node.scrollTop - node.clientHeight
    );
  await chat.evaluate(node => {
    const live = node.querySelector('.jp-vista-live') as HTMLElement;
    const host = (live.querySelector('.jp-RenderedMarkdown') ??
      live) as HTMLElement;
    const kids = Array.from(host.childNodes);
    kids.forEach(kid => host.removeChild(kid));
    void node.scrollHeight; // laid out while empty
    kids.forEach(kid => host.appendChild(kid));
  });
  const words = (await page.locator(sel.liveAnswer).innerText()).length;
  await expect
    .poll(async () => (await page.locator(sel.liveAnswer).innerText()).length)
    .toBeGreaterThan(words + 8);
  await expect.poll(fromEnd).toBeLessThan(2);

  // A user who scrolls up to reread is left there while the answer grows
  await chat.hover();
  await page.mouse.wheel(0, -400);
  await expect(page.locator(sel.liveAnswer)).not.toBeInViewport();
  const top = await chat.evaluate(node => node.scrollTop);
  await page.waitForTimeout(1500);
  expect(await chat.evaluate(node => node.scrollTop)).toBe(top);

  // ... and so is one whose view moves with no wheel, key or pointer in the
  // chat (assistive technology going to a control above, find in page): the
  // second tab, still following, is scrolled to the top by script
  const secondChat = second.locator(sel.chatScroll);
  await secondChat.evaluate(node => {
    node.scrollTop = 0;
  });
  await second.waitForTimeout(1500);
  expect(await secondChat.evaluate(node => node.scrollTop)).toBe(0);
  // (while the answer kept growing below)
  await expect(second.locator(sel.liveAnswer)).toHaveCount(1);

  // And both see it finish, once, with the box unlocked
  for (const tab of [page, second]) {
    const done = tab.locator(sel.answerWithStatus('done'), {
      hasText: 'the end of a slow answer'
    });
    await expect(done).toHaveCount(1, { timeout: ANSWER_TIMEOUT });
    await expect(tab.locator(sel.liveAnswer)).toHaveCount(0);
    await expect(tab.locator(sel.questionInput)).toBeEnabled();
  }
  await second.close();
});

test('Stop ends the turn and keeps what was written', async ({
  page,
  baseURL
}, testInfo) => {
  const name = `Stop ${unique()}`;
  const thread = await openFinishedAnalysis(page, baseURL!, 'iris', name);

  // When a slow answer is stopped after a few words
  await ask(page, 'explain slowly what is in the data', 'scripted-model');
  await expect(page.locator(sel.liveAnswer)).toContainText('word3');
  await page.locator(sel.stopButton).click();

  // Then the answer ends as cancelled with what it had written, and the
  // box is free for the next question
  const cancelled = page.locator(sel.answerWithStatus('cancelled'));
  await expect(cancelled).toHaveCount(1, { timeout: 20000 });
  await expect(cancelled).toContainText('word3');
  await expect(cancelled).not.toContainText('the end of a slow answer');
  await expect(page.locator(sel.questionInput)).toBeEnabled();
  await expect(page.locator(sel.retryButton)).toBeVisible();
  await attachScreenshot(page, testInfo, 'vista-stopped');

  // And the server agrees: no turn runs
  await waitForIdle(page.request, baseURL!, thread.id);

  // Code stopped while it runs reads "stopped", not "failed"
  await ask(page, 'a sleepy computation', 'scripted-model');
  await expect(
    page.locator(`${sel.liveAnswer} ${sel.codeToggle}`)
  ).toContainText('Running code', { timeout: ANSWER_TIMEOUT });
  await page.locator(sel.stopButton).click();
  const stopped = page.locator(sel.answerWithStatus('cancelled')).last();
  await expect(stopped.locator(sel.codeToggle)).toHaveText('Code (stopped)', {
    timeout: 20000
  });
  await expect(
    stopped.locator('.jp-vista-code-block.jp-mod-failed')
  ).toHaveCount(0);
  await waitForIdle(page.request, baseURL!, thread.id);
});

test('a failed answer shows its error and Retry asks again', async ({
  page,
  baseURL
}, testInfo) => {
  const name = `Retry ${unique()}`;
  await openFinishedAnalysis(page, baseURL!, 'iris', name);

  // When the model server refuses the first attempt
  await ask(page, 'a flaky question', 'scripted-model');

  // Then the error says what happened and how to fix it, with a Retry
  const error = page.locator(sel.turnError);
  await expect(error).toContainText('Authentication failed', {
    timeout: ANSWER_TIMEOUT
  });
  await expect(error).not.toContainText('sk-ui-test-key');
  await attachScreenshot(page, testInfo, 'vista-error');

  // ... and still does when the analysis is opened again after a reload
  await reloadPage(page);
  await openThread(page, name);
  await expect(error).toContainText('Authentication failed');
  await page.locator(sel.modelSelect).selectOption('scripted-model');

  // When Retry is pressed, the same question is asked again and answered
  await page.locator(sel.retryButton).click();
  await expect(
    page.locator(sel.answerWithStatus('done'), {
      hasText: 'A short scripted answer.'
    })
  ).toHaveCount(1, { timeout: ANSWER_TIMEOUT });
  await expect(
    page.locator(sel.userMessage, { hasText: 'a flaky question' })
  ).toHaveCount(2);
});

test('analyses are renamed in place and deleted after confirmation', async ({
  page,
  baseURL
}) => {
  const name = `Rename ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'iris',
    name
  );
  await openSidebar(page);
  const row = page.locator(`${sel.threadItem}[data-thread-id="${thread.id}"]`);
  await expect(row).toContainText(name);

  // Rename: Enter commits, and the server has the new name
  // (the row's actions show on hover or keyboard focus, as in the file browser)
  const renamed = `${name} renamed`;
  await row.hover();
  await row.locator(sel.renameButton).click();
  await row.locator(sel.renameInput).fill(renamed);
  await row.locator(sel.renameInput).press('Enter');
  await expect(row).toContainText(renamed);
  const after = await page.request.get(
    `${baseURL}/${sel.threadsEndpoint}/${thread.id}`
  );
  expect((await after.json()).name).toBe(renamed);

  // Delete: nothing happens until the dialog is confirmed
  await row.hover();
  await row.locator(sel.deleteButton).click();
  await expect(page.locator('.jp-Dialog')).toContainText(renamed);
  await page.locator('.jp-Dialog .jp-mod-reject').click();
  await expect(row).toBeVisible();
  // Enter in the dialog cancels: the focus is on Cancel, not on Delete
  await row.hover();
  await row.locator(sel.deleteButton).click();
  await expect(page.locator('.jp-Dialog .jp-mod-reject')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  await expect(row).toBeVisible();
  await row.hover();
  await row.locator(sel.deleteButton).click();
  await page.locator(sel.dialogAccept).click();
  await expect(row).toHaveCount(0);
  const gone = await page.request.get(
    `${baseURL}/${sel.threadsEndpoint}/${thread.id}`
  );
  expect(gone.status()).toBe(404);
});
