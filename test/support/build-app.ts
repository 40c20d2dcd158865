// The project root and the out/ build for the end-to-end suites, from the
// shared build helpers (scripts/build-tools.mjs), so every tool agrees on
// when out/ is stale.

export { buildAppIfStale, ROOT } from '../../scripts/build-tools.mjs';
