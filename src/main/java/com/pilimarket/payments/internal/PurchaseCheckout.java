package com.pilimarket.payments.internal;

import com.pilimarket.payments.ChipPackage;
import com.pilimarket.payments.NewPurchase;
import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.PurchaseFlagged;
import com.pilimarket.payments.PurchaseLimits;
import com.pilimarket.payments.PurchaseStatus;
import com.pilimarket.payments.PurchaseView;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Chips;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserSignal;
import com.pilimarket.users.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a purchase: validates it, applies the daily peso cap and the velocity rule under a per-user
 * lock, stores it as pending, then asks the provider (or the sandbox) for a checkout. The provider
 * call happens outside the database transaction so a slow provider holds no locks.
 */
@Service
public class PurchaseCheckout {

    static final String DAILY_LIMIT_EXCEEDED = "DAILY_LIMIT_EXCEEDED";
    static final ZoneId MANILA = Chips.MANILA;

    private final PaymentsProperties properties;
    private final PurchaseRecords purchases;
    private final Users users;
    private final CheckoutGateways gateways;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PurchaseCheckout(
            PaymentsProperties properties,
            PurchaseRecords purchases,
            Users users,
            CheckoutGateways gateways,
            ApplicationEventPublisher publisher,
            TransactionTemplate transactions,
            Clock clock) {
        this.properties = properties;
        this.purchases = purchases;
        this.users = users;
        this.gateways = gateways;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<ChipPackage> packages() {
        return properties.packages().stream()
                .map(p -> new ChipPackage(p.id(), p.chips(), p.chips() * 100, "PHP"))
                .toList();
    }

    public PurchaseLimits limits() {
        return new PurchaseLimits(properties.minChips(), properties.maxChips(), properties.dailyLimitCents() / 100);
    }

    private sealed interface Started {}

    private record Created(Purchase purchase) implements Started {}

    private record Replayed(Purchase purchase) implements Started {}

    private record OverDailyLimit(long usedCents) implements Started {}

    public PurchaseView start(UUID userId, NewPurchase request) {
        UserAccount user = users.require(userId);
        if (!user.canWrite()) {
            throw ApiException.forbidden("Only active accounts can buy chips");
        }
        Order order = validate(request);
        String key = request.idempotencyKey();
        String hash = order.hash();
        Started started = transactions.execute(status -> {
            purchases.lockUserPurchases(userId);
            if (key != null) {
                var earlier = purchases.findByIdempotencyKey(userId, key);
                if (earlier.isPresent()) {
                    if (!hash.equals(earlier.get().requestHash())) {
                        throw ApiException.conflict(
                                ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for a different purchase");
                    }
                    return new Replayed(earlier.get());
                }
            }
            Instant now = clock.instant();
            Instant startOfDay =
                    LocalDate.ofInstant(now, MANILA).atStartOfDay(MANILA).toInstant();
            long used = purchases.centsSince(userId, startOfDay);
            if (used + order.amountCents() > properties.dailyLimitCents()) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("used_cents_today", used);
                evidence.put("requested_cents", order.amountCents());
                evidence.put("limit_cents", properties.dailyLimitCents());
                publisher.publishEvent(new PurchaseFlagged(userId, null, "daily_limit", evidence));
                return new OverDailyLimit(used);
            }
            String deviceId = clip(Text.cleanLine(request.deviceId()), 200);
            String ip = clip(request.ip(), 100);
            String userAgent = clip(Text.cleanLine(request.userAgent()), 500);
            Purchase purchase = purchases.insert(new PurchaseRecords.NewPurchaseRow(
                    userId,
                    order.provider(),
                    order.chips(),
                    order.amountCents(),
                    order.packageId(),
                    key,
                    hash,
                    deviceId,
                    ip,
                    userAgent));
            // Fraud checks read every account's devices and networks from user_signals.
            users.recordSignal(userId, new UserSignal("purchase", deviceId, ip, userAgent));
            velocity(purchase, now);
            return new Created(purchase);
        });
        if (started instanceof Replayed replayed) {
            Purchase earlier = replayed.purchase();
            if (earlier.status() == PurchaseStatus.PENDING && earlier.providerTxId() == null) {
                // The first attempt committed the purchase but never attached its checkout (connection cut,
                // crash): the retry finishes the job instead of returning a purchase that cannot be paid.
                return checkout(earlier);
            }
            return earlier.view();
        }
        if (started instanceof OverDailyLimit over) {
            throw ApiException.unprocessable(
                    DAILY_LIMIT_EXCEEDED,
                    "Purchases are limited to " + Chips.peso(properties.dailyLimitCents() / 100)
                            + " a day (Asia/Manila time); "
                            + Chips.peso(Math.max(0, properties.dailyLimitCents() - over.usedCents()) / 100)
                            + " left today");
        }
        return checkout(((Created) started).purchase());
    }

    private void velocity(Purchase purchase, Instant now) {
        PaymentsProperties.Velocity rule = properties.velocity();
        int attempts = purchases.attemptsSince(purchase.userId(), now.minus(rule.window()));
        if (attempts > rule.maxAttempts()) {
            purchases.flag(purchase.id(), "velocity");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("attempts", attempts);
            evidence.put("window_seconds", rule.window().toSeconds());
            evidence.put("max_attempts", rule.maxAttempts());
            publisher.publishEvent(new PurchaseFlagged(purchase.userId(), purchase.id(), "velocity", evidence));
        }
    }

    private PurchaseView checkout(Purchase purchase) {
        try {
            CheckoutGateway.Checkout started = gateways.of(purchase.provider()).start(purchase);
            purchases.attachCheckout(
                    purchase.id(),
                    started.providerTxId(),
                    started.providerIntentId(),
                    started.clientSecret(),
                    started.checkoutUrl());
        } catch (PaymentProviderException e) {
            // Never charged: close it, so it does not count against the daily cap.
            purchases.markFailed(purchase.id(), "checkout could not be started");
            throw e;
        }
        return purchases.find(purchase.id()).orElseThrow().view();
    }

    private record Order(PaymentProvider provider, String packageId, long chips) {
        long amountCents() {
            return chips * 100;
        }

        String hash() {
            String canonical = provider.value() + "|" + (packageId == null ? "" : packageId) + "|" + chips;
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Order validate(NewPurchase request) {
        List<ApiError> errors = new ArrayList<>();
        PaymentProvider provider = PaymentProvider.parse(request.provider()).orElse(null);
        if (provider == null) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "provider", "must be one of stripe, gcash, paymaya"));
        }
        String key = request.idempotencyKey();
        if (key != null && (key.isBlank() || key.length() > 100)) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "Idempotency-Key", "must be 1 to 100 characters"));
        }
        String packageId = request.packageId();
        Long chips = request.chips();
        boolean hasPackage = packageId != null && !packageId.isBlank();
        if (hasPackage == (chips != null)) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "package_id", "send exactly one of package_id or chips"));
        } else if (hasPackage) {
            var found = properties.packages().stream()
                    .filter(p -> p.id().equals(packageId))
                    .findFirst();
            if (found.isEmpty()) {
                errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "package_id", "no such package"));
            } else {
                chips = found.get().chips();
            }
        } else if (chips < properties.minChips() || chips > properties.maxChips()) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED,
                    "chips",
                    "must be between " + properties.minChips() + " and " + properties.maxChips()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Order(provider, hasPackage ? packageId : null, chips);
    }

    private static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
