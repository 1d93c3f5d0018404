package ai.paperclip.db;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** {@link JooqBannerChild} without loading the library: jOOQ alone, as it behaves by default. */
public final class PlainJooqChild {

    private PlainJooqChild() {
    }

    public static void main(String[] args) {
        System.out.println("RENDERED " + DSL.using(SQLDialect.POSTGRES).render(DSL.selectOne()));
    }
}
