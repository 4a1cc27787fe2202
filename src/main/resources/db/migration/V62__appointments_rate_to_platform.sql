-- The booking rate limits now count in platform_rate_limit (platform.RateLimiter), shared with the
-- other modules' limits; the old windows only ever covered the last day.
drop table appointments_rate;
