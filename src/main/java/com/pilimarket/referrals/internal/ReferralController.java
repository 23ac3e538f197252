package com.pilimarket.referrals.internal;

import com.pilimarket.referrals.MyReferrals;
import com.pilimarket.referrals.Referrals;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's referral link and invitees. */
@RestController
@Tag(name = "Users")
class ReferralController {

    private final Referrals referrals;

    ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @SignedIn
    @GetMapping("/api/v1/users/me/referrals")
    @Operation(summary = "The caller's referral code, bonuses earned and invitees (newest first, paged by page/limit)")
    ApiResponse<MyReferrals> mine(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        PageQuery paging = PageQuery.of(page, limit);
        return ApiResponse.ok(referrals.mine(Callers.requireUserId(), paging.limit(), (int) paging.offset()));
    }
}
