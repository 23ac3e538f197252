package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChipsTests {

    @Test
    void amounts_read_as_en_PH_formats_them() {
        NumberFormat enPh = NumberFormat.getIntegerInstance(Chips.LOCALE);
        Random random = new Random(16);
        long[] edges = {
            0,
            1,
            -1,
            9,
            10,
            99,
            100,
            999,
            1_000,
            -1_000,
            12_345,
            999_999,
            1_000_000,
            -1_234_567,
            Long.MAX_VALUE,
            Long.MIN_VALUE + 1
        };
        for (int i = 0; i < edges.length + 10_000; i++) {
            long chips = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            assertThat(Chips.peso(chips)).isEqualTo((chips < 0 ? "-₱" : "₱") + enPh.format(Math.abs(chips)));
            assertThat(Chips.describe(chips))
                    .isEqualTo(enPh.format(chips) + (Math.abs(chips) == 1 ? " chip" : " chips") + " ("
                            + Chips.peso(chips) + ")");
        }
    }

    @Test
    void a_stake_and_a_payout_read_with_their_thousands_separated() {
        assertThat(Chips.peso(1_234)).isEqualTo("₱1,234");
        assertThat(Chips.peso(-50)).isEqualTo("-₱50");
        assertThat(Chips.describe(1)).isEqualTo("1 chip (₱1)");
        assertThat(Chips.describe(1_234_567)).isEqualTo("1,234,567 chips (₱1,234,567)");
    }
}
