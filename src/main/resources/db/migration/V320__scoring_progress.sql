-- How many of a settled market's forecasts reputation has stored (issue 16). Settlement announces its
-- payout batches one by one (SettledBatch) and their scoring runs beside the payouts, several batches at
-- once; the chunk that brings this count to the market's number of forecasts knows that the market is
-- scored, and only then is the board step started (once per market, after the settlement, as before,
-- instead of once per batch while the payouts still run). Counted by the statement that stores the
-- settled forecasts (rows it actually inserted), so a redelivered batch adds nothing.
CREATE TABLE scoring_progress (
    market_id uuid PRIMARY KEY,
    scored    integer NOT NULL
);
