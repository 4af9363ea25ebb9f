package org.joinedup.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.joinedup.integration.CorroborationRequestView;
import org.joinedup.integration.RecordView;
import org.joinedup.organisation.OrganisationView;

/**
 * What the owner sees for each partner organisation of a record: not asked, asked on a date,
 * confirmed or rejected (by whom, when), or changed since it was given (ask again).
 */
final class PartnerStates {

    /** One partner's state; {@code mayAsk} shows the "Ask" button, {@code again} says it asks again. */
    public record PartnerState(OrganisationView organisation, String state, String tag, boolean mayAsk, boolean again) {
    }

    /** A record of the owner's with its partners' states. */
    public record RecordCorroboration(RecordView record, List<PartnerState> partners) {
    }

    private PartnerStates() {
    }

    static RecordCorroboration of(RecordView record, List<CorroborationRequestView> requests, Labels labels) {
        var partners = new ArrayList<PartnerState>();
        for (var organisation : record.partnerOrganisations()) {
            partners.add(state(record, organisation, requests.stream().filter(q -> code(q.organisation()).equals(organisation.code())).findFirst(),
                    labels));
        }
        return new RecordCorroboration(record, partners);
    }

    private static PartnerState state(RecordView record, OrganisationView organisation, Optional<CorroborationRequestView> request,
            Labels labels) {
        var given = record.endorsements().stream()
                .filter(e -> "endorsement".equals(e.kind()) && e.organisation() != null && organisation.code().equals(e.organisation().code()))
                .filter(e -> !"legacy".equals(e.status()))
                .sorted(Comparator.comparing(RecordView.EndorsementView::updatedAt).reversed()).toList();
        var holding = given.stream().filter(e -> !"earlier-version".equals(e.status())).findFirst();
        if (holding.isPresent()) {
            var e = holding.get();
            var edited = "wording-edited-since".equals(e.status()) ? "; wording edited since" : "";
            return new PartnerState(organisation, labels.assertion(e) + edited, e.decision(), false, false);
        }
        boolean earlier = !given.isEmpty();
        if (request.isPresent() && request.get().current()) {
            var asked = (request.get().recordRevision() > 1 && earlier ? "asked again on " : "asked on ") + Formats.display(request.get().askedAt());
            return new PartnerState(organisation, asked, "asked", false, false);
        }
        if (earlier || request.isPresent()) {
            return new PartnerState(organisation, "changed since it was " + (earlier ? given.get(0).decision() : "asked") + ": ask again",
                    "changed", true, true);
        }
        return new PartnerState(organisation, "not asked yet", "not-asked", true, false);
    }

    private static String code(OrganisationView organisation) {
        return organisation == null ? "" : organisation.code();
    }
}
