// A frontend's entry point, bundled by esbuild from the installed tarball: it hands the SDK to
// the page so the browser test can drive it (tests/sdk-package.test.ts).
import * as sdk from '@contract-first-monolith/sdk';

declare global {
  interface Window {
    sdk: typeof sdk;
  }
}
window.sdk = sdk;
