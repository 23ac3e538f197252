package com.pilimarket.users;

import com.pilimarket.shared.ApiException;
import com.pilimarket.users.internal.UserRecords;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users module's API: create and look up accounts. Balances are changed only by the ledger. */
@Service
public class Users {

    private final UserRecords records;

    Users(UserRecords records) {
        this.records = records;
    }

    /** Creates an account with zero chips; the caller credits any bonus through the ledger. */
    @Transactional
    public UserAccount create(NewUser user) {
        return records.insert(user);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(UUID id) {
        return records.findById(id);
    }

    @Transactional(readOnly = true)
    public UserAccount require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("User"));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String normalizedEmail) {
        return records.findByEmail(normalizedEmail);
    }

    @Transactional(readOnly = true)
    public long count() {
        return records.count();
    }
}
