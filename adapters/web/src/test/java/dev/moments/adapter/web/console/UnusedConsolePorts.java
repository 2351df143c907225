package dev.moments.adapter.web.console;

import dev.moments.application.port.in.AuditUseCase;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * The console's use cases in this module's tests, which exercise the redemption page and the console's pure parts:
 * nothing calls them, except the session look-up, which finds nobody (every console page redirects to the sign-in).
 * The real ones, against PostgreSQL, are exercised by the bootstrap's ConsoleSecurityTest and ConsoleBrowserTest.
 */
@ApplicationScoped
public class UnusedConsolePorts {

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> port) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "unused " + port.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            if (method.getName().equals("resume") || method.getName().equals("signIn")) {
                return Optional.empty();
            }
            if (method.getName().equals("signOut")) {
                return null;
            }
            throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName() + " in a web test");
        });
    }

    @Produces @Singleton ConsoleSessionUseCase sessions() { return unused(ConsoleSessionUseCase.class); }

    @Produces @Singleton GetPartnerQuery partners() { return unused(GetPartnerQuery.class); }

    @Produces @Singleton GetMomentQuery moments() { return unused(GetMomentQuery.class); }

    @Produces @Singleton CreateMomentUseCase create() { return unused(CreateMomentUseCase.class); }

    @Produces @Singleton EditMomentUseCase edit() { return unused(EditMomentUseCase.class); }

    @Produces @Singleton ChangeMomentStatusUseCase lifecycle() { return unused(ChangeMomentStatusUseCase.class); }

    @Produces @Singleton TopUpBudgetUseCase topUps() { return unused(TopUpBudgetUseCase.class); }

    @Produces @Singleton GetRewardQuery rewards() { return unused(GetRewardQuery.class); }

    @Produces @Singleton GetAwardQuery awards() { return unused(GetAwardQuery.class); }

    @Produces @Singleton GetLedgerQuery ledgers() { return unused(GetLedgerQuery.class); }

    @Produces @Singleton GetWebhookQuery webhooks() { return unused(GetWebhookQuery.class); }

    @Produces @Singleton GetMomentReportQuery reports() { return unused(GetMomentReportQuery.class); }

    @Produces @Singleton PointsUseCase points() { return unused(PointsUseCase.class); }

    @Produces @Singleton BadgesUseCase badges() { return unused(BadgesUseCase.class); }
    @Produces @Singleton BlocklistUseCase blocklist() { return unused(BlocklistUseCase.class); }
    @Produces @Singleton ReviewAwardsUseCase reviews() { return unused(ReviewAwardsUseCase.class); }
    @Produces @Singleton AuditUseCase audit() { return unused(AuditUseCase.class); }
}
