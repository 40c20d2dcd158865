import { buildAppIfStale } from '../support/build-app';
import { electronBinary } from '../support/electron-binary';

export default function globalSetup(): void {
  if (!electronBinary()) {
    console.log('skipped: no Electron binary (the electron package is installed without its binary on this machine)');
    return;
  }
  buildAppIfStale();
}
