package com.pilimarket.forecasting;

/** The result of a placement: the forecast after it, whether it was new (201) or a top-up (200), and the caller's chips. */
public record ForecastPlacement(ForecastView forecast, boolean created, long chips) {}
