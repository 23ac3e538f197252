-- Every ledger transaction must balance. V60 checked it after each INSERT statement by summing, for
-- every transaction the statement touched, all its entries in ledger_entries. Its plan (a merge join
-- over the whole idx_ledger_entries_transaction) read every entry ever written: 445 ms per settlement
-- batch of 5,000 payouts at 200,000 entries, growing with the ledger (most of a 100k settlement's
-- 13.4 s). The statement's own rows are enough: entries are append-only (UPDATE and DELETE are
-- refused) and only ever added by INSERT statements, each of which this trigger checks, so every
-- earlier statement's entries of a transaction summed to zero; the transaction's total is zero exactly
-- when this statement's entries of it sum to zero. As before, an unbalanced statement fails at once,
-- and an entry added later to a balanced transaction fails unless it balances on its own.
CREATE OR REPLACE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced uuid;
    total numeric;
BEGIN
    SELECT i.transaction_id, sum(i.amount) INTO unbalanced, total
    FROM inserted i
    GROUP BY i.transaction_id
    HAVING sum(i.amount) <> 0
    LIMIT 1;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced by %', unbalanced, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
