package com.pilimarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoFilipinoTests {

    @Test
    void every_demo_market_has_a_filipino_title_description_and_outcome_names() {
        for (DemoData.DemoMarket market : DemoData.MARKETS) {
            DemoFilipino.Text fil = DemoFilipino.BY_TITLE.get(market.title());
            assertThat(fil).as(market.title()).isNotNull();
            assertThat(fil.title()).isNotBlank().isNotEqualTo(market.title());
            assertThat(fil.description()).isNotBlank().isNotEqualTo(market.description());
            assertThat(fil.outcomes()).hasSameSizeAs(market.outcomes());
        }
        // The resolved demo market is created apart from the list.
        assertThat(DemoFilipino.BY_TITLE).hasSize(DemoData.MARKETS.size() + 1);
    }
}
