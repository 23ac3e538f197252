-- The chip invariants of docs/PRODUCT.md §2 (and the settlement and purchase rules that keep them), as
-- plain SQL over the schema, for a database copy or a database whose app is not running.
-- Every row returned is a violation: (check, detail). No row = everything holds.
-- Used by ops/backup-restore.sh (psql) and by the chaos run (ConsistencyUnderFaultsChaos).
-- The app runs the same checks itself: SystemInvariants / InvariantCheck beans.
SELECT 'ledger sums to zero' AS "check", 'all entries sum to ' || sum(amount) AS detail
FROM ledger_entries HAVING coalesce(sum(amount), 0) <> 0
UNION ALL
SELECT 'transaction balanced', 'transaction ' || transaction_id || ' sums to ' || sum(amount)
FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0
UNION ALL
-- Checked by the balance trigger when the entries are written (V310; a foreign key before).
SELECT 'entry has its transaction', 'entry ' || e.id || ' of missing transaction ' || e.transaction_id
FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = e.transaction_id)
UNION ALL
SELECT 'user balance = entries >= 0', 'user ' || u.id || ': chips ' || u.chips || ', entries ' || coalesce(e.total, 0)
FROM users u
LEFT JOIN (SELECT user_id, sum(amount) AS total FROM ledger_entries WHERE user_id IS NOT NULL GROUP BY user_id) e
       ON e.user_id = u.id
WHERE u.chips <> coalesce(e.total, 0) OR u.chips < 0
UNION ALL
SELECT 'account balance = entries', 'account ' || a.code || ': balance ' || a.balance || ', entries ' || coalesce(e.total, 0)
FROM ledger_accounts a
LEFT JOIN (SELECT account, sum(amount) AS total FROM ledger_entries WHERE user_id IS NULL GROUP BY account) e
       ON e.account = a.code
WHERE a.balance <> coalesce(e.total, 0)
UNION ALL
SELECT 'open market pool = outcome totals = forecasts',
       'market ' || m.id || ' (' || m.status || '): total ' || m.total_points || ', outcomes ' || coalesce(o.total, 0)
       || ', forecasts ' || coalesce(f.total, 0) || ', pool ' || coalesce(a.balance, 0)
FROM markets m
LEFT JOIN (SELECT market_id, sum(total_points) AS total FROM outcomes GROUP BY market_id) o ON o.market_id = m.id
LEFT JOIN (SELECT market_id, sum(points) AS total FROM forecasts GROUP BY market_id) f ON f.market_id = m.id
LEFT JOIN ledger_accounts a ON a.code = 'pool:' || m.id
WHERE m.status IN ('open', 'suspended', 'closed')
  AND NOT (m.total_points = coalesce(o.total, 0) AND m.total_points = coalesce(f.total, 0)
           AND m.total_points = coalesce(a.balance, 0))
UNION ALL
SELECT 'settled market pool = 0',
       'market ' || m.id || ' (' || m.status || '): pool ' || coalesce(a.balance, 0) || ', pending '
       || (SELECT count(*) FROM forecasts f WHERE f.market_id = m.id AND f.status = 'pending')
FROM markets m
LEFT JOIN ledger_accounts a ON a.code = 'pool:' || m.id
WHERE m.settled_at IS NOT NULL
  AND (coalesce(a.balance, 0) <> 0
       OR EXISTS (SELECT 1 FROM forecasts f WHERE f.market_id = m.id AND f.status = 'pending'))
UNION ALL
-- Settlement runs within seconds of a resolution or cancellation (and is retried); a final market
-- still unsettled after 5 minutes has its pool stuck, although every sum above may hold.
SELECT 'final market settled within 5 minutes',
       'market ' || m.id || ' (' || m.status || ') unsettled since ' || coalesce(m.resolution_time, m.cancelled_at)
       || ', pending ' || (SELECT count(*) FROM forecasts f WHERE f.market_id = m.id AND f.status = 'pending')
FROM markets m
WHERE m.status IN ('resolved', 'cancelled') AND m.settled_at IS NULL
  AND coalesce(m.resolution_time, m.cancelled_at) < now() - interval '5 minutes'
UNION ALL
SELECT 'payout once per winner',
       'forecast ' || f.id || ' (' || f.status || ', payout ' || coalesce(f.payout, 0) || ') has '
       || count(t.id) || ' payout/refund transactions'
FROM forecasts f
JOIN markets m ON m.id = f.market_id AND m.status IN ('resolved', 'cancelled')
LEFT JOIN ledger_transactions t
       ON t.reference IN ('payout:' || f.market_id || ':' || f.user_id, 'refund:' || f.market_id || ':' || f.user_id)
GROUP BY f.id, f.status, f.payout
HAVING count(t.id) <> CASE WHEN coalesce(f.payout, 0) > 0 THEN 1 ELSE 0 END
UNION ALL
SELECT 'purchase credited once',
       'purchase ' || p.id || ' (' || p.status || ') has ' || count(t.id) || ' credit transactions'
FROM purchases p
LEFT JOIN ledger_transactions t ON t.reference = 'purchase:' || p.id
GROUP BY p.id, p.status
-- refunded/disputed: credited once, or never when the reversal arrived before any payment
HAVING count(t.id) > 1
    OR (p.status = 'completed' AND count(t.id) <> 1)
    OR (p.status IN ('pending', 'failed') AND count(t.id) <> 0);
