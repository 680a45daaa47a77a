package shop.catalog.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import shop.catalog.CatalogConfig;

/** The admin account, from configuration only (a Secret in production); none without it. */
@ApplicationScoped
public class AdminAccount {

    private static final Logger LOG = Logger.getLogger(AdminAccount.class);

    void onStart(@Observes StartupEvent start, CatalogConfig config, UserService users) {
        var admin = config.admin();
        if (admin.email().isEmpty() || admin.password().isEmpty()) {
            LOG.info("no admin account configured (catalog.admin.email / catalog.admin.password)");
            return;
        }
        users.ensureAdmin(admin.email().get(), admin.password().get());
    }
}
