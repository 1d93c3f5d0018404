package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupFile;
import ai.paperclip.db.backup.RetentionPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which backups retention deletes; pure (no file system), so the tiers are tested with a fixed clock.
 * Weeks and months are those of the clock's zone, as the file names are. Hand-written: the tiers are upstream
 * Paperclip's, and no library keeps "newest per ISO week" for us.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * The backups to delete among {@code good} (our files with a manifest), oldest first.
     *
     * @param good all candidate backups, any order
     * @param now  the present
     * @param zone the zone weeks and months are counted in
     */
    public static List<BackupFile> toDelete(List<BackupFile> good, RetentionPolicy policy, Instant now, ZoneId zone) {
        if (good.isEmpty()) {
            return List.of();
        }
        List<BackupFile> newestFirst = new ArrayList<>(good);
        newestFirst.sort(Comparator.comparing(BackupFile::created).reversed());
        ZonedDateTime today = now.atZone(zone);
        Instant dailyFrom = today.minusDays(policy.dailyDays()).toInstant();
        Instant weeklyFrom = today.minusWeeks(policy.weeklyWeeks()).toInstant();
        Instant monthlyFrom = today.minusMonths(policy.monthlyMonths()).toInstant();

        Set<BackupFile> daily = new LinkedHashSet<>();
        Set<BackupFile> keep = new LinkedHashSet<>();
        Set<String> weeksSeen = new HashSet<>();
        Set<YearMonth> monthsSeen = new HashSet<>();
        keep.add(newestFirst.get(0)); // the newest good backup, whatever its age
        for (BackupFile f : newestFirst) {
            LocalDate day = f.created().atZone(zone).toLocalDate();
            if (!f.created().isBefore(dailyFrom)) {
                daily.add(f);
                keep.add(f);
            }
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (policy.weeklyWeeks() > 0 && !f.created().isBefore(weeklyFrom) && weeksSeen.add(week)) {
                keep.add(f);
            }
            if (policy.monthlyMonths() > 0 && !f.created().isBefore(monthlyFrom) && monthsSeen.add(YearMonth.from(day))) {
                keep.add(f);
            }
        }
        if (policy.maxTotalBytes() > 0) {
            capBytes(keep, daily, newestFirst.get(0), policy.maxTotalBytes());
        }
        List<BackupFile> delete = new ArrayList<>(newestFirst);
        delete.removeAll(keep);
        delete.sort(Comparator.comparing(BackupFile::created));
        return delete;
    }

    /** Drops kept backups, oldest beyond the daily tier first, then the oldest daily ones, never the newest. */
    private static void capBytes(Set<BackupFile> keep, Set<BackupFile> daily, BackupFile newest, long cap) {
        long total = keep.stream().mapToLong(BackupFile::sizeBytes).sum();
        List<BackupFile> order = new ArrayList<>(keep);
        order.sort(Comparator.comparing((BackupFile f) -> daily.contains(f)).thenComparing(BackupFile::created));
        for (BackupFile f : order) {
            if (total <= cap) {
                return;
            }
            if (!f.equals(newest)) {
                keep.remove(f);
                total -= f.sizeBytes();
            }
        }
    }
}
