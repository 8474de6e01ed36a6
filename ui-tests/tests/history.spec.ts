/**
 * History at scale, as a heavy user meets it: a long conversation opens on
 * its newest messages and reads older ones as it is scrolled up, keeping
 * what is on screen in place; the list of analyses reads more as it is
 * scrolled and is kept current by the server's change feed (an answer that
 * ends in another tab shows without a reload); a long running answer
 * followed after a reload offers its earlier steps.
 *
 * Long histories are written straight into the test server's database
 * through Vista's store (seed_history.py): asking hundreds of questions
 * through the chat would take minutes.
 */
import { expect, test } from '@jupyterlab/galata';

import {
  ANSWER_TIMEOUT,
  ask,
  openSidebar,
  openSecondTab,
  openThread,
  reloadPage,
  seedHistory,
  unique,
  workspaceSaved
} from './helpers';
import * as sel from './selectors';

test.describe.configure({ mode: 'serial' });

/** Make an empty thread through the API; its id. */
async function newThread(
  request: import('@playwright/test').APIRequestContext,
  baseURL: string,
  name: string
): Promise<string> {
  const response = await request.post(`${baseURL}/${sel.threadsEndpoint}`, {
    data: { name }
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test('a long conversation opens on its newest messages and reads older ones on scroll-up without jumping', async ({
  page,
  baseURL
}) => {
  // Given an analysis of 150 questions and answers (300 messages)
  const name = `Long ${unique()}`;
  const id = await newThread(page.request, baseURL!, name);
  await seedHistory(page.request, baseURL!, 'turns', id, 150);

  // When it is opened
  await openThread(page, name);

  // Then the newest question and answer are on screen, and only they were read
  const newest = page.locator(sel.messageBySeq(300));
  await expect(newest).toContainText('Answer 149');
  await expect(newest).toBeInViewport();
  const shown = page.locator(`${sel.chatMessages} [data-seq]`);
  expect(await shown.count()).toBeLessThanOrEqual(50);
  await expect(page.locator(sel.messageBySeq(1))).toHaveCount(0);

  // When the user scrolls up to the oldest message shown, older ones come in
  // above it; a probe in the page notes, when they do, how far the message
  // the user was reading moved and how much came in above it
  const scroller = page.locator(sel.chatScroll);
  await scroller.evaluate(node => {
    const probe = ((window as any).__vistaProbe = {
      anchor: null as null | { seq: string; top: number },
      shift: null as null | number,
      added: 0,
      height: node.clientHeight
    });
    const anchorOf = (): { seq: string; top: number } | null => {
      const top = node.getBoundingClientRect().top;
      for (const el of Array.from(node.querySelectorAll('[data-seq]'))) {
        const rect = el.getBoundingClientRect();
        if (rect.bottom > top) {
          return { seq: el.getAttribute('data-seq')!, top: rect.top };
        }
      }
      return null;
    };
    probe.anchor = anchorOf();
    node.addEventListener('scroll', () => {
      if (probe.shift === null) {
        probe.anchor = anchorOf();
      }
    });
    const list = node.querySelector('.jp-vista-messages')!;
    const first = list.querySelector('[data-seq]')!.getAttribute('data-seq');
    // (Called after the chat has placed itself for the new messages.)
    new MutationObserver(() => {
      const now = list.querySelector('[data-seq]')!.getAttribute('data-seq');
      if (probe.shift !== null || now === first || !probe.anchor) {
        return;
      }
      const read = list.querySelector(`[data-seq="${probe.anchor.seq}"]`)!;
      const oldFirst = list.querySelector(`[data-seq="${first}"]`)!;
      probe.shift = read.getBoundingClientRect().top - probe.anchor.top;
      probe.added =
        oldFirst.getBoundingClientRect().top -
        list.querySelector('[data-seq]')!.getBoundingClientRect().top;
    }).observe(list, { childList: true });
  });
  await scroller.hover();
  for (let i = 0; i < 60; i++) {
    if (
      await page.evaluate(() => (window as any).__vistaProbe.shift !== null)
    ) {
      break;
    }
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(150);
  }
  const probe = await page.evaluate(() => (window as any).__vistaProbe);
  console.log(
    `older page: ${probe.added} px above, the message read moved ${probe.shift} px`
  );
  // Then a page of older messages (more than a screenful) came in above,
  // and the message being read stayed where it was on screen
  expect(probe.shift).not.toBeNull();
  expect(probe.added).toBeGreaterThan(probe.height);
  expect(Math.abs(probe.shift)).toBeLessThan(40);
  expect(await shown.count()).toBeGreaterThan(50);

  // And scrolling on reaches the first question; at most 200 messages are
  // held, so the newest are let go, and come back on request
  for (let i = 0; i < 200; i++) {
    if ((await page.locator(sel.messageBySeq(1)).count()) > 0) {
      break;
    }
    await page.mouse.wheel(0, -1500);
    await page.waitForTimeout(100);
  }
  await expect(page.locator(sel.messageBySeq(1))).toContainText('Question 0');
  expect(await shown.count()).toBeLessThanOrEqual(200);
  await expect(newest).toHaveCount(0);
  await page.locator(sel.jumpToLatest).click();
  await expect(newest).toBeInViewport();
  await expect(page.locator(sel.messageBySeq(1))).toHaveCount(0);
});

test('the list of analyses shows more as it is scrolled', async ({
  page,
  baseURL
}) => {
  // Given a user with 120 analyses last used long ago (below all others)
  const prefix = `Old ${unique()}`;
  await seedHistory(page.request, baseURL!, 'threads', prefix, 120);

  // When the list is shown, it holds a first page, without the oldest
  await openSidebar(page);
  const rows = page.locator(`${sel.sidebar} ${sel.threadItem}`);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(50);
  const oldest = page.locator(sel.threadItem, { hasText: `${prefix} 000` });
  await expect(oldest).toHaveCount(0);

  // Then scrolling down reads the next pages, down to the oldest
  const list = page.locator(sel.threadList);
  for (let i = 0; i < 40 && (await oldest.count()) === 0; i++) {
    await list.evaluate(node => node.scrollTo(0, node.scrollHeight));
    await page.waitForTimeout(250);
  }
  await oldest.scrollIntoViewIfNeeded();
  await expect(oldest).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(120);
  await expect(page.locator(sel.moreThreads)).toHaveCount(0);
  // each analysis once
  const ids = await rows.evaluateAll(items =>
    items.map(i => i.getAttribute('data-thread-id'))
  );
  expect(new Set(ids).size).toBe(ids.length);
});

test('the list shows an answer that ends in another tab, without a reload', async ({
  page,
  baseURL
}) => {
  // Given the list on screen
  await openSidebar(page);
  await expect(
    page.locator(`${sel.sidebar} ${sel.threadItem}`).first()
  ).toBeVisible();

  // When an analysis is made elsewhere, it shows at once
  const name = `Elsewhere ${unique()}`;
  await newThread(page.request, baseURL!, name);
  const row = page.locator(sel.threadItem, { hasText: name });
  await expect(row).toBeVisible({ timeout: 10000 });
  await expect(row.locator(sel.threadCount)).toHaveText('0 messages');

  // When a second tab asks a question in it and the answer ends there
  const second = await openSecondTab(page, baseURL!, 'vista-list-second-tab');
  await openThread(second, name);
  await ask(second, 'a short question', 'scripted-model');
  await expect(second.locator(sel.answerWithStatus('done'))).toHaveCount(1, {
    timeout: ANSWER_TIMEOUT
  });

  // Then the first tab's list shows it answered and on top, with no reload
  // and well before any periodic re-reading would
  await expect(row.locator(sel.threadCount)).toHaveText('2 messages', {
    timeout: 10000
  });
  await expect(row.locator(sel.runningMark)).toHaveCount(0);
  await expect(
    page.locator(`${sel.sidebar} ${sel.threadItem}`).first()
  ).toContainText(name);
  await second.close();
});

test('a long running answer followed after a reload offers its earlier steps', async ({
  page,
  baseURL
}) => {
  // Given a very long answer streaming (more events than the server replays)
  const name = `At length ${unique()}`;
  await newThread(page.request, baseURL!, name);
  await openThread(page, name);
  const saved = workspaceSaved(page, 'vista-analysis:');
  await ask(page, 'tell me at length', 'scripted-model');
  await expect(page.locator(sel.liveAnswer)).toContainText('w400 ', {
    timeout: 30000
  });

  // When the page is reloaded while it runs
  await saved;
  await reloadPage(page);

  // Then the answer is followed from its newest words, and its beginning is offered
  await expect(page.locator(sel.loadEarlier)).toBeVisible({ timeout: 30000 });
  await expect(page.locator(sel.liveAnswer)).not.toContainText('w0 w1 w2 ');
  await page.locator(sel.loadEarlier).click();
  await expect(page.locator(sel.liveAnswer)).toContainText('w0 w1 w2 w3 ');
  await expect(page.locator(sel.loadEarlier)).toHaveCount(0);

  // and it ends whole
  const done = page.locator(sel.answerWithStatus('done'), {
    hasText: 'the end of a long answer'
  });
  await expect(done).toHaveCount(1, { timeout: ANSWER_TIMEOUT });
  await expect(done).toContainText('w0 w1 w2 w3 ');
});
