-- The board totals leave scoring (issue 16): scoring stores a settled forecast and, in the same
-- statement, marks it here as still to be added to its boards; the board step (after ForecastsScored)
-- deletes a chunk of these marks and adds those forecasts to rank_totals in one transaction, so each is
-- added exactly once however often the step runs or wherever it stops. The hourly rebuild, which
-- counts every stored forecast, deletes the marks of the forecasts it counted in the same snapshot.
-- Keyed in user order: a chunk is claimed (and its boards written) in PostgreSQL's UUID order.
-- Only forecasts that can count are marked (not refunded, not flagged at settlement).
CREATE TABLE board_pending (
    user_id      uuid NOT NULL,
    forecast_id  uuid NOT NULL,
    PRIMARY KEY (user_id, forecast_id)
);
