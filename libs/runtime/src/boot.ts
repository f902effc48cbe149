/**
 * A service's main.ts imports this first (`import '@ogp/runtime/boot'`), before any other module
 * loads: package files are found where the last start found them (resolve-cache), and the young
 * generation stays small while they load; runMain saves the one and releases the other once the
 * service is ready. AsyncResource#bind, which Fastify and Nest call per request, stops building
 * deprecation wrappers (async-resource-bind).
 */
import { installLeanAsyncResourceBind } from './async-resource-bind';
import { installResolveCache } from './resolve-cache';
import { holdYoungGeneration } from './young-generation';

installResolveCache();
holdYoungGeneration();
installLeanAsyncResourceBind();
