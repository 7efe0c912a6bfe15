/** What the panel says when it has nothing to list. */
export type EmptyReason = 'no-highlights' | 'unsupported' | 'no-tab';

const TEXT: Record<EmptyReason, string> = {
  'no-highlights':
    'No highlights on this page yet. Select a passage on the page and pick a colour in the toolbar that appears (or press Alt+Shift+H). Its card shows up here.',
  unsupported:
    'Margin cannot run on this page: browser pages, extension stores and other extensions’ pages are off limits. Open an article to see its highlights here.',
  'no-tab': 'The tab this panel was showing is closed.',
};

export function PanelEmpty({ reason }: { reason: EmptyReason }) {
  return (
    <p className="pp-empty sp-empty" data-empty={reason}>
      {TEXT[reason]}
    </p>
  );
}
