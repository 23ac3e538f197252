package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTests {

    @Test
    void orders_like_postgresql_bytewise_not_like_java_signed() {
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-4000-8000-000000000000");

        assertThat(low.compareTo(high)).as("Java's own order is signed").isPositive();
        assertThat(Uuids.POSTGRES_ORDER.compare(low, high)).isNegative();
        assertThat(Uuids.POSTGRES_ORDER.compare(
                        UUID.fromString("00000000-0000-4000-0000-000000000001"),
                        UUID.fromString("00000000-0000-4000-f000-000000000000")))
                .as("the low half is unsigned too")
                .isNegative();
    }

    @Test
    void agrees_with_the_order_of_the_canonical_text() {
        // Lower-case hex text sorts bytewise, as PostgreSQL sorts uuid values.
        Random random = new Random(7);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        List<UUID> byComparator = new ArrayList<>(ids);
        byComparator.sort(Uuids.POSTGRES_ORDER);
        List<UUID> byText = new ArrayList<>(ids);
        byText.sort((a, b) -> a.toString().compareTo(b.toString()));
        assertThat(byComparator).isEqualTo(byText);
    }
}
