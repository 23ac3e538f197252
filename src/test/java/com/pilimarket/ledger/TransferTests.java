package com.pilimarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferTests {

    final Account alice = Account.user(UUID.randomUUID());
    final Account pool = Account.pool(UUID.randomUUID());

    @Test
    void a_move_debits_one_account_and_credits_the_other() {
        Transfer transfer = Transfer.move("forecast:1:1", "forecast", alice, pool, 250);

        assertThat(transfer.postings()).containsExactly(new Posting(alice, -250), new Posting(pool, 250));
    }

    @Test
    void postings_that_do_not_sum_to_zero_are_refused() {
        assertThatThrownBy(() ->
                        new Transfer("x", "test", List.of(new Posting(alice, -10), new Posting(pool, 9)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to -1");
    }

    @Test
    void a_transfer_needs_a_reference_and_two_legs() {
        assertThatThrownBy(() -> Transfer.move(" ", "r", alice, pool, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transfer("r", "r", List.of(new Posting(alice, 1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.move("r", "r", alice, pool, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_builder_merges_legs_on_the_same_account() {
        Transfer transfer = Transfer.builder("payout:m", "payout")
                .debit(pool, 100)
                .credit(alice, 60)
                .credit(alice, 30)
                .credit(Account.HOUSE, 10)
                .build();

        assertThat(transfer.postings())
                .containsExactlyInAnyOrder(
                        new Posting(pool, -100), new Posting(alice, 90), new Posting(Account.HOUSE, 10));
    }

    @Test
    void accounts_know_their_owner() {
        UUID id = UUID.randomUUID();
        assertThat(Account.user(id).ownerId()).isEqualTo(id);
        assertThat(Account.pool(id).isPool()).isTrue();
        assertThat(Account.MINT.ownerId()).isNull();
    }
}
