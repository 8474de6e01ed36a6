import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import type { APIResponse } from '@playwright/test';

import {
  ANSWER_TIMEOUT,
  attachScreenshot,
  chooseCsv,
  countAllThreads,
  finishedExampleThread,
  openFinishedAnalysis,
  openSidebar,
  openThread,
  unique,
  uploadCsv
} from './helpers';
import * as sel from './selectors';

test.describe.configure({ mode: 'serial' });

test('the sidebar opens and lists a thread created through the API', async ({
  page,
  baseURL
}, testInfo) => {
  // Given a thread created through the REST API
  const name = `Galata thread ${unique()}`;
  const response = await page.request.post(
    `${baseURL}/${sel.threadsEndpoint}`,
    { data: { name } }
  );
  expect(response.status()).toBe(201);
  const thread = await response.json();

  // When the Vista sidebar is opened
  await openSidebar(page);

  // Then the thread is listed
  const item = page.locator(sel.threadItem, { hasText: name });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-thread-id', thread.id);
  await expect(page.locator(sel.errorState)).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'vista-sidebar');
});

test('choosing an example dataset gives an overview with a figure', async ({
  page
}, testInfo) => {
  // Given the new-analysis page, reached from the Launcher's Vista card
  const card = page.locator(sel.launcherCard);
  await expect(card).toBeVisible();
  await card.click();
  await expect(page.locator(sel.example('cars'))).toBeVisible();
  await attachScreenshot(page, testInfo, 'vista-new-analysis');

  // When the cars example is chosen
  await page.locator(sel.example('cars')).click();

  // Then its chat opens with the automatic overview and its figures
  await expect(page.locator(sel.threadView)).toBeVisible();
  await expect(
    page.locator(sel.datasetCard, { hasText: 'cars' })
  ).toBeVisible();
  await expect(page.locator(sel.userMessage).first()).toContainText('overview');
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({ timeout: ANSWER_TIMEOUT });
  await expect(page.locator(sel.questionInput)).toBeEnabled({
    timeout: ANSWER_TIMEOUT
  });
  await expect(page.locator(sel.offlineBanner)).toBeVisible();
  await attachScreenshot(page, testInfo, 'vista-overview');
});

test('uploading a CSV shows its dataset card', async ({ page }, testInfo) => {
  // Given a small CSV made in the test
  const name = `sales_${unique()}.csv`;
  const csv = [
    'region,product,units,price,year',
    'North,apples,12,1.5,1970',
    'South,pears,7,2.25,1971',
    'North,pears,3,2.25,1974',
    'East,apples,9,1.5,1972',
    'South,apples,15,1.4,1973'
  ].join('\n');

  // When it is chosen in the file picker of the new-analysis page
  await uploadCsv(page, name, csv);

  // Then the analysis opens on its dataset card: rows, columns and kinds
  await expect(page.locator(sel.threadView)).toBeVisible({ timeout: 20000 });
  const card = page.locator(sel.datasetCard).first();
  await expect(card).toContainText('5 rows × 5 columns');
  await card.locator(sel.datasetToggle).click();
  const columns = card.locator(sel.columnsTable);
  await expect(columns).toBeVisible();
  for (const column of ['region', 'product', 'units', 'price', 'year']) {
    await expect(columns).toContainText(column);
  }
  await expect(columns).toContainText('number');
  // years read as years, not "1,970"
  await expect(columns).toContainText('1970 – 1974');
  // a small table is a pandas DataFrame in the kernel
  await expect(card.locator(sel.datasetMode)).toHaveAttribute(
    'data-mode',
    'pandas'
  );
  await expect(card.locator(sel.datasetModeNote)).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'vista-dataset-card');

  // And the original file downloads under its own name, byte for byte
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.locator(sel.downloadOriginal).click()
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const path = await download.path();
  expect(fs.readFileSync(path, 'utf-8')).toBe(csv);
});

