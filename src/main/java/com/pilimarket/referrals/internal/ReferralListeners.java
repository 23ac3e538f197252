package com.pilimarket.referrals.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.referrals.Referrals;
import com.pilimarket.users.UserRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records invitations at registration and settles them on the invitee's first forecast. */
@Component
class ReferralListeners {

    private final Referrals referrals;

    ReferralListeners(Referrals referrals) {
        this.referrals = referrals;
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        if (event.referrerId() != null) {
            referrals.invited(event.userId(), event.referrerId());
        }
    }

    @ApplicationModuleListener
    void on(ForecastsPlaced placed) {
        referrals.forecastsPlaced(placed.placements().stream()
                .map(ForecastPlaced::userId)
                .distinct()
                .toList());
    }
}
