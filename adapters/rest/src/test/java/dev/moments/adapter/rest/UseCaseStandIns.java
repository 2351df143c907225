package dev.moments.adapter.rest;

import dev.moments.application.port.in.AuditUseCase;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.AuthenticatePartnerUseCase.Caller;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.application.port.in.BrandingUseCase;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.IdempotentRequestUseCase;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.application.port.in.ManageWebhooksUseCase;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.application.port.in.SetMonthlyCapUseCase;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.mockito.Mockito;

/**
 * The beans the REST adapter needs and the application would provide: each use case as a bean of its own, which a
 * test replaces with a fresh Mockito mock through {@code @InjectMock}, and the admin token. Without a mock, a use case
 * answers Mockito's defaults, except the API keys: {@link TestCredentials#PARTNER_KEY} is the partner
 * {@link TestCredentials#PARTNER}'s and {@link TestCredentials#RIVAL_KEY} the partner {@link TestCredentials#RIVAL}'s.
 */
@Singleton
public class UseCaseStandIns {

    @Produces
    @Singleton
    AdminToken adminToken() {
        return new AdminToken(TestCredentials.ADMIN_TOKEN);
    }

    @Produces
    @ApplicationScoped
    AuthenticatePartnerUseCase authenticate() {
        return key -> TestCredentials.PARTNER_KEY.equals(key)
                ? Optional.of(new Caller(TestCredentials.PARTNER, new ApiKeyId("key_partner"), Scope.ALL))
                : TestCredentials.RIVAL_KEY.equals(key)
                ? Optional.of(new Caller(TestCredentials.RIVAL, new ApiKeyId("key_rival"), Scope.ALL))
                : Optional.empty();
    }

    @Produces
    @ApplicationScoped
    CreatePartnerUseCase createPartner() {
        return Mockito.mock(CreatePartnerUseCase.class);
    }

    @Produces
    @ApplicationScoped
    ManageApiKeysUseCase manageApiKeys() {
        return Mockito.mock(ManageApiKeysUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetPartnerQuery getPartner() {
        return Mockito.mock(GetPartnerQuery.class);
    }

    @Produces
    @ApplicationScoped
    SetMonthlyCapUseCase setMonthlyCap() {
        return Mockito.mock(SetMonthlyCapUseCase.class);
    }

    @Produces
    @ApplicationScoped
    CreateMomentUseCase createMoment() {
        return Mockito.mock(CreateMomentUseCase.class);
    }

    @Produces
    @ApplicationScoped
    EditMomentUseCase editMoment() {
        return Mockito.mock(EditMomentUseCase.class);
    }

    @Produces
    @ApplicationScoped
    ChangeMomentStatusUseCase changeMomentStatus() {
        return Mockito.mock(ChangeMomentStatusUseCase.class);
    }

    @Produces
    @ApplicationScoped
    TopUpBudgetUseCase topUpBudget() {
        return Mockito.mock(TopUpBudgetUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetMomentQuery getMoment() {
        return Mockito.mock(GetMomentQuery.class);
    }

    @Produces
    @ApplicationScoped
    DirectAwardUseCase directAward() {
        return Mockito.mock(DirectAwardUseCase.class);
    }

    @Produces
    @ApplicationScoped
    CreateRewardUseCase createReward() {
        return Mockito.mock(CreateRewardUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetRewardQuery getReward() {
        return Mockito.mock(GetRewardQuery.class);
    }

    @Produces
    @ApplicationScoped
    ManageCodesUseCase manageCodes() {
        return Mockito.mock(ManageCodesUseCase.class);
    }

    @Produces
    @ApplicationScoped
    RecordEventUseCase recordEvent() {
        return Mockito.mock(RecordEventUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetAwardQuery getAward() {
        return Mockito.mock(GetAwardQuery.class);
    }

    @Produces
    @ApplicationScoped
    CancelAwardUseCase cancelAward() {
        return Mockito.mock(CancelAwardUseCase.class);
    }

    @Produces
    @ApplicationScoped
    ReportFulfillmentUseCase reportFulfillment() {
        return Mockito.mock(ReportFulfillmentUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetLedgerQuery getLedger() {
        return Mockito.mock(GetLedgerQuery.class);
    }

    @Produces
    @ApplicationScoped
    GetMomentReportQuery getMomentReport() {
        return Mockito.mock(GetMomentReportQuery.class);
    }

    @Produces
    @ApplicationScoped
    ExplainProgressQuery explainProgress() {
        return Mockito.mock(ExplainProgressQuery.class);
    }

    @Produces
    @ApplicationScoped
    RedeemUseCase redeem() {
        return Mockito.mock(RedeemUseCase.class);
    }

    @Produces
    @ApplicationScoped
    IdempotentRequestUseCase idempotentRequest() {
        return Mockito.mock(IdempotentRequestUseCase.class);
    }

    @Produces
    @ApplicationScoped
    ManageWebhooksUseCase manageWebhooks() {
        return Mockito.mock(ManageWebhooksUseCase.class);
    }

    @Produces
    @ApplicationScoped
    GetWebhookQuery getWebhook() {
        return Mockito.mock(GetWebhookQuery.class);
    }

    @Produces
    @ApplicationScoped
    BrandingUseCase branding() {
        return Mockito.mock(BrandingUseCase.class);
    }

    @Produces
    @ApplicationScoped
    PointsUseCase points() {
        return Mockito.mock(PointsUseCase.class);
    }

    @Produces
    @ApplicationScoped
    BadgesUseCase badges() {
        return Mockito.mock(BadgesUseCase.class);
    }

    @Produces
    @ApplicationScoped
    BlocklistUseCase blocklist() {
        return Mockito.mock(BlocklistUseCase.class);
    }

    @Produces
    @ApplicationScoped
    ReviewAwardsUseCase reviews() {
        return Mockito.mock(ReviewAwardsUseCase.class);
    }

    @Produces
    @ApplicationScoped
    AuditUseCase audit() {
        return Mockito.mock(AuditUseCase.class);
    }
}
