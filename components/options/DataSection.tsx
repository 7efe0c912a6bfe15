/**
 * Settings page: where the user's highlights live and how much room they take.
 * The figures come from the browser (`navigator.storage`): they cover everything
 * this extension stores in this profile, the database and settings alike.
 */
import { useEffect, useState } from 'react';
import { formatBytes, formatShare } from '@/utils/library/format-bytes';

interface StorageFigures {
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to clear this storage under pressure; null if it cannot say. */
  persisted: boolean | null;
}

async function readStorageFigures(): Promise<StorageFigures> {
  const storage = navigator.storage;
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : null,
    storage?.persisted ? storage.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

export function DataSection() {
  const [figures, setFigures] = useState<StorageFigures | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    void readStorageFigures().then(setFigures);
  }, []);

  const askToPersist = async () => {
    setAsked(true);
    await navigator.storage.persist().catch(() => false);
    setFigures(await readStorageFigures());
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p data-where-data-lives>
        Your highlights, notes, tags and saved articles are kept in this browser profile, in the browser's own database
        (IndexedDB). Nothing leaves this machine until you set up sync.
      </p>
      <dl className="options-figures">
        <dt>Storage used</dt>
        <dd data-storage-usage={figures?.usage ?? undefined}>
          {figures === null ? (
            '…'
          ) : figures.usage === null ? (
            'The browser does not say.'
          ) : (
            <StorageUse figures={figures} />
          )}
        </dd>
        <dt>Protected from automatic clean-up</dt>
        <dd data-storage-persisted={figures?.persisted ?? undefined}>
          {persistenceText(figures)}
          {figures?.persisted === false && !asked && typeof navigator.storage?.persist === 'function' && (
            <>
              {' '}
              <button type="button" className="options-inline-button" onClick={() => void askToPersist()}>
                Ask the browser to protect it
              </button>
            </>
          )}
          {asked &&
            figures?.persisted === false &&
            ' The browser declined; it may agree later, as you use Margin more.'}
        </dd>
      </dl>
      <p>
        <a href="library.html" data-library-link>
          Open your library
        </a>{' '}
        to see and search everything you have highlighted.
      </p>
    </section>
  );
}

function persistenceText(figures: StorageFigures | null): string {
  if (figures === null) return '…';
  if (figures.persisted === null) return 'The browser does not say.';
  return figures.persisted
    ? 'Yes: the browser will not clear it to free space.'
    : 'No: if the disk runs very low, the browser may clear it.';
}

function StorageUse({ figures }: { figures: StorageFigures }) {
  const used = formatBytes(figures.usage ?? 0);
  if (figures.quota === null) return <>{used}</>;
  const share = formatShare(figures.usage ?? 0, figures.quota);
  return (
    <>
      {used} of the {formatBytes(figures.quota)} this browser allows{share && ` (${share})`}
    </>
  );
}
