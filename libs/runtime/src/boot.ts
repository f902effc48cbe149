/**
 * A service's main.ts imports this first (`import '@ogp/runtime/boot'`), before any other module
 * loads: the young generation stays small while they do; runMain lets it grow once the service is ready.
 */
import { holdYoungGeneration } from './young-generation';

holdYoungGeneration();
