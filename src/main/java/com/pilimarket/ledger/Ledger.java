package com.pilimarket.ledger;

import com.pilimarket.ledger.internal.LedgerEntries;
import com.pilimarket.ledger.internal.LedgerEntries.EntryRow;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chip ledger: the only way chips move. Each {@link Transfer} becomes one database transaction
 * (or joins the caller's) in which the entries are written and every touched balance changes, or
 * nothing does. References make transfers idempotent.
 */
@Service
public class Ledger {

    private final LedgerEntries entries;

    Ledger(LedgerEntries entries) {
        this.entries = entries;
    }

    /**
     * Posts a transfer. A user balance that would go below zero refuses the whole transfer with
     * {@link InsufficientChipsException}; a reference posted before returns the earlier result.
     */
    @Transactional
    public Posted post(Transfer transfer) {
        Optional<UUID> inserted = entries.insertTransaction(transfer);
        if (inserted.isEmpty()) {
            return replay(transfer);
        }
        UUID transactionId = inserted.get();
        Map<UUID, Long> userBalances = new LinkedHashMap<>();
        List<EntryRow> rows = new ArrayList<>(transfer.postings().size());
        List<Posting> ordered = transfer.postings().stream()
                .sorted((a, b) -> a.account().compareTo(b.account()))
                .toList();
        for (Posting posting : ordered) {
            Account account = posting.account();
            long after;
            if (account.isUser()) {
                UUID userId = account.ownerId();
                OptionalLong balance = entries.adjustUserBalance(userId, posting.amount());
                if (balance.isEmpty()) {
                    if (entries.userExists(userId)) {
                        throw new InsufficientChipsException(userId);
                    }
                    throw new IllegalArgumentException("no user " + userId);
                }
                after = balance.getAsLong();
                userBalances.put(userId, after);
            } else {
                after = entries.adjustAccountBalance(account, posting.amount());
            }
            rows.add(new EntryRow(account, posting.amount(), after));
        }
        entries.insertEntries(transactionId, rows);
        return new Posted(transactionId, false, userBalances);
    }

    /** Posts several transfers in the caller's transaction, in order. */
    @Transactional
    public List<Posted> postAll(List<Transfer> transfers) {
        List<Posted> results = new ArrayList<>(transfers.size());
        for (Transfer transfer : transfers) {
            results.add(post(transfer));
        }
        return results;
    }

    /** True if a transfer with this reference has been posted (and committed, or in this transaction). */
    @Transactional(readOnly = true)
    public boolean isPosted(String reference) {
        return entries.findTransaction(reference).isPresent();
    }

    /** Current balance of any account (a user's is their chips). */
    @Transactional(readOnly = true)
    public long balanceOf(Account account) {
        return entries.balanceOf(account);
    }

    /** A user's statement, newest first. */
    @Transactional(readOnly = true)
    public Page<LedgerEntryView> statement(UUID userId, PageQuery page) {
        return entries.statement(userId, page);
    }

    private Posted replay(Transfer transfer) {
        UUID transactionId = entries.findTransaction(transfer.reference())
                .orElseThrow(() -> new IllegalStateException("reference vanished: " + transfer.reference()));
        List<EntryRow> previous = entries.entriesOf(transactionId);
        Map<Account, Long> before = new LinkedHashMap<>();
        previous.forEach(row -> before.put(row.account(), row.amount()));
        Map<Account, Long> now = new LinkedHashMap<>();
        transfer.postings().forEach(p -> now.put(p.account(), p.amount()));
        if (!before.equals(now)) {
            throw new IllegalStateException(
                    "reference " + transfer.reference() + " was already used for different postings");
        }
        Map<UUID, Long> userBalances = new LinkedHashMap<>();
        previous.stream()
                .filter(row -> row.account().isUser())
                .forEach(row -> userBalances.put(row.account().ownerId(), row.balanceAfter()));
        return new Posted(transactionId, true, userBalances);
    }
}