test('a dataset too large for pandas is held in DuckDB and its overview is computed in SQL', async ({
  page
}, testInfo) => {
  // Given a CSV whose table is over the server's max_dataframe_bytes (1 MiB in these tests)
  const name = `large_${unique()}.csv`;
  const cities = ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Jeju'];
  const lines = ['order_id,city,amount,note'];
  for (let i = 0; i < 40000; i++) {
    lines.push(
      `${i},${cities[(i * 7) % 5]},${((i * 37) % 1000) / 4},note number ${i} about delivery`
    );
  }
  const csv = lines.join('\n');

  // When it is uploaded from the new-analysis page
  await uploadCsv(page, name, csv);

  // Then its card says it is held in DuckDB, and how to query it
  await expect(page.locator(sel.threadView)).toBeVisible({ timeout: 30000 });
  const card = page.locator(sel.datasetCard).first();
  await expect(card).toContainText('40,000 rows × 4 columns');
  const mode = card.locator(sel.datasetMode);
  await expect(mode).toHaveAttribute('data-mode', 'duckdb');
  await expect(mode).toHaveText('DuckDB');
  await card.locator(sel.datasetToggle).click();
  const note = card.locator(sel.datasetModeNote);
  await expect(note).toContainText('sql("SELECT … FROM df")');
  await expect(note).toContainText('df_sample');
  await attachScreenshot(page, testInfo, 'vista-dataset-duckdb-card');

  // And the automatic overview is answered (in SQL) with its figures
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({ timeout: ANSWER_TIMEOUT });
  await expect(page.locator(sel.assistantMessage).last()).toContainText(
    '40,000'
  );
  await expect(page.locator(sel.assistantMessage).last()).toContainText(
    'Most rows have city'
  );
  await attachScreenshot(page, testInfo, 'vista-dataset-duckdb');
});

test('an upload in progress shows its progress and can be cancelled', async ({
  page,
  baseURL
}) => {
  // Given an upload the server has not answered yet (held in the browser)
  await page.route('**/vista/api/uploads**', () => {
    /* never answered: the transfer stays in progress */
  });
  const name = `big_${unique()}.csv`;
  const countThreads = (): Promise<number> =>
    countAllThreads(page.request, baseURL!);
  const before = await countThreads();
  await uploadCsv(page, name, 'a,b\n' + '1,2\n'.repeat(200000));

  // Then its progress shows, with Cancel, and the gallery is locked
  const upload = page.locator(sel.uploadProgress);
  await expect(upload).toContainText(name);
  await expect(page.locator(sel.example('cars'))).toBeDisabled();

  // When Cancel is pressed, the page is back as it was: no error, no analysis
  await page.locator(sel.cancelUpload).click();
  await expect(upload).toHaveCount(0);
  await expect(page.locator(`${sel.sidebar} ${sel.errorState}`)).toHaveCount(0);
  await expect(page.locator(sel.example('cars'))).toBeEnabled();
  await page.unroute('**/vista/api/uploads**');
  expect(await countThreads()).toBe(before);
});

test('a file the server is reading shows its phase and elapsed time, and Cancel stops it', async ({
  page,
  baseURL
}) => {
  const countThreads = (): Promise<number> =>
    countAllThreads(page.request, baseURL!);
  const before = await countThreads();
  // Given the sidebar ready to start an analysis
  await openSidebar(page);
  await page.locator(sel.newButton).click();

  // and the server's one reader busy with large files sent by another client: three of them,
  // queued under reading ids of the test's own, so that the reader stays busy for two whole
  // readings after the small file is queued however fast the machine reads
  const rows = Array.from(
    { length: 1_500_000 },
    (_, i) => `${i},${i % 97},x${i % 13}`
  );
  const data = Buffer.from('id,n,tag\n' + rows.join('\n') + '\n');
  const readings = [0, 1, 2].map(i => `big${unique()}${i}`);
  const busy: Promise<APIResponse>[] = [];
  for (const reading of readings) {
    const big = await (
      await page.request.post(
        `${baseURL}/${sel.uploadsEndpoint}?name=large.csv`,
        { data }
      )
    ).json();
    busy.push(
      page.request.post(
        `${baseURL}/${sel.threadsEndpoint}?reading=${reading}`,
        {
          data: { dataset: { upload: big.id } },
          timeout: 300000
        }
      )
    );
    // each is known to the server (queued or reading) before the next is sent
    await expect
      .poll(
        async () =>
          (
            await page.request.get(
              `${baseURL}/${sel.readingsEndpoint}/${reading}`
            )
          ).status(),
        { timeout: 20000 }
      )
      .toBe(200);
  }

  // When a small file is chosen in the sidebar
  const name = `small_${unique()}.csv`;
  await chooseCsv(page, name, 'a,b\n1,2\n3,4\n');

  // Then, once uploaded, the page says the server is reading it, in which phase, for how
  // long, with Cancel
  const progress = page.locator(sel.uploadProgress);
  await expect(progress).toContainText(`Reading ${name}`);
  const detail = page.locator(sel.readingDetail);
  await expect(detail).toContainText('waiting for a free reader', {
    timeout: 20000
  });
  await expect(detail).toContainText(/\d+ s/);

  // When Cancel is pressed, the page is back as it was: no error, and no analysis of it
  await page.locator(sel.cancelUpload).click();
  await expect(progress).toHaveCount(0, { timeout: 20000 });
  await expect(page.locator(`${sel.sidebar} ${sel.errorState}`)).toHaveCount(0);
  for (const response of await Promise.all(busy)) {
    expect(response.status()).toBe(201);
  }
  expect(await countThreads()).toBe(before + readings.length);
});

