export { startWorkbench, type Workbench, type WorkbenchOptions } from './workbench';
export { startCodeServer, CLEAN_SETTINGS, outputChannelLog, type CodeServer } from './codeServer';
export { ensureVsix } from './vsix';
export { SCREENSHOTS, EXTENSION_ID } from './paths';
