package com.pilimarket.ledger;

import com.pilimarket.ledger.internal.LedgerEntries;
import com.pilimarket.ledger.internal.LedgerEntries.EntryRow;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final Texts texts;

    Ledger(LedgerEntries entries, Texts texts) {
        this.entries = entries;
        this.texts = texts;
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

    /**
     * Posts several transfers in the caller's transaction with the same guarantees and results as
     * posting them one by one in order (each idempotent by reference; any user balance that would go
     * below zero at its point in the sequence refuses the whole call), but in a handful of statements
     * whatever the count: settlement pays 100,000 forecasts this way.
     */
    @Transactional
    public List<Posted> postAll(List<Transfer> transfers) {
        if (transfers.size() <= 1 || hasRepeatedReference(transfers)) {
            List<Posted> results = new ArrayList<>(transfers.size());
            for (Transfer transfer : transfers) {
                results.add(post(transfer));
            }
            return results;
        }
        Map<String, UUID> inserted = entries.insertTransactions(transfers);
        List<Transfer> fresh = transfers.stream()
                .filter(t -> inserted.containsKey(t.reference()))
                .toList();

        // Net change per account; accounts are then locked in Account order (system and pool
        // accounts, then users by id), the same order single posts use, so the two cannot deadlock.
        TreeMap<Account, Long> net = new TreeMap<>();
        for (Transfer transfer : fresh) {
            for (Posting posting : transfer.postings()) {
                net.merge(posting.account(), posting.amount(), Math::addExact);
            }
        }
        Map<Account, Long> running = new HashMap<>();
        Map<UUID, Long> userNet = new TreeMap<>();
        TreeMap<Account, Long> accountNet = new TreeMap<>();
        net.forEach((account, amount) -> {
            if (account.isUser()) {
                userNet.put(account.ownerId(), amount);
            } else {
                accountNet.put(account, amount);
            }
        });
        if (accountNet.values().stream().allMatch(amount -> amount >= 0)) {
            // Credits only (a round of placements pays into many pools): one statement for them all.
            entries.creditAccounts(accountNet)
                    .forEach((account, after) -> running.put(account, after - accountNet.get(account)));
        } else {
            accountNet.forEach((account, amount) -> {
                long after = entries.adjustAccountBalance(account, amount);
                running.put(account, after - amount);
            });
        }
        if (!userNet.isEmpty()) {
            Map<UUID, Long> after = entries.adjustUserBalances(userNet);
            for (Map.Entry<UUID, Long> user : userNet.entrySet()) {
                Long balance = after.get(user.getKey());
                if (balance == null) {
                    if (entries.userExists(user.getKey())) {
                        throw new InsufficientChipsException(user.getKey());
                    }
                    throw new IllegalArgumentException("no user " + user.getKey());
                }
                running.put(Account.user(user.getKey()), balance - user.getValue());
            }
        }

        // Replay the sequence to give every entry the balance right after it, as single posts would.
        List<UUID> transactionIds = new ArrayList<>();
        List<EntryRow> rows = new ArrayList<>();
        Map<String, Posted> results = new HashMap<>();
        for (Transfer transfer : fresh) {
            UUID transactionId = inserted.get(transfer.reference());
            Map<UUID, Long> userBalances = new LinkedHashMap<>();
            List<Posting> ordered = transfer.postings().stream()
                    .sorted((a, b) -> a.account().compareTo(b.account()))
                    .toList();
            for (Posting posting : ordered) {
                long after = running.merge(posting.account(), posting.amount(), Math::addExact);
                if (posting.account().isUser()) {
                    if (after < 0) {
                        throw new InsufficientChipsException(posting.account().ownerId());
                    }
                    userBalances.put(posting.account().ownerId(), after);
                } else if (!Account.MINT.equals(posting.account()) && after < 0) {
                    // What the CHECK on ledger_accounts would say to the same sequence of single posts.
                    throw new DataIntegrityViolationException(
                            "account " + posting.account() + " would go below zero in " + transfer.reference());
                }
                transactionIds.add(transactionId);
                rows.add(new EntryRow(posting.account(), posting.amount(), after));
            }
            results.put(transfer.reference(), new Posted(transactionId, false, userBalances));
        }
        entries.insertEntriesBulk(transactionIds, rows);

        List<Posted> ordered = new ArrayList<>(transfers.size());
        for (Transfer transfer : transfers) {
            Posted posted = results.get(transfer.reference());
            ordered.add(posted != null ? posted : replay(transfer));
        }
        return ordered;
    }

    private static boolean hasRepeatedReference(List<Transfer> transfers) {
        Set<String> seen = new HashSet<>();
        for (Transfer transfer : transfers) {
            if (!seen.add(transfer.reference())) {
                return true;
            }
        }
        return false;
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

    /**
     * Where every chip is right now: held by users, staked in market pools, kept by the house, and
     * the total ever minted (net of burns), read in one snapshot. The first three sum to the last.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Circulation circulation() {
        long[] c = entries.circulation();
        return new Circulation(c[0], c[1], c[2], c[3]);
    }

    /** A user's statement, newest first, each reason labelled in the caller's language. */
    @Transactional(readOnly = true)
    public Page<LedgerEntryView> statement(UUID userId, PageQuery page) {
        Language language = Texts.current();
        return entries.statement(userId, page).map(entry -> entry.labelled(label(entry, language)));
    }

    /** The catalogue's label for the reason code ({@code ledger.reason.*}); an unknown code shows as stored. */
    private String label(LedgerEntryView entry, Language language) {
        String label = texts.find(language, "ledger.reason." + entry.reasonCode());
        return label == null ? entry.reason() : label;
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
