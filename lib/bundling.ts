/**
 * How every Lambda bundle is built, shared by the CDK function construct and the bundle benchmark so
 * that what is measured is what is deployed.
 */
export const lambdaBundling = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  /** Node.js 24 on Lambda ships AWS SDK v3; bundling it again would only grow every bundle. */
  external: ['@aws-sdk/*'],
  /** ESM bundles of CommonJS dependencies (botbuilder) still call `require`. */
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;
