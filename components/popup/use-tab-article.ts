/**
 * The page a tab shows and the article it is filed under, from the background
 * (which learnt it from the page's highlighter). `refresh` after a write that may
 * have filed the article (the first page note, an offline copy).
 */
import { useCallback, useEffect, useState } from 'react';
import { marginMessenger, type PageInfo } from '@/utils/messaging/margin-protocol';

export interface TabArticle {
  loading: boolean;
  page: PageInfo | null;
  articleId: string | null;
  refresh(): Promise<void>;
}

export function useTabArticle(tabId: number | null): TabArticle {
  const [state, setState] = useState<{ loading: boolean; page: PageInfo | null; articleId: string | null }>({
    loading: true,
    page: null,
    articleId: null,
  });
  const refresh = useCallback(async () => {
    if (tabId === null) return setState({ loading: false, page: null, articleId: null });
    const result = await marginMessenger
      .sendMessage('tab:page', { tabId })
      .catch(() => ({ page: null, articleId: null }));
    setState({ loading: false, ...result });
  }, [tabId]);
  useEffect(() => void refresh(), [refresh]);
  return { ...state, refresh };
}