test('"Analyze with Vista" in the file browser starts an analysis of that file', async ({
  page,
  tmpPath
}) => {
  // Given a data file in the workspace
  const name = `measurements_${unique()}.csv`;
  await page.contents.uploadContent(
    'station;temp\nA;1,5\nB;2,25\nC;3,0\n',
    'text',
    `${tmpPath}/${name}`
  );
  await page.filebrowser.refresh();

  // When its context menu entry is used
  await page.locator(`.jp-DirListing-item[title^="Name: ${name}"]`).click({
    button: 'right'
  });
  await page.locator(sel.analyzeMenuItem).click();

  // Then the analysis opens on it, read with its dialect (semicolons, decimal commas)
  await expect(page.locator(sel.threadView)).toBeVisible({ timeout: 20000 });
  const card = page.locator(sel.datasetCard).first();
  await expect(card).toContainText('3 rows × 2 columns');
  const toggle = card.locator(sel.datasetToggle);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // (the profile may still be computed on a loaded machine)
  await expect(card.locator(sel.columnsTable)).toContainText('number', {
    timeout: 20000
  });

  // And the card stays open when the thread is opened again, in the sidebar
  const row = page.locator(sel.threadItem, {
    hasText: name.replace(/\.csv$/, '')
  });
  await row.hover();
  await row.locator('.jp-vista-open-elsewhere').click();
  const again = page.locator(`${sel.sidebar} ${sel.datasetCard}`).first();
  await expect(again.locator(sel.datasetToggle)).toHaveAttribute(
    'aria-expanded',
    'true'
  );
  await expect(again.locator(sel.columnsTable)).toContainText('number', {
    timeout: 20000
  });

  // And a file Vista cannot read says why, in the sidebar
  const junk = `junk_${unique()}.csv`;
  await page.contents.uploadContent(
    Buffer.from(
      Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)
    ).toString('base64'),
    'base64',
    `${tmpPath}/${junk}`
  );
  await page.sidebar.openTab('filebrowser');
  await page.filebrowser.refresh();
  await page.locator(`.jp-DirListing-item[title^="Name: ${junk}"]`).click({
    button: 'right'
  });
  await page.locator(sel.analyzeMenuItem).click();
  const error = page.locator(`${sel.sidebar} ${sel.errorState}`);
  await expect(error).toBeVisible({ timeout: 20000 });
  await expect(error).toContainText('Could not start the analysis');

  // And the new-analysis page picks a file of the workspace in JupyterLab's
  // file dialog, which lists data files (and folders) only
  await page.locator(sel.workspaceFile).click();
  const dialog = page.locator('.jp-Dialog');
  await dialog
    .locator(`.jp-DirListing-item[title^="Name: ${tmpPath}"]`)
    .dblclick();
  await expect(
    dialog.locator(`.jp-DirListing-item[title^="Name: ${name}"]`)
  ).toBeVisible();
  await dialog.locator(`.jp-DirListing-item[title^="Name: ${name}"]`).click();
  await dialog.locator('.jp-mod-accept').click();
  await expect(page.locator(sel.datasetCard).first()).toContainText(
    name.replace('.csv', ''),
    {
      timeout: 20000
    }
  );
  await expect(page.locator(sel.datasetCard).first()).toContainText(
    '3 rows × 2 columns'
  );
});

