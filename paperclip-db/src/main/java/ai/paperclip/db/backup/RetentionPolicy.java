package ai.paperclip.db.backup;

/**
 * Which backups a scheduled run keeps after a successful backup (upstream Paperclip's tiers): every backup of the
 * last {@code dailyDays} days, the newest of each ISO week in the last {@code weeklyWeeks} weeks, the newest of each
 * calendar month in the last {@code monthlyMonths} months, and, when {@code maxTotalBytes} is positive, no more
 * bytes than that (the oldest beyond the daily tier go first). The newest good backup is always kept, and only
 * files named {@code paperclip-YYYYMMDD-HHMMSS.sql.gz} with a manifest at their head are ever deleted.
 *
 * @param dailyDays     keep everything this many days back ({@value #DEFAULT_DAILY_DAYS}), at least 1
 * @param weeklyWeeks   newest per ISO week this many weeks back ({@value #DEFAULT_WEEKLY_WEEKS}), 0 = none
 * @param monthlyMonths newest per calendar month this many months back ({@value #DEFAULT_MONTHLY_MONTHS}), 0 = none
 * @param maxTotalBytes cap on the bytes all kept backups use; 0 = no cap ({@value #DEFAULT_MAX_TOTAL_BYTES})
 */
public record RetentionPolicy(int dailyDays, int weeklyWeeks, int monthlyMonths, long maxTotalBytes) {

    public static final int DEFAULT_DAILY_DAYS = 7;
    public static final int DEFAULT_WEEKLY_WEEKS = 4;
    public static final int DEFAULT_MONTHLY_MONTHS = 1;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 0;

    /** The defaults: 7 days, 4 weeks, 1 month, no byte cap. */
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(DEFAULT_DAILY_DAYS, DEFAULT_WEEKLY_WEEKS,
            DEFAULT_MONTHLY_MONTHS, DEFAULT_MAX_TOTAL_BYTES);

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public RetentionPolicy {
        require(dailyDays >= 1, "dailyDays", dailyDays, "at least 1 (the newest day is always kept)");
        require(weeklyWeeks >= 0, "weeklyWeeks", weeklyWeeks, "0 or more");
        require(monthlyMonths >= 0, "monthlyMonths", monthlyMonths, "0 or more");
        require(maxTotalBytes >= 0, "maxTotalBytes", maxTotalBytes, "0 (no cap) or more");
    }

    private static void require(boolean ok, String name, long value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("Backup retention " + name + " is " + value + "; it must be " + rule + ".");
        }
    }
}
