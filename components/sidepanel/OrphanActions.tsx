/**
 * For a highlight not found on the page: attach it to the passage now selected on
 * the page, or keep it as a note (it is then no longer looked for).
 */
interface Props {
  kept: boolean;
  problem?: string;
  onReattach(): void;
  onKeepAsNote(): void;
}

export function OrphanActions({ kept, problem, onReattach, onKeepAsNote }: Props) {
  return (
    <>
      <div className="pp-row">
        <button
          type="button"
          className="pp-link"
          data-action="reattach"
          onClick={onReattach}
          title="Select the passage on the page first"
        >
          Attach to selection
        </button>
        {!kept && (
          <button type="button" className="pp-link" data-action="detach" onClick={onKeepAsNote}>
            Keep as note
          </button>
        )}
      </div>
      {problem && (
        <p className="pp-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
