package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Arrays;
import java.util.Optional;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.AccountService;
import org.joinedup.security.AccountView;
import org.joinedup.security.CurrentUser;

/** Finding a round, its phase today, and who the caller is to it: what every judging and result call starts with. */
@ApplicationScoped
public class RoundAccess {

    @Inject
    CurrentUser user;

    @Inject
    AccountService accounts;

    public NominationRound find(long id) {
        return NominationRound.<NominationRound>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    /** The round, its row locked to the end of the transaction: closing, moving and publishing happen one at a time. */
    public NominationRound lock(long id) {
        return NominationRound.<NominationRound>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    /**
     * The round for a judge's write, with a shared lock on its row: judges do not wait on each other,
     * but a score sent while the round closes waits for the close (which locks the row for update)
     * and then finds the round closed, so no score lands after the result was computed.
     */
    public NominationRound findSharing(long id) {
        NominationRound.getEntityManager().createNativeQuery("select id from nomination_round where id = :id for share")
                .setParameter("id", id).getResultList();
        return find(id);
    }

    public RoundPhase phase(NominationRound round) {
        return round.phase(RoundService.today());
    }

    /** 409 unless the round is in one of these phases. */
    public void requirePhase(NominationRound round, RoundPhase... allowed) {
        var phase = phase(round);
        if (!Arrays.asList(allowed).contains(phase)) {
            throw ProblemException.conflict("round " + round.id + " is " + phase.code() + "; this needs it "
                    + String.join(" or ", Arrays.stream(allowed).map(RoundPhase::code).toList()));
        }
    }

    /** The caller's account, if signed in. */
    public Optional<AccountView> caller() {
        return user.signedIn() ? accounts.find(user.name()) : Optional.empty();
    }

    public boolean callerJudges(NominationRound round) {
        return caller().filter(account -> round.isJudge(account.id())).isPresent();
    }

    /** The caller's account id, 403 unless they judge this round. */
    public long requireJudge(NominationRound round) {
        return caller().filter(account -> round.isJudge(account.id())).map(AccountView::id)
                .orElseThrow(() -> ProblemException.forbidden("only the judges of round " + round.id + " may do this"));
    }

    public boolean isStaff() {
        return user.isStaff();
    }

    public void requireStaff() {
        if (!user.isStaff()) {
            throw ProblemException.forbidden("only programme staff may do this");
        }
    }
}
