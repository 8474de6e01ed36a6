// SVG files are bundled as raw strings (the JupyterLab builder's asset rule).
declare module '*.svg' {
  const value: string;
  export default value;
}
