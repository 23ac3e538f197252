import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CurrentUser, Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type PlaceForecastInput = Schemas['PlaceForecastRequest'];

/** The forecast and the caller's new balance (`chips`). */
export type PlacedForecast = Schemas['PlacedForecast'];

/** POST /forecasts — places or tops up the caller's forecast. The key makes retries safe. */
export function placeForecast(
  input: PlaceForecastInput,
  idempotencyKey: string,
): Promise<PlacedForecast> {
  return api.post<PlacedForecast>('/forecasts', input, idempotencyKey);
}

export function usePlaceForecast() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: PlaceForecastInput; key: string }) =>
      placeForecast(input, key),
    onSuccess: (placed) => {
      if (typeof placed.chips === 'number') {
        qc.setQueryData<CurrentUser | null>(queryKeys.me, (me) =>
          me ? { ...me, chips: placed.chips! } : me,
        );
      }
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['market'] });
      void qc.invalidateQueries({ queryKey: queryKeys.markets });
      void qc.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
