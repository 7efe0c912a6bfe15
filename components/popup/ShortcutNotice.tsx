/** The popup's line about Margin commands without a key, from what the browser reports now. */
import { unassignedCommands } from '@/utils/shortcuts/unassigned-shortcuts';
import { openShortcutSettings, thisBrowsersShortcutPlace } from '@/components/shortcuts/open-shortcut-settings';
import { UnassignedShortcutNotice } from '@/components/shortcuts/UnassignedShortcutNotice';
import { useCommands } from '@/components/shortcuts/use-commands';

export function ShortcutNotice({ onOpened }: { onOpened?: () => void }) {
  const commands = useCommands();
  if (!commands) return null;
  const open = async () => {
    const ok = await openShortcutSettings();
    if (ok) onOpened?.();
    return ok;
  };
  return (
    <UnassignedShortcutNotice
      className="pp-hint pp-shortcut"
      unassigned={unassignedCommands(commands)}
      place={thisBrowsersShortcutPlace()}
      onOpen={open}
    />
  );
}
