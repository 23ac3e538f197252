import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';

/** Runs one of the console's calls, then reads the console's lists and the markets again. */
export function useAdminMutation<TVars>(fn: (v: TVars) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['admin'] });
      void qc.invalidateQueries({ queryKey: queryKeys.markets });
      void qc.invalidateQueries({ queryKey: ['market'] });
    },
  });
}
