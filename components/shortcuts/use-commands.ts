/** The browser's commands as `commands.getAll()` reports them now; null while it answers. */
import { useEffect, useState } from 'react';
import type { CommandInfo } from '@/utils/shortcuts/unassigned-shortcuts';

export function useCommands(): CommandInfo[] | null {
  const [commands, setCommands] = useState<CommandInfo[] | null>(null);
  useEffect(() => {
    let live = true;
    void browser.commands
      .getAll()
      .then((all) => live && setCommands(all))
      // No commands API (an odd browser): say nothing rather than something wrong.
      .catch(() => live && setCommands([]));
    return () => {
      live = false;
    };
  }, []);
  return commands;
}
