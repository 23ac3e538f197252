package com.pilimarket.demo;

import com.pilimarket.auth.Registrations;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketQuery;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a lively first screen on an empty database: demo forecasters, a dozen-plus Philippine
 * markets across all six categories, and forecasts on them — every chip through the ledger, via
 * the same facades the API uses. On by default with the embedded database
 * ({@code PILIMARKET_DEMO_DATA} overrides); never touches a database that already has markets.
 * It is long because most of it is content (the markets, their outcomes and the forecasters'
 * names); the seeding steps around that content are short and read best next to it.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String DEMO_PASSWORD = "demo-password-2026";

    private final Registrations registrations;
    private final Users users;
    private final Markets markets;
    private final Forecasts forecasts;
    private final Clock clock;
    private final boolean enabled;

    DemoData(
            Registrations registrations,
            Users users,
            Markets markets,
            Forecasts forecasts,
            Clock clock,
            PlatformMode mode,
            @Value("${pilimarket.demo-data:}") String demoData,
            @Value("${pilimarket.admin.email}") String adminEmail) {
        this.registrations = registrations;
        this.users = users;
        this.markets = markets;
        this.forecasts = forecasts;
        this.clock = clock;
        this.enabled =
                demoData == null || demoData.isBlank() ? mode.embeddedDatabase() : Boolean.parseBoolean(demoData);
        this.adminEmail = adminEmail;
    }

    private final String adminEmail;

    /**
     * A demo market. {@code schedule} closes it at or before the event it asks about (a market
     * still open while its answer becomes known invites risk-free late forecasts, which pari-mutuel
     * payouts would reward) and says when the answer is expected.
     */
    record DemoMarket(String title, String description, String category, List<String> outcomes, Schedule schedule) {}

    /** When forecasting stops and when the answer is expected, both in Philippine time. */
    record Schedule(OffsetDateTime closesAt, OffsetDateTime resolvesAt) {
        Schedule {
            if (closesAt.isAfter(resolvesAt)) {
                throw new IllegalArgumentException("a demo market must close at or before its event");
            }
        }
    }

    static final ZoneOffset MANILA = ZoneOffset.ofHours(8);

    /** Closes at {@code closes} and is expected to resolve at {@code resolves} (ISO local date-times, Manila). */
    static Schedule schedule(String closes, String resolves) {
        return new Schedule(
                LocalDateTime.parse(closes).atOffset(MANILA),
                LocalDateTime.parse(resolves).atOffset(MANILA));
    }

    static final List<String[]> FORECASTERS = List.of(
            new String[] {"juan@demo.pilimarket.ph", "Juan dela Cruz"},
            new String[] {"maria@demo.pilimarket.ph", "Maria Santos"},
            new String[] {"jose@demo.pilimarket.ph", "Jose Reyes"},
            new String[] {"ana@demo.pilimarket.ph", "Ana Bautista"},
            new String[] {"paolo@demo.pilimarket.ph", "Paolo Garcia"},
            new String[] {"bea@demo.pilimarket.ph", "Bea Mendoza"},
            new String[] {"carlo@demo.pilimarket.ph", "Carlo Villanueva"},
            new String[] {"liza@demo.pilimarket.ph", "Liza Aquino"});

    static final List<DemoMarket> MARKETS = List.of(
            new DemoMarket(
                    "Who will win the 2028 Philippine presidential election?",
                    "Resolves to the candidate proclaimed President-elect by Congress after the May 2028 national elections.",
                    "election",
                    List.of("Sara Duterte", "Raffy Tulfo", "Bam Aquino", "Bong Go", "Someone else"),
                    schedule("2028-05-08T00:00", "2028-06-30T00:00")),
            new DemoMarket(
                    "Will voter turnout in the May 2028 elections exceed 80%?",
                    "Resolves YES if COMELEC's official national turnout figure is above 80.0%.",
                    "election",
                    List.of("Yes", "No"),
                    schedule("2028-05-08T00:00", "2028-05-31T00:00")),
            new DemoMarket(
                    "Will Quezon City's next mayor be a first-time officeholder in 2028?",
                    "Resolves YES if the proclaimed mayor of Quezon City in 2028 has never held elected office before.",
                    "election",
                    List.of("Yes", "No"),
                    schedule("2028-05-08T00:00", "2028-05-20T00:00")),
            new DemoMarket(
                    "Will the Senate approve a Charter change resolution before July 2027?",
                    "Resolves YES if the Senate adopts on third reading any resolution proposing amendments to the 1987 Constitution.",
                    "politics",
                    List.of("Yes", "No"),
                    schedule("2027-07-01T00:00", "2027-07-01T00:00")),
            new DemoMarket(
                    "Will the minimum wage in Metro Manila reach ₱700 a day by the end of 2027?",
                    "Resolves YES if a wage order sets the basic daily minimum wage for non-agriculture workers in NCR at ₱700 or more.",
                    "politics",
                    List.of("Yes", "No"),
                    schedule("2028-01-01T00:00", "2028-01-01T00:00")),
            new DemoMarket(
                    "Who will win the PBA Philippine Cup 2026–27 finals?",
                    "Resolves to the team that wins the best-of-seven finals series.",
                    "sports",
                    List.of(
                            "San Miguel Beermen",
                            "TNT Tropang 5G",
                            "Barangay Ginebra",
                            "Magnolia Hotshots",
                            "Another team"),
                    schedule("2027-03-01T00:00", "2027-03-31T00:00")),
            new DemoMarket(
                    "Will Gilas Pilipinas qualify for the 2027 FIBA Basketball World Cup?",
                    "Resolves YES if the Philippines earns a place in the 2027 FIBA World Cup through the Asian qualifiers.",
                    "sports",
                    List.of("Yes", "No"),
                    schedule("2027-02-25T00:00", "2027-03-05T00:00")),
            new DemoMarket(
                    "Will Alex Eala reach a Grand Slam quarterfinal in 2027?",
                    "Resolves YES if Alex Eala reaches the women's singles quarterfinal of any 2027 Grand Slam.",
                    "sports",
                    List.of("Yes", "No"),
                    schedule("2027-01-17T00:00", "2027-09-13T00:00")),
            new DemoMarket(
                    "Will Bitcoin trade above ₱5,000,000 on 31 December 2026?",
                    "Resolves YES if the BTC/PHP closing price on a major Philippine exchange on 31 Dec 2026 (Asia/Manila) is above ₱5,000,000.",
                    "crypto",
                    List.of("Yes", "No"),
                    schedule("2026-12-31T00:00", "2027-01-01T00:00")),
            new DemoMarket(
                    "Will Ethereum be worth more than ₱250,000 at the end of March 2027?",
                    "Resolves YES if ETH/PHP closes above ₱250,000 on 31 March 2027 (Asia/Manila).",
                    "crypto",
                    List.of("Yes", "No"),
                    schedule("2027-03-31T00:00", "2027-04-01T00:00")),
            new DemoMarket(
                    "How will the teleserye 'Bituin ng Maynila' end?",
                    "A primetime teleserye's finale: resolves to the ending shown in the final episode.",
                    "entertainment",
                    List.of("Tala and Miguel end up together", "Tala leaves for Canada", "A surprise twist"),
                    schedule("2027-02-12T20:00", "2027-02-12T23:00")),
            new DemoMarket(
                    "Which entry will top the 2026 Metro Manila Film Festival box office?",
                    "Resolves to the MMFF 2026 entry with the highest gross as announced by the MMDA.",
                    "entertainment",
                    List.of("The comedy entry", "The horror entry", "The historical drama", "Another entry"),
                    schedule("2026-12-25T00:00", "2027-01-08T00:00")),
            new DemoMarket(
                    "Will a Filipino artist win a Grammy at the 2027 Grammy Awards?",
                    "Resolves YES if any Filipino or Filipino-American lead artist wins a competitive Grammy in 2027.",
                    "entertainment",
                    List.of("Yes", "No"),
                    schedule("2027-02-07T00:00", "2027-02-09T00:00")),
            new DemoMarket(
                    "Will more than 20 tropical cyclones enter the PAR in 2027?",
                    "Resolves YES if PAGASA reports more than 20 tropical cyclones entering the Philippine Area of Responsibility in 2027.",
                    "other",
                    List.of("Yes", "No"),
                    schedule("2027-01-01T00:00", "2028-01-05T00:00")),
            new DemoMarket(
                    "Will the Metro Manila Subway open to passengers before 2029?",
                    "Resolves YES if any segment of the Metro Manila Subway carries paying passengers before 1 January 2029.",
                    "other",
                    List.of("Yes", "No"),
                    schedule("2029-01-01T00:00", "2029-01-01T00:00")));

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled
                || markets.list(new MarketQuery(null, null, null, null, null), PageQuery.first(1))
                                .pagination()
                                .total()
                        > 0) {
            return;
        }
        UserAccount admin = users.findByEmail(adminEmail).orElse(null);
        if (admin == null) {
            log.warn("Demo data skipped: no superadmin {}", adminEmail);
            return;
        }
        List<UserAccount> people = new ArrayList<>();
        for (String[] f : FORECASTERS) {
            people.add(users.findByEmail(f[0])
                    .orElseGet(() -> registrations.registerUser(f[0], DEMO_PASSWORD, f[1], UserRole.USER)));
        }
        Random random = new Random(2028);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int placed = 0;
        int created = 0;
        for (DemoMarket m : MARKETS) {
            if (!m.schedule().closesAt().isAfter(now.plusDays(1))) {
                continue; // its event has come (or nearly): a demo market must not be open past it
            }
            MarketDetail market = markets.create(
                    admin.id(),
                    DemoFilipino.translated(new NewMarket(
                            m.title(),
                            m.description(),
                            m.category(),
                            m.outcomes(),
                            m.schedule().closesAt(),
                            m.schedule().resolvesAt(),
                            null,
                            Map.of("demo", true))));
            placed += forecastOn(market, people, random);
            markets.backdateHistory(market.id(), openedAt(now, random));
            created++;
        }
        placed += resolvedDemoMarket(admin, people, now);
        log.info(
                "Demo data: {} users, {} markets, {} forecasts (password for demo users: see README)",
                people.size(),
                created + 1,
                placed);
    }

    /**
     * When a demo market "opened": 4 to 30 days ago. Its seeded forecasts are then spread over the
     * time since, so its chart has a past that ends at today's odds rather than a cliff at start-up.
     */
    static OffsetDateTime openedAt(OffsetDateTime now, Random random) {
        return now.minusDays(4 + random.nextInt(27)).minusMinutes(random.nextInt(24 * 60));
    }

    /** Chips each demo forecaster may stake on the open markets, leaving room for the resolved one. */
    private static final long OPEN_MARKETS_BUDGET = 800;

    private final Map<UUID, Long> staked = new HashMap<>();

    private int forecastOn(MarketDetail market, List<UserAccount> people, Random random) {
        int count = 0;
        // Each market gets a favourite that draws most of the stake, as crowds tend to concentrate.
        int outcomes = market.outcomes().size();
        int favourite = random.nextInt(outcomes);
        for (UserAccount person : people) {
            if (random.nextInt(100) < 35) {
                continue;
            }
            int pick = random.nextInt(100) < 60 ? favourite : random.nextInt(outcomes);
            long points = 10L * (1 + random.nextInt(12));
            long total = staked.getOrDefault(person.id(), 0L) + points;
            if (total > OPEN_MARKETS_BUDGET) {
                continue; // the signup bonus must also cover the resolved demo market
            }
            staked.put(person.id(), total);
            forecasts.place(
                    person.id(),
                    new PlaceForecast(market.id(), market.outcomes().get(pick).id(), points));
            count++;
        }
        return count;
    }

    private int resolvedDemoMarket(UserAccount admin, List<UserAccount> people, OffsetDateTime now) {
        MarketDetail market = markets.create(
                admin.id(),
                DemoFilipino.translated(new NewMarket(
                        "Demo: Will the Manila Bay coastal cleanup draw 1,000 volunteers?",
                        "A sample market that has already been resolved, so profiles, leaderboards and payouts have something to show.",
                        "other",
                        List.of("Yes", "No"),
                        now.plusDays(1),
                        now.plusDays(1),
                        null,
                        Map.of("demo", true))));
        long[] stakes = {120, 80, 150, 60, 100};
        for (int i = 0; i < stakes.length; i++) {
            int outcome = i % 3 == 2 ? 1 : 0;
            forecasts.place(
                    people.get(i).id(),
                    new PlaceForecast(
                            market.id(), market.outcomes().get(outcome).id(), stakes[i]));
        }
        markets.backdateHistory(market.id(), now.minusDays(12));
        markets.close(admin.id(), market.id());
        markets.resolve(
                admin.id(),
                market.id(),
                new ResolveMarket(
                        market.outcomes().get(0).id(),
                        List.of("https://example.org/pilimarket-demo-evidence"),
                        "Demo resolution: the organisers reported 1,240 volunteers."));
        return stakes.length;
    }
}
