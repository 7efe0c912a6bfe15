/**
 * Settings page: sync through a WebDAV server the user owns. The fields, a test of
 * the connection in plain language, Save, "Sync now", the live status, and the
 * question the background asks before a sync deletes many records.
 *
 * The server's host permission is asked for on Save and Test, the clicks that
 * count as a user gesture (Firefox refuses the request after any `await`).
 */
import { useEffect, useState } from 'react';
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import {
  DEFAULT_SYNC_SETTINGS,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  plainHttpWarning,
  webDavConfigOf,
  type SyncSettings,
  type SyncSettingsField,
} from '@/utils/sync/sync-settings';
import { loadSyncSettings, saveSyncSettings } from '@/utils/sync/sync-settings-store';
import { testConnection } from '@/utils/sync/webdav-remote';
import { useNow, useSyncStatus } from '@/components/sync/use-sync-status';
import { SyncStatusDetails } from './SyncStatusDetails';
import {
  canSyncNow,
  isFormDirty,
  saveSyncForm,
  testSyncForm,
  TESTING_NOTE,
  type SyncFormDeps,
  type SyncFormOutcome,
  type SyncNote,
} from './sync-form';

export function SyncSection() {
  const [saved, setSaved] = useState<SyncSettings | null>(null);
  const [form, setForm] = useState<SyncSettings>({ ...DEFAULT_SYNC_SETTINGS });
  const [problems, setProblems] = useState<Partial<Record<SyncSettingsField, string>>>({});
  const [note, setNote] = useState<SyncNote | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const status = useSyncStatus();
  const now = useNow(15_000);

  useEffect(() => {
    void loadSyncSettings().then((s) => {
      setSaved(s);
      setForm(s);
    });
  }, []);
  useEffect(() => {
    if (status?.state !== 'needs-confirmation') setDismissed(false);
  }, [status?.state]);

  const edit = <K extends keyof SyncSettings>(key: K, value: SyncSettings[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setNote(null);
  };
  const dirty = isFormDirty(form, saved);
  const deps: SyncFormDeps = {
    requestPermission: (origin) => browser.permissions.request({ origins: [origin] }),
    testConnection: (settings) => testConnection(webDavConfigOf(settings)),
    saveSettings: saveSyncSettings,
    syncNow: () => void syncMessenger.sendMessage('sync:now', {}).catch(() => undefined),
  };
  const show = (outcome: SyncFormOutcome) => {
    setProblems(outcome.problems);
    setNote(outcome.note);
    if (outcome.saved) {
      setSaved(outcome.saved);
      setForm(outcome.saved);
    }
  };

  // Each click calls the form's function first, so the permission request runs before any await.
  const test = async () => {
    const outcome = testSyncForm(form, deps);
    setBusy('test');
    setNote(TESTING_NOTE);
    show(await outcome);
    setBusy(null);
  };
  const save = async () => {
    const outcome = saveSyncForm(form, deps);
    setBusy('save');
    show(await outcome);
    setBusy(null);
  };

  const syncNow = (allowMassDelete = false) =>
    void syncMessenger.sendMessage('sync:now', { allowMassDelete }).catch(() => undefined);
  const ready = canSyncNow(saved);
  const syncing = status?.state === 'syncing';

  return (
    <section aria-labelledby="sync-heading" className="options-sync" data-sync-loaded={saved !== null}>
      <h2 id="sync-heading">Sync</h2>
      <p>
        Keep your highlights, notes, tags and saved articles the same in every browser you use, through a WebDAV server
        you own (Nextcloud, ownCloud, a NAS, Apache, rclone…). No Margin account: the files stay on your server.
      </p>

      <label className="options-check options-sync-enabled">
        <input
          type="checkbox"
          data-sync-field="enabled"
          checked={form.enabled}
          onChange={(e) => edit('enabled', e.target.checked)}
        />
        Sync this browser
      </label>

      <div className="options-form">
        <Field
          id="sync-url"
          label="Server address"
          problem={problems.url}
          warning={plainHttpWarning(form.url)}
          hint="Your server's WebDAV address, e.g. https://cloud.example.org/remote.php/dav/files/you/"
        >
          <input
            id="sync-url"
            type="url"
            data-sync-field="url"
            autoComplete="url"
            spellCheck={false}
            value={form.url}
            onChange={(e) => edit('url', e.target.value)}
          />
        </Field>
        <Field id="sync-user" label="User name" problem={problems.username}>
          <input
            id="sync-user"
            type="text"
            data-sync-field="username"
            autoComplete="username"
            spellCheck={false}
            value={form.username}
            onChange={(e) => edit('username', e.target.value)}
          />
        </Field>
        <Field
          id="sync-password"
          label="Password or app token"
          problem={problems.password}
          hint="An app password is safer than your main one (Nextcloud: Settings › Security). Kept in this browser only, never in backups."
        >
          <input
            id="sync-password"
            type="password"
            data-sync-field="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => edit('password', e.target.value)}
          />
        </Field>
        <Field
          id="sync-folder"
          label="Folder"
          problem={problems.folder}
          hint="Created on the first sync. Use the same folder in every browser."
        >
          <input
            id="sync-folder"
            type="text"
            data-sync-field="folder"
            spellCheck={false}
            value={form.folder}
            onChange={(e) => edit('folder', e.target.value)}
          />
        </Field>
        <Field
          id="sync-passphrase"
          label="Encryption passphrase (optional)"
          hint="With a passphrase, the server holds only encrypted files. Use the same one in every browser; if it is lost, the synced copy cannot be read (what is in each browser stays)."
        >
          <input
            id="sync-passphrase"
            type="password"
            data-sync-field="passphrase"
            autoComplete="new-password"
            value={form.passphrase}
            onChange={(e) => edit('passphrase', e.target.value)}
          />
        </Field>
        <Field id="sync-interval" label="Sync every (minutes)" problem={problems.intervalMinutes}>
          <input
            id="sync-interval"
            type="number"
            data-sync-field="intervalMinutes"
            min={MIN_INTERVAL_MINUTES}
            max={MAX_INTERVAL_MINUTES}
            value={form.intervalMinutes}
            onChange={(e) => edit('intervalMinutes', e.target.valueAsNumber)}
          />
        </Field>
      </div>

      <div className="options-buttons">
        <button type="button" data-action="sync-test" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" data-action="sync-save" disabled={busy !== null} onClick={() => void save()}>
          Save
        </button>
        <button
          type="button"
          data-action="sync-now"
          disabled={!ready || dirty || syncing}
          onClick={() => syncNow()}
          title={dirty ? 'Save your changes first' : undefined}
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {note && (
        <p
          role="status"
          className={note.ok ? 'options-hint' : 'options-error'}
          data-sync-note={note.kind}
          data-ok={note.ok}
        >
          {note.text}
        </p>
      )}

      {status?.state === 'needs-confirmation' && status.confirm && !dismissed && (
        <div className="options-confirm" role="alertdialog" aria-labelledby="sync-confirm-text" data-sync-confirm>
          <p id="sync-confirm-text">
            This sync would delete {status.confirm.deletes.toLocaleString('en')} of your{' '}
            {status.confirm.live.toLocaleString('en')} highlights and notes in this browser, because they were deleted
            in another browser (or the sync folder was emptied or replaced). Delete them here too?
          </p>
          <button type="button" data-action="sync-confirm-delete" onClick={() => syncNow(true)}>
            Delete them
          </button>{' '}
          <button type="button" data-action="sync-confirm-later" onClick={() => setDismissed(true)}>
            Not now
          </button>
          <p className="options-hint">Until you decide, sync does not run: nothing is deleted and nothing is sent.</p>
        </div>
      )}

      {ready && status && <SyncStatusDetails status={status} now={now} />}
    </section>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  /** Allowed but risky (a plain http:// server): said instead of the hint. */
  warning?: string | null;
  children: React.ReactNode;
}

function Field({ id, label, hint, problem, warning, children }: FieldProps) {
  return (
    <div className="options-field" data-invalid={problem ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem ? (
        <span className="options-error" data-problem-for={id}>
          {problem}
        </span>
      ) : warning ? (
        <span className="options-warning" role="status" data-warning-for={id}>
          {warning}
        </span>
      ) : (
        hint && <span className="options-hint">{hint}</span>
      )}
    </div>
  );
}
