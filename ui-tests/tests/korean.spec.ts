/**
 * The Korean interface: with JupyterLab's language set to Korean (the
 * language pack jupyterlab-language-pack-ko-KR), Vista speaks Korean too,
 * and a Korean analysis exports to a notebook whose Run All draws Hangul.
 */
import { expect, galata, test } from '@jupyterlab/galata';

import {
  ANSWER_TIMEOUT,
  attachScreenshot,
  chooseCsv,
  openSidebar,
  unique
} from './helpers';
import * as sel from './selectors';

test.use({
  mockSettings: {
    ...galata.DEFAULT_SETTINGS,
    '@jupyterlab/translation-extension:plugin': { locale: 'ko_KR' }
  },
  // Galata waits for a tab named "Launcher", which is "런처" in Korean.
  waitForApplication: async ({ baseURL }, use) => {
    await use(async page => {
      await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
    });
  }
});

test('Vista in Korean, and an exported Korean analysis that draws Hangul', async ({
  page
}, testInfo) => {
  // JupyterLab itself is in Korean
  await expect(page.locator('#jp-menu-panel')).toContainText('파일');

  // The sidebar and the new-analysis page speak Korean
  await openSidebar(page);
  await expect(page.locator(sel.sidebar)).toContainText('Vista');
  await page.locator(sel.newButton).click();
  const newPage = page.locator(sel.sidebar);
  await expect(newPage).toContainText('새 분석');
  await expect(newPage).toContainText('또는 예제로 시작하기');
  await expect(page.locator(`${sel.sidebar} .jp-vista-choose-file`)).toHaveText(
    '파일 선택…'
  );
  await expect(
    page.locator(`${sel.sidebar} .jp-vista-workspace-file`)
  ).toHaveText('작업 공간에서…');
  await attachScreenshot(page, testInfo, 'vista-ko-new-analysis');

  // When a file with Korean columns and values is analysed
  const name = `판매_${unique()}.csv`;
  const csv = [
    '지역,판매량,단가',
    '서울,120,1.5',
    '부산,80,2.1',
    '제주,45,3.2',
    '서울,130,1.4',
    '부산,70,2.2',
    '대구,60,1.9'
  ].join('\n');
  await chooseCsv(page, name, csv);

  // Then its overview is written in Korean, with Korean starter questions
  await expect(page.locator(sel.threadView)).toBeVisible({ timeout: 20000 });
  await expect(page.locator(sel.userMessage).first()).toContainText('개요');
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({ timeout: ANSWER_TIMEOUT });
  await expect(page.locator(sel.questionInput)).toBeEnabled({
    timeout: ANSWER_TIMEOUT
  });
  await expect(page.locator(sel.suggestion).first()).toContainText('판매량');
  await expect(page.locator(sel.sendButton)).toContainText('보내기');
  // Korean wraps between words, never inside one
  expect(
    await page
      .locator(sel.assistantMessage)
      .first()
      .evaluate(node => getComputedStyle(node).wordBreak)
  ).toBe('keep-all');
  await attachScreenshot(page, testInfo, 'vista-ko-analysis');

  // When it is exported and the notebook re-runs in its own kernel
  await page.locator(sel.exportButton).click();
  const notebook = page.locator('.jp-NotebookPanel:visible');
  await expect(notebook.locator('.jp-Cell').first()).toBeVisible({
    timeout: 20000
  });
  await expect(notebook).toContainText('_korean_font(');
  const recorded = await notebookOutputs(page);
  expect(recorded.figures).toBeGreaterThan(0);
  await page.evaluate(async () => {
    const app = (window as any).jupyterapp;
    // Run only once the notebook's kernel is there (else JupyterLab asks for one)
    await app.shell.currentWidget.sessionContext.ready;
    await app.commands.execute('notebook:clear-all-cell-outputs');
    void app.commands.execute('notebook:run-all-cells');
  });

  // Then every code cell runs, every figure draws again, and nothing warns
  // of a missing glyph
  await expect
    .poll(
      async () => {
        const now = await notebookOutputs(page);
        return now.ran === now.code;
      },
      { timeout: ANSWER_TIMEOUT }
    )
    .toBe(true);
  const rerun = await notebookOutputs(page);
  expect(rerun.figures).toBe(recorded.figures);
  expect(rerun.stderr).toEqual([]);
  await attachScreenshot(page, testInfo, 'vista-ko-exported-notebook');
});

/** What the current notebook's code cells hold (read from its model). */
async function notebookOutputs(
  page: any
): Promise<{ code: number; ran: number; figures: number; stderr: string[] }> {
  return page.evaluate(() => {
    const panel = (window as any).jupyterapp.shell.currentWidget;
    const cells = panel.content.model.cells;
    const result = { code: 0, ran: 0, figures: 0, stderr: [] as string[] };
    for (let i = 0; i < cells.length; i++) {
      const cell = cells.get(i);
      if (cell.type !== 'code') {
        continue;
      }
      result.code += 1;
      result.ran += cell.executionCount ? 1 : 0;
      for (let j = 0; j < cell.outputs.length; j++) {
        const output = cell.outputs.get(j).toJSON();
        if (output.data && output.data['image/png']) {
          result.figures += 1;
        }
        if (output.output_type === 'error' || output.name === 'stderr') {
          result.stderr.push(JSON.stringify(output).slice(0, 300));
        }
      }
    }
    return result;
  });
}
