package com.pilimarket.forecasting;

import java.util.List;

/** The caller's open positions, the soonest to close first, and the portfolio's totals ({@code GET /users/me/portfolio}). */
public record Portfolio(List<PortfolioPosition> positions, PortfolioTotals totals) {}
