-- Every ledger entry belongs to a ledger transaction. The foreign key checked it once per entry row: a
-- lookup in ledger_transactions and a FOR KEY SHARE lock written into the transaction's row (a WAL
-- record each), for rows the same database transaction had inserted a moment before. A settlement
-- of 100,000 forecasts writes two entries per payout (issue 16). Measured on this host (PostgreSQL 15,
-- 10,000 entries of 5,000 transactions in one INSERT, three runs): 228-284 ms with both foreign keys,
-- 104-213 ms without this one, and the set-based check below 12-21 ms for the same statement.
--
-- What the key guarded still holds: an entry's transaction must exist when the entry is written,
-- checked once per INSERT statement over the transactions it touched, beside the balance check (V240),
-- with the same error code (foreign_key_violation); and a transaction can never go away afterwards,
-- because ledger_transactions refuses UPDATE and DELETE (V1's ledger_transactions_immutable).
-- The key to users stays: it is what keeps a user with a history from being deleted (see V291).
ALTER TABLE ledger_entries DROP CONSTRAINT IF EXISTS ledger_entries_transaction_id_fkey;

CREATE OR REPLACE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced uuid;
    total numeric;
    missing uuid;
BEGIN
    SELECT i.transaction_id INTO missing
    FROM (SELECT DISTINCT transaction_id FROM inserted) i
    WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = i.transaction_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger entries refer to ledger transaction %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
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
