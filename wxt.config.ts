import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Permissions are kept to what a feature needs; README.md justifies each one.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // WXT's content-script context announces every start to the page (a postMessage and a
  // document event a page can replay to stop the script): ours keeps that inside the
  // content-script world (utils/content-script/silent-content-script-context.ts).
  vite: () => ({
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(
            new URL('./utils/content-script/silent-content-script-context.ts', import.meta.url),
          ),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Margin',
    description: 'Read and annotate posts on the web: a clean reader view, highlights and notes that are never lost.',
    permissions: ['scripting', 'storage', 'contextMenus', 'alarms'],
    host_permissions: ['<all_urls>'],
    // Sync asks for its WebDAV server's host at run time, when the user saves or tests
    // it. `<all_urls>` above (for the highlighter) already covers it today; the request
    // stays so sync keeps working if the highlighter ever narrows its hosts.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    action: { default_title: "Margin: this page's highlights and notes" },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open or close the reader view',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      // The background's command listener saves the tab's page (`saveForLater`), as the
      // popup's and the context menu's "Save for later" do.
      'save-for-later': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Save the page for later',
      },
      // Firefox opens its sidebar for this reserved name itself; Chrome's side panel is opened
      // by the background's command listener (`sidePanel.open` needs the user's gesture).
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+M' },
              description: 'Open Margin beside the page',
            },
          }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+M' },
              description: 'Open Margin beside the page',
            },
          }),
    },
    // The note card is an extension page framed beside a highlight, so a note is typed in the
    // extension's origin, never in the page's DOM. Chrome gives it a per-session URL
    // (use_dynamic_url) so pages cannot probe for it; Firefox's moz-extension UUID is already
    // random per install.
    web_accessible_resources:
      browser === 'firefox'
        ? (['note-card.html'] as unknown as never)
        : [{ resources: ['note-card.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'margin@margin-reader.org',
              strict_min_version: '140.0',
              // data_collection_permissions exists from Firefox 140 (Android 142).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
