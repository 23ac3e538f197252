-- The house fee of a market's settlement is fixed when the market is resolved. Settlement used to
-- take the fee from the current configuration on every run: a run that posted house:{market} and
-- then failed could never be retried after a fee change (the retry computed another house share
-- for the same reference), so the market stayed unsettled for good. NULL = not resolved yet, or
-- resolved before this column existed (then the first settlement run fixes it).
ALTER TABLE markets ADD COLUMN settlement_fee_percent numeric;
