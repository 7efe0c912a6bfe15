/** Says a highlight was deleted and offers to bring it back. */
export function UndoBar({ onUndo }: { onUndo(): void }) {
  return (
    <p className="pp-message sp-undo" role="status" data-undo>
      Highlight deleted.{' '}
      <button type="button" className="pp-link" data-action="undo" onClick={onUndo}>
        Undo
      </button>
    </p>
  );
}
