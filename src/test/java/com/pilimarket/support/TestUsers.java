package com.pilimarket.support;

import com.pilimarket.auth.AccessTokens;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.users.NewUser;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.Users;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds users for tests in one line: {@code users.create(1_000)} → an account with 1,000 chips and a token. */
@Component
public class TestUsers {

    private final Users users;
    private final Ledger ledger;
    private final AccessTokens tokens;

    public TestUsers(Users users, Ledger ledger, AccessTokens tokens) {
        this.users = users;
        this.ledger = ledger;
        this.tokens = tokens;
    }

    /** A user and a valid access token for it. */
    public record TestUser(UserAccount account, String token) {

        public UUID id() {
            return account.id();
        }

        public String bearer() {
            return "Bearer " + token;
        }
    }

    public TestUser create(long chips) {
        return create(chips, UserRole.USER);
    }

    public TestUser create(long chips, UserRole role) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // A handle of its own: derived from "Tester", each new account's handle took the next free suffix,
        // found by scanning every "tester…" handle in the database, so creating users slowed down as the
        // suite went on (16 ms each with 6,000 of them). Derived handles have their own tests.
        UserAccount account = users.create(new NewUser(
                "t" + unique + "@test.ph", "not-a-real-hash", "Tester", "t_" + unique, role, null, null, null));
        if (chips > 0) {
            ledger.post(Transfer.move(
                    "test-grant:" + account.id(), "test grant", Account.MINT, Account.user(account.id()), chips));
        }
        return new TestUser(users.require(account.id()), tokens.issue(account));
    }

    public TestUser admin() {
        return create(0, UserRole.ADMIN);
    }
}
