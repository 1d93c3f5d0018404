package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code company_memberships}: which users and agents (principals) belong to a company, with what role. */
public final class CompanyMembershipsTable extends Table {

    public static final CompanyMembershipsTable COMPANY_MEMBERSHIPS = new CompanyMembershipsTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> principalType = text("principal_type").notNull();
    public final Column<String> principalId = text("principal_id").notNull();
    public final Column<String> status = text("status").notNull().defaultValue("active");
    public final Column<String> membershipRole = text("membership_role");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    private CompanyMembershipsTable() {
        super("company_memberships");
        uniqueIndex("company_memberships_company_principal_unique_idx").on(companyId, principalType, principalId);
        index("company_memberships_company_status_idx").on(companyId, status);
        index("company_memberships_principal_status_idx").on(principalType, principalId, status);
    }

    /** Values of {@code company_memberships.principal_type}. */
    public enum PrincipalType implements TextValue { USER, AGENT }

    /** Values of {@code company_memberships.status}. */
    public enum Status implements TextValue { PENDING, ACTIVE, SUSPENDED, ARCHIVED }

    /** Values of {@code company_memberships.membership_role}. */
    public enum MembershipRole implements TextValue { OWNER, ADMIN, OPERATOR, VIEWER, MEMBER }
}
