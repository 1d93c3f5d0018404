package ai.paperclip.schema.host;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.util.UUID;

/** A host table with a composite primary key, the target of a composite foreign key of {@link Orders}. */
public final class OrderLinks extends Table {

    public static final OrderLinks ORDER_LINKS = new OrderLinks();

    public final Column<UUID> companyId = uuid("company_id");
    public final Column<Long> orderId = bigint("order_id");
    public final Column<String> label = text("label");

    private OrderLinks() {
        super("order_links");
        primaryKey(companyId, orderId);
    }
}
