package dev.moments.application.service;

import dev.moments.application.port.in.BrandingUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.PartnerId;

/** Keeps each partner's branding; the redemption pages read it through {@link RedemptionViews}. */
public final class BrandingService implements BrandingUseCase {

    private final PartnerRepository partners;
    private final Transactions transactions;

    public BrandingService(PartnerRepository partners, TransactionRunner transactions) {
        this.partners = partners;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Branding set(PartnerId partnerId, Input input) {
        Branding branding = new Branding(partnerId, input.displayName(), input.logoUrl(), input.primaryColor(),
                input.supportEmail());
        return transactions.run(() -> {
            partners.saveBranding(branding);
            return branding;
        });
    }

    @Override
    public Branding get(PartnerId partnerId) {
        return transactions.run(() -> partners.findBranding(partnerId))
                .orElseThrow(() -> new NotFoundException("branding", partnerId.value()));
    }
}
