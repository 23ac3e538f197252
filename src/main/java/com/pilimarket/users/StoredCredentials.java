package com.pilimarket.users;

/** An account with its password hash, for the auth module's login check only. Never serialise it. */
public record StoredCredentials(UserAccount account, String passwordHash) {

    @Override
    public String toString() {
        return "StoredCredentials[" + account.id() + "]";
    }
}
