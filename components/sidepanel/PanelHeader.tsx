/** The article's title, and a word when the tab shows its saved offline copy. */
export function PanelHeader({ title, offline }: { title: string; offline: boolean }) {
  return (
    <header className="sp-header">
      <h1 className="pp-title" data-field="title">
        {title || 'Untitled page'}
      </h1>
      {offline && (
        <p className="pp-hint" data-offline-copy>
          Saved offline copy.
        </p>
      )}
    </header>
  );
}
