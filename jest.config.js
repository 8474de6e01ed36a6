// Unit tests of the frontend model (src/__tests__/*.spec.ts), run by `jlpm test`.
// ts-jest compiles the tests and the JupyterLab/Lumino packages they import
// (published as ES modules). The environment is Node: its fetch talks to a
// real HTTP server on localhost (src/__tests__/wire.ts), so no browser is needed.
const esModules = ['@jupyterlab/', '@lumino/', 'eventsource-parser'].join('|');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testRegex: 'src/__tests__/.*\\.spec\\.ts$',
  transform: {
    '^.+\\.[jt]sx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }]
  },
  transformIgnorePatterns: [`/node_modules/(?!${esModules})`],
  testTimeout: 30000
};
