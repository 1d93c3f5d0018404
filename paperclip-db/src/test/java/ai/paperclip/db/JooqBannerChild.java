package ai.paperclip.db;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Main class of {@link JooqBannerTest}'s child JVMs: loads PaperclipDb, then has jOOQ render its first SQL. */
public final class JooqBannerChild {

    private JooqBannerChild() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class.forName(PaperclipDb.class.getName());   // what every use of the library does first
        System.out.println("RENDERED " + DSL.using(SQLDialect.POSTGRES).render(DSL.selectOne()));
    }
}
