package com.pilimarket.demo;

import com.pilimarket.markets.NewMarket;
import java.util.List;
import java.util.Map;

/**
 * The Filipino text of every demo market (title, description, outcome names in the same order),
 * keyed by the English title: the app shows it in Filipino mode. Taglish as GCash and Maya write it;
 * names of people, teams and films stay as they are.
 */
final class DemoFilipino {

    record Text(String title, String description, List<String> outcomes) {}

    private static final List<String> YES_NO = List.of("Oo", "Hindi");

    static final Map<String, Text> BY_TITLE = Map.ofEntries(
            Map.entry(
                    "Who will win the 2028 Philippine presidential election?",
                    new Text(
                            "Sino ang mananalo sa 2028 presidential election ng Pilipinas?",
                            "Ang resulta ay ang kandidatong ipoproklama ng Kongreso bilang President-elect pagkatapos ng national elections sa Mayo 2028.",
                            List.of("Sara Duterte", "Raffy Tulfo", "Bam Aquino", "Bong Go", "Iba pa"))),
            Map.entry(
                    "Will voter turnout in the May 2028 elections exceed 80%?",
                    new Text(
                            "Lalampas ba sa 80% ang voter turnout sa eleksyon sa Mayo 2028?",
                            "OO ang resulta kung lampas 80.0% ang opisyal na national turnout ng COMELEC.", YES_NO)),
            Map.entry(
                    "Will Quezon City's next mayor be a first-time officeholder in 2028?",
                    new Text(
                            "Baguhan ba sa pulitika ang susunod na mayor ng Quezon City sa 2028?",
                            "OO ang resulta kung hindi pa nahalal kahit kailan ang ipoproklamang mayor ng Quezon City sa 2028.",
                            YES_NO)),
            Map.entry(
                    "Will the Senate approve a Charter change resolution before July 2027?",
                    new Text(
                            "Aaprubahan ba ng Senado ang isang Charter change resolution bago mag-Hulyo 2027?",
                            "OO ang resulta kung ipapasa ng Senado sa third reading ang anumang resolusyong nagmumungkahi ng amyenda sa 1987 Constitution.",
                            YES_NO)),
            Map.entry(
                    "Will the minimum wage in Metro Manila reach ₱700 a day by the end of 2027?",
                    new Text(
                            "Aabot ba sa ₱700 kada araw ang minimum wage sa Metro Manila bago matapos ang 2027?",
                            "OO ang resulta kung may wage order na magtatakda ng ₱700 o higit pa bilang daily minimum wage ng non-agriculture workers sa NCR.",
                            YES_NO)),
            Map.entry(
                    "Who will win the PBA Philippine Cup 2026–27 finals?",
                    new Text(
                            "Sino ang magcha-champion sa PBA Philippine Cup 2026–27 finals?",
                            "Ang resulta ay ang team na mananalo sa best-of-seven finals series.",
                            List.of(
                                    "San Miguel Beermen",
                                    "TNT Tropang 5G",
                                    "Barangay Ginebra",
                                    "Magnolia Hotshots",
                                    "Ibang team"))),
            Map.entry(
                    "Will Gilas Pilipinas qualify for the 2027 FIBA Basketball World Cup?",
                    new Text(
                            "Makakapasok ba ang Gilas Pilipinas sa 2027 FIBA Basketball World Cup?",
                            "OO ang resulta kung makakuha ng puwesto ang Pilipinas sa 2027 FIBA World Cup sa pamamagitan ng Asian qualifiers.",
                            YES_NO)),
            Map.entry(
                    "Will Alex Eala reach a Grand Slam quarterfinal in 2027?",
                    new Text(
                            "Aabot ba si Alex Eala sa quarterfinal ng isang Grand Slam sa 2027?",
                            "OO ang resulta kung makakarating si Alex Eala sa women's singles quarterfinal ng kahit anong Grand Slam sa 2027.",
                            YES_NO)),
            Map.entry(
                    "Will Bitcoin trade above ₱5,000,000 on 31 December 2026?",
                    new Text(
                            "Lalampas ba sa ₱5,000,000 ang presyo ng Bitcoin sa 31 Disyembre 2026?",
                            "OO ang resulta kung lampas ₱5,000,000 ang BTC/PHP closing price sa isang malaking exchange sa Pilipinas sa 31 Dis 2026 (oras sa Manila).",
                            YES_NO)),
            Map.entry(
                    "Will Ethereum be worth more than ₱250,000 at the end of March 2027?",
                    new Text(
                            "Lalampas ba sa ₱250,000 ang halaga ng Ethereum sa katapusan ng Marso 2027?",
                            "OO ang resulta kung magsasara ang ETH/PHP nang lampas ₱250,000 sa 31 Marso 2027 (oras sa Manila).",
                            YES_NO)),
            Map.entry(
                    "How will the teleserye 'Bituin ng Maynila' end?",
                    new Text(
                            "Paano magtatapos ang teleseryeng 'Bituin ng Maynila'?",
                            "Finale ng isang primetime teleserye: ang resulta ay ang ending na ipapakita sa huling episode.",
                            List.of(
                                    "Magkakatuluyan sina Tala at Miguel",
                                    "Aalis si Tala papuntang Canada",
                                    "May surprise twist"))),
            Map.entry(
                    "Which entry will top the 2026 Metro Manila Film Festival box office?",
                    new Text(
                            "Aling entry ang magna-number one sa box office ng 2026 Metro Manila Film Festival?",
                            "Ang resulta ay ang MMFF 2026 entry na may pinakamalaking kita ayon sa anunsyo ng MMDA.",
                            List.of("Ang comedy entry", "Ang horror entry", "Ang historical drama", "Ibang entry"))),
            Map.entry(
                    "Will a Filipino artist win a Grammy at the 2027 Grammy Awards?",
                    new Text(
                            "May Pinoy artist bang mananalo ng Grammy sa 2027 Grammy Awards?",
                            "OO ang resulta kung may Filipino o Filipino-American na lead artist na mananalo ng competitive Grammy sa 2027.",
                            YES_NO)),
            Map.entry(
                    "Will more than 20 tropical cyclones enter the PAR in 2027?",
                    new Text(
                            "Higit ba sa 20 bagyo ang papasok sa PAR sa 2027?",
                            "OO ang resulta kung iuulat ng PAGASA na higit sa 20 tropical cyclone ang pumasok sa Philippine Area of Responsibility sa 2027.",
                            YES_NO)),
            Map.entry(
                    "Will the Metro Manila Subway open to passengers before 2029?",
                    new Text(
                            "Magbubukas na ba sa mga pasahero ang Metro Manila Subway bago mag-2029?",
                            "OO ang resulta kung may bahagi ng Metro Manila Subway na magsasakay ng nagbabayad na pasahero bago ang 1 Enero 2029.",
                            YES_NO)),
            Map.entry(
                    "Demo: Will the Manila Bay coastal cleanup draw 1,000 volunteers?",
                    new Text(
                            "Demo: Aabot ba sa 1,000 volunteers ang coastal cleanup sa Manila Bay?",
                            "Sample na market na may resulta na, para may maipakita ang mga profile, leaderboard at payout.",
                            YES_NO)));

    private DemoFilipino() {}

    /** The market with its Filipino text added. */
    static NewMarket translated(NewMarket market) {
        Text fil = BY_TITLE.get(market.title());
        if (fil == null) {
            throw new IllegalStateException("Demo market without Filipino text: " + market.title());
        }
        return new NewMarket(
                market.title(),
                market.description(),
                market.category(),
                market.outcomes(),
                market.closesAt(),
                market.resolvesAt(),
                market.maxPointsPerUser(),
                market.metadata(),
                fil.title(),
                fil.description(),
                fil.outcomes());
    }
}
