/**
 * Playwright configuration for the Vista UI tests.
 *
 * Galata's base config plus the system Chromium: this project never
 * downloads a browser (run with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

/**
 * Vista's data folder for this run (fresh each run): the server uses it
 * (jupyter_server_test_config.py) and the tests write long histories into
 * its database (seed_history.py). Set here, before the server and the
 * workers start, so that they all inherit it.
 */
process.env.VISTA_UI_DATA_DIR =
  process.env.VISTA_UI_DATA_DIR ||
  fs.mkdtempSync(path.join(os.tmpdir(), 'vista-galata-'));

/** Port of the scripted model server; jupyter_server_test_config.py reads the same variable. */
const MODEL_PORT = process.env.VISTA_UI_MODEL_PORT || '18765';
process.env.VISTA_UI_MODEL_PORT = MODEL_PORT;

module.exports = {
  ...baseConfig,
  // Never open a report server at the end of a local run.
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    ...baseConfig.use,
    video: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  webServer: [
    {
      // The scripted OpenAI-compatible model some tests pick (scripted_model.py).
      command: `python scripted_model.py ${MODEL_PORT}`,
      url: `http://127.0.0.1:${MODEL_PORT}/v1/models`,
      timeout: 30 * 1000,
      reuseExistingServer: !process.env.CI
    },
    {
      command: 'jlpm start',
      url: 'http://localhost:8888/lab',
      timeout: 120 * 1000,
      reuseExistingServer: !process.env.CI
    }
  ]
};