test('asking a question streams an answer with a figure; insert and export', async ({
  page,
  baseURL
}, testInfo) => {
  // Given an analysis of the cars example whose overview has finished
  const name = `Cars ${unique()}`;
  await openFinishedAnalysis(page, baseURL!, 'cars', name);
  const input = page.locator(sel.questionInput);
  await expect(input).toBeEnabled();
  const answersBefore = await page.locator(sel.assistantMessage).count();

  // When a question is typed and sent with Enter
  await input.fill('relationship between weight and mpg');
  await input.press('Enter');

  // Then the question shows, the box is locked while it runs, and the
  // answer arrives with a figure
  await expect(
    page.locator(sel.userMessage, { hasText: 'relationship between weight' })
  ).toBeVisible();
  await expect(page.locator(sel.assistantMessage)).toHaveCount(
    answersBefore + 1,
    { timeout: ANSWER_TIMEOUT }
  );
  const answer = page.locator(sel.assistantMessage).last();
  await expect(answer.locator(sel.figure)).toBeVisible({
    timeout: ANSWER_TIMEOUT
  });
  await expect(input).toBeEnabled();
  await attachScreenshot(page, testInfo, 'vista-answer');

  // When its code is inserted (no notebook is open: a new one is made)
  const pageErrors: string[] = [];
  page.on('pageerror', error => pageErrors.push(error.message));
  const figureStep = answer.locator(sel.step, {
    has: page.locator(sel.figure)
  });
  await figureStep.locator(sel.insertCode).click();

  // Then the notebook starts with the set-up cell (imports, data), then the
  // code cell with its figure
  await expect(page.locator(sel.notebookOutputImage).first()).toBeVisible({
    timeout: 20000
  });
  await expect(page.locator(sel.notebookCell).first()).toContainText(
    'read_parquet'
  );
  await expect(page.locator(sel.notebookCell).nth(1)).toContainText('plt');

  // When the figure alone is inserted, it lands below as a Markdown cell
  // carrying the image as an attachment, described by the chart's title
  await page.locator(sel.dockTab(name)).click();
  await figureStep.locator(sel.insertFigure).first().click();
  await expect(page.locator(sel.notebookMarkdownImage)).toBeVisible({
    timeout: 20000
  });
  await expect(page.locator(sel.notebookMarkdownImage)).not.toHaveAttribute(
    'alt',
    /^(figure)?$/i
  );
  // ... and more code of the same analysis brings no second set-up cell
  await page.locator(sel.dockTab(name)).click();
  await figureStep.locator(sel.insertCode).click();
  await expect(page.locator(sel.notebookCell)).toHaveCount(4, {
    timeout: 20000
  });
  await expect(
    page.locator(sel.notebookCell, { hasText: 'read_parquet' })
  ).toHaveCount(1);

  // And the whole notebook runs in its own fresh kernel without an error
  // (nor a missing-glyph warning), and no script error was raised
  await page.notebook.run();
  await expect(page.locator(sel.notebookOutputImage)).toHaveCount(2, {
    timeout: ANSWER_TIMEOUT
  });
  await expect(page.locator(sel.notebookStderr)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await attachScreenshot(page, testInfo, 'vista-inserted-cell');
  await page.locator(sel.dockTab(name)).click();

  // When the analysis is exported as a notebook
  await page.locator(sel.exportButton).click();

  // Then the exported notebook opens
  const tab = page.locator('.lm-DockPanel-tabBar .lm-TabBar-tab', {
    hasText: `${name}.ipynb`
  });
  await expect(tab).toBeVisible({ timeout: 20000 });
  await expect(
    page.locator('.jp-NotebookPanel:visible .jp-Cell').first()
  ).toBeVisible();
  await attachScreenshot(page, testInfo, 'vista-exported-notebook');
});

test('reloading the page shows the history', async ({
  page,
  baseURL
}, testInfo) => {
  // Given an analysis with a finished overview
  const name = `Penguins ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'penguins',
    name
  );

  // When the page is reloaded and the analysis opened again
  await page.reload();
  await openThread(page, name);

  // Then the question, the answer and its figures are there
  await expect(page.locator(sel.userMessage).first()).toContainText('overview');
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({ timeout: 20000 });
  await attachScreenshot(page, testInfo, 'vista-history');
});

test('dark theme', async ({ page, baseURL }, testInfo) => {
  const name = `Iris ${unique()}`;
  const thread = await finishedExampleThread(
    page.request,
    baseURL!,
    'iris',
    name
  );
  await page.theme.setDarkTheme();
  await openThread(page, name);
  await page.locator(sel.datasetToggle).first().click();
  await expect(page.locator(sel.columnsTable)).toBeVisible();
  await expect(
    page.locator(`${sel.assistantMessage} ${sel.figure}`).first()
  ).toBeVisible({ timeout: 20000 });
  await attachScreenshot(page, testInfo, 'vista-dark');
  await page.theme.setLightTheme();
});
