#include "CliBackOffice.h"

#include "Cli.h"
#include "CliOutput.h"
#include "api/BackOfficeApi.h"
#include "api/Json.h"
#include "api/LedgerJson.h"
#include "api/types/ChinaTime.h"

#include <QJsonArray>

namespace paydesk::cli {

namespace {

struct Args : CommandArgs
{
    BackOfficeApi& bo;
};

// Amounts: "12.34"; adjustments may be negative ("-5.00" credits the account).
std::optional<Money> amount(const Args& a, int* rc, bool allowNegative = false)
{
    return amountArgument(a.p, a.out, rc, allowNegative);
}

QString requestNo(const Args& a)
{
    return requestNoOrFresh(a.opt("request-no"));
}

int finish(const Args& a, const BackOfficeOutcome& o, const QJsonObject& extra = {})
{
    return printBackOffice(a.out, o, extra);
}

// A change through the facade: its outcome (durable when Ok), printed.
template <typename Call> int change(const Args& a, Call call)
{
    return finish(a, waitFor<BackOfficeOutcome>(call));
}

// "2026-11-23" (end of that day) or "2026-11-23 10:00:00", China time.
std::optional<qint64> atOption(const Args& a)
{
    if (!a.has("at"))
        return BackOfficeApi::kNow;
    const QString v = a.opt("at");
    const QDate d = QDate::fromString(v, Qt::ISODate);
    if (d.isValid())
        return QDateTime(d.addDays(1), QTime(0, 0), chinaZone()).toMSecsSinceEpoch() - 1;
    const QDateTime t = QDateTime::fromString(v, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        return std::nullopt;
    return QDateTime(t.date(), t.time(), chinaZone()).toMSecsSinceEpoch();
}

void printEntry(Output& out, const JournalEntry& e)
{
    if (out.json()) {
        out.object(toJson(e));
        return;
    }
    out.line(
        QStringLiteral("#%1 %2 %3 %4%5")
            .arg(QString::number(e.id),
                 chinaTime(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 e.idempotencyKey, e.memo,
                 e.orderNo.isEmpty() ? QString() : QStringLiteral(" (order %1)").arg(e.orderNo)));
    for (const Posting& p : e.postings)
        out.line(QStringLiteral("    %1 %2 %3")
                     .arg(p.amountFen > 0 ? QStringLiteral("Dr") : QStringLiteral("  Cr"),
                          p.account.leftJustified(40), plainYuan(qAbs(p.amountFen))));
}

int cmdLedger(const Args& a)
{
    const QString sub = a.arg(1);
    QString error;
    if (sub == QLatin1String("accounts") || sub == QLatin1String("trial-balance")) {
        const auto at = atOption(a);
        if (!at)
            return usageError(
                a.out,
                QStringLiteral("--at takes YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\" (China time)"));
        const auto all = waitFor<BackOfficeRead<QList<AccountBalance>>>(
            [&](auto reply) { a.bo.balances(*at, reply); });
        if (!all.ok()) {
            a.out.error(all.outcome.message);
            return ExitStorage;
        }
        qint64 debits = 0;
        qint64 credits = 0;
        for (const AccountBalance& b : all.value) {
            (b.signedFen >= 0 ? debits : credits) += qAbs(b.signedFen);
            if (a.out.json())
                a.out.object(toJson(b));
            else if (sub == QLatin1String("accounts"))
                a.out.line(QStringLiteral("%1 %2 %3")
                               .arg(b.account.leftJustified(40),
                                    accountTypeName(b.type).leftJustified(10),
                                    plainYuan(b.normalFen()).rightJustified(14)));
            else
                a.out.line(QStringLiteral("%1 %2 %3")
                               .arg(b.account.leftJustified(40),
                                    (b.signedFen > 0 ? plainYuan(b.signedFen) : QString())
                                        .rightJustified(14),
                                    (b.signedFen < 0 ? plainYuan(-b.signedFen) : QString())
                                        .rightJustified(14)));
        }
        if (sub == QLatin1String("trial-balance")) {
            const bool balanced = debits == credits;
            if (a.out.json())
                a.out.object(
                    {{QStringLiteral("trialBalance"),
                      QJsonObject{{QStringLiteral("debits"), moneyJson(Money::fromFen(debits))},
                                  {QStringLiteral("credits"), moneyJson(Money::fromFen(credits))},
                                  {QStringLiteral("balanced"), balanced}}}});
            else
                a.out.line(QStringLiteral("%1 %2 %3  %4")
                               .arg(QStringLiteral("total").leftJustified(40),
                                    plainYuan(debits).rightJustified(14),
                                    plainYuan(credits).rightJustified(14),
                                    balanced ? QStringLiteral("balanced")
                                             : QStringLiteral("NOT BALANCED")));
            return balanced ? ExitOk : ExitFailure;
        }
        return ExitOk;
    }
    if (sub == QLatin1String("balance")) {
        const QString account = a.arg(2);
        if (account.isEmpty())
            return usageError(
                a.out,
                QStringLiteral("ledger balance needs an ACCOUNT, e.g. liability:pending:M0001"));
        const auto at = atOption(a);
        if (!at)
            return usageError(
                a.out,
                QStringLiteral("--at takes YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\" (China time)"));
        const auto b = waitFor<BackOfficeRead<AccountBalance>>(
            [&](auto reply) { a.bo.balance(account, *at, reply); });
        if (!b.ok()) {
            a.out.error(b.outcome.message);
            return b.outcome.status == BackOfficeStatus::InvalidArgument ? ExitUsage : ExitStorage;
        }
        if (a.out.json())
            a.out.object(toJson(b.value));
        else
            a.out.line(QStringLiteral("%1 %2").arg(account, plainYuan(b.value.normalFen())));
        return ExitOk;
    }
    if (sub == QLatin1String("journal")) {
        JournalFilter f;
        f.accountCode = a.opt("account");
        f.ref = a.opt("ref");
        if (a.has("limit"))
            f.limit = a.opt("limit").toInt();
        if (f.limit <= 0)
            return usageError(a.out, QStringLiteral("--limit must be a positive number"));
        if (!f.accountCode.isEmpty() && !parseAccountCode(f.accountCode, &error))
            return usageError(a.out, error);
        for (const JournalEntry& e :
             waitFor<QList<JournalEntry>>([&](auto reply) { a.bo.journal(f, reply); }))
            printEntry(a.out, e);
        return ExitOk;
    }
    if (sub == QLatin1String("backfill")) {
        // Opening the data directory already ran it if the migration asked;
        // this runs it again on demand (it posts only what is missing).
        const auto r = waitFor<BackfillReport>([&](auto reply) { a.bo.backfill(reply); });
        if (!r.error.isEmpty()) {
            a.out.error(QStringLiteral("backfill stopped: %1; run it again to go on").arg(r.error));
            return ExitStorage;
        }
        if (a.out.json())
            a.out.object({{QStringLiteral("backfill"),
                           QJsonObject{{QStringLiteral("payments"), r.payments},
                                       {QStringLiteral("reversals"), r.reversals},
                                       {QStringLiteral("refunds"), r.refunds}}}});
        else
            a.out.line(r.posted() == 0
                           ? QStringLiteral("nothing to post: every payment, reversal and refund "
                                            "has its ledger entry")
                           : QStringLiteral("posted %1 payments, %2 reversals and %3 refunds "
                                            "that had no ledger entry")
                                 .arg(r.payments)
                                 .arg(r.reversals)
                                 .arg(r.refunds));
        return ExitOk;
    }
    return usageError(
        a.out,
        QStringLiteral("ledger needs accounts, balance, journal, trial-balance or backfill"));
}

int cmdSettle(const Args& a)
{
    if (a.arg(1) == QLatin1String("list")) {
        const auto runs = waitFor<QList<SettlementRow>>(
            [&](auto reply) { a.bo.settlements(a.opt("merchant"), reply); });
        for (const SettlementRow& s : runs) {
            if (a.out.json())
                a.out.object(toJson(s));
            else
                a.out.line(QStringLiteral("%1 %2 items %3 net %4 fees %5 available %6 by %7")
                               .arg(s.businessDate.toString(Qt::ISODate), s.merchantId,
                                    QString::number(s.totals.items), plainYuan(s.totals.netFen()),
                                    plainYuan(s.totals.feeFen),
                                    plainYuan(s.totals.netFen() - s.totals.feeFen), s.runBy));
        }
        return ExitOk;
    }
    const QDate day = QDate::fromString(a.opt("date"), Qt::ISODate);
    if (!day.isValid())
        return usageError(a.out, QStringLiteral("settle needs --date YYYY-MM-DD"));
    const auto r = waitFor<SettlementReport>(
        [&](auto reply) { a.bo.settle(day, a.actor(), a.opt("merchant"), reply); });
    if (!a.out.json() && r.outcome.ok())
        a.out.line(
            QStringLiteral("payments %1, refunds and reversals %2, net %3, fees %4 → available %5")
                .arg(plainYuan(r.row.totals.grossFen), plainYuan(r.row.totals.returnedFen),
                     plainYuan(r.row.totals.netFen()), plainYuan(r.row.totals.feeFen),
                     plainYuan(r.row.totals.netFen() - r.row.totals.feeFen)));
    return finish(a, r.outcome,
                  r.outcome.ok() ? QJsonObject{{QStringLiteral("settlement"), toJson(r.row)}}
                                 : QJsonObject{});
}

int cmdApproval(const Args& a, const QString& kind)
{
    const QString sub = a.arg(1);
    int rc = ExitOk;
    if (sub == QLatin1String("list")) {
        for (const ApprovalRecord& r :
             waitFor<QList<ApprovalRecord>>([&](auto reply) { a.bo.approvals(kind, reply); })) {
            if (a.out.json())
                a.out.object(toJson(r));
            else
                a.out.line(
                    QStringLiteral("%1 %2 %3 %4 by %5%6")
                        .arg(r.number(), approvalStateName(r.state).leftJustified(9),
                             plainYuan(r.amountFen).rightJustified(12),
                             kind == QLatin1String("payout")
                                 ? r.reason
                                 : r.account + QStringLiteral(" (") + r.reason + QLatin1Char(')'),
                             r.proposedBy,
                             r.decidedBy.isEmpty()
                                 ? QString()
                                 : QStringLiteral(", decided by ") + r.decidedBy));
        }
        return ExitOk;
    }
    if (sub == QLatin1String("approve") || sub == QLatin1String("reject")) {
        if (a.arg(2).isEmpty() || !a.has("by"))
            return usageError(
                a.out, QStringLiteral("%1 %2 needs the number and --by NAME").arg(kind, sub));
        const bool approve = sub == QLatin1String("approve");
        return finish(a, waitFor<BackOfficeOutcome>([&](auto reply) {
                          a.bo.decideApproval(kind, a.arg(2), approve, a.opt("by"),
                                              approve ? a.opt("note") : a.opt("reason"), reply);
                      }));
    }
    if (kind == QLatin1String("payout") && sub == QLatin1String("request")) {
        const auto m = amount(a, &rc);
        if (!m)
            return rc;
        if (!a.has("by"))
            return usageError(a.out, QStringLiteral("payout request needs --by NAME"));
        return finish(a, waitFor<BackOfficeOutcome>([&](auto reply) {
                          a.bo.requestPayout(*m, a.opt("by"), a.opt("note"), requestNo(a), reply);
                      }));
    }
    if (kind == QLatin1String("adjustment") && sub == QLatin1String("propose")) {
        const auto m = amount(a, &rc, true);
        if (!m)
            return rc;
        if (!a.has("by") || !a.has("account"))
            return usageError(
                a.out, QStringLiteral(
                           "adjust propose needs --account A, --amount, --reason and --by NAME"));
        return finish(a, waitFor<BackOfficeOutcome>([&](auto reply) {
                          a.bo.proposeAdjustment(a.opt("account"), *m, a.opt("counter"),
                                                 a.opt("reason"), a.opt("by"), reply);
                      }));
    }
    return usageError(a.out, kind == QLatin1String("payout")
                                 ? QStringLiteral("payout needs request, approve, reject or list")
                                 : QStringLiteral("adjust needs propose, approve, reject or list"));
}

// The member: MEMBER after the subcommand, or --member M.
QString memberArg(const Args& a)
{
    return a.has("member") ? a.opt("member") : a.arg(2);
}

void printWithdrawal(Output& out, const ApprovalRecord& r)
{
    if (out.json()) {
        out.object(toJson(r));
        return;
    }
    const auto wallet = parseAccountCode(r.account);
    out.line(
        QStringLiteral("%1 %2 %3 %4 member %5 by %6%7%8")
            .arg(r.number(), r.stateName().leftJustified(9),
                 chinaTime(r.proposedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 plainYuan(r.amountFen).rightJustified(12), wallet ? wallet->owner : r.account,
                 r.proposedBy,
                 r.decidedBy.isEmpty() ? QString() : QStringLiteral(", decided by ") + r.decidedBy,
                 r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason)));
}

// withdraw MEMBER, withdrawal approve|reject WD..., withdrawals [MEMBER].
int cmdWithdrawal(const Args& a)
{
    const QString sub = a.arg(1);
    if (sub == QLatin1String("withdrawals")) {
        for (const ApprovalRecord& r : waitFor<QList<ApprovalRecord>>(
                 [&](auto reply) { a.bo.withdrawals(memberArg(a), reply); }))
            printWithdrawal(a.out, r);
        return ExitOk;
    }
    if (sub == QLatin1String("withdraw")) {
        if (memberArg(a).isEmpty() || !a.has("by"))
            return usageError(
                a.out, QStringLiteral("wallet withdraw needs a MEMBER, --amount and --by NAME"));
        int rc = ExitOk;
        const auto m = amount(a, &rc);
        return m ? change(a,
                          [&](auto reply) {
                              a.bo.requestWithdrawal(memberArg(a), *m, requestNo(a), a.opt("by"),
                                                     a.opt("note"), reply);
                          })
                 : rc;
    }
    const QString act = a.arg(2);
    if (sub != QLatin1String("withdrawal") ||
        (act != QLatin1String("approve") && act != QLatin1String("reject")) || a.arg(3).isEmpty() ||
        !a.has("by"))
        return usageError(
            a.out, QStringLiteral(
                       "wallet withdrawal approve|reject needs the number (WD...) and --by NAME"));
    const bool approve = act == QLatin1String("approve");
    const QString note = approve || !a.has("reason") ? a.opt("note") : a.opt("reason");
    return change(
        a, [&](auto reply) { a.bo.decideWithdrawal(a.arg(3), approve, a.opt("by"), note, reply); });
}

int cmdWallet(const Args& a)
{
    const QString sub = a.arg(1);
    int rc = ExitOk;
    if (sub == QLatin1String("show")) {
        const auto got =
            waitFor<BackOfficeRead<WalletView>>([&](auto reply) { a.bo.wallet(a.arg(2), reply); });
        if (!got.ok()) {
            a.out.error(got.outcome.message);
            return ExitFailure;
        }
        const WalletView* v = &got.value;
        if (a.out.json()) {
            a.out.object(toJson(*v));
            return ExitOk;
        }
        a.out.line(
            QStringLiteral(
                "member %1: balance %2 (top-ups %3, income %4, spent %5, held %6, withdrawn %7)")
                .arg(v->memberId, v->balance.toPlainString(), plainYuan(v->totals.topUpsFen),
                     plainYuan(v->totals.refundsInFen), plainYuan(v->totals.spentFen),
                     plainYuan(v->totals.heldFen), plainYuan(v->totals.withdrawnFen)));
        for (const WalletOp& op : v->recent)
            a.out.line(QStringLiteral("  %1 %2 %3 %4 %5")
                           .arg(op.number(),
                                chinaTime(op.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                walletOpKindName(op.kind).leftJustified(12),
                                op.amount.toPlainString().rightJustified(10), op.ref));
        return ExitOk;
    }
    if (sub == QLatin1String("topup")) {
        if (a.arg(2).isEmpty())
            return usageError(a.out, QStringLiteral("wallet topup needs a MEMBER"));
        if (a.has("order"))
            return change(a, [&](auto reply) {
                a.bo.topUpFromOrder(a.arg(2), a.opt("order"), requestNo(a), a.actor(), reply);
            });
        const auto m = amount(a, &rc);
        return m ? change(a,
                          [&](auto reply) {
                              a.bo.topUpCash(a.arg(2), *m, requestNo(a), a.actor(), reply);
                          })
                 : rc;
    }
    if (sub == QLatin1String("pay")) {
        if (a.arg(2).isEmpty() || !a.has("sale"))
            return usageError(a.out,
                              QStringLiteral("wallet pay needs a MEMBER, --amount and --sale REF"));
        const auto m = amount(a, &rc);
        return m ? change(a,
                          [&](auto reply) {
                              a.bo.walletPay(a.arg(2), *m, a.opt("sale"), requestNo(a), a.actor(),
                                             reply);
                          })
                 : rc;
    }
    if (sub == QLatin1String("refund")) {
        if (a.arg(2).isEmpty())
            return usageError(a.out,
                              QStringLiteral("wallet refund needs the payment's number (WO...)"));
        const auto m = amount(a, &rc);
        return m ? change(a,
                          [&](auto reply) {
                              a.bo.walletRefund(a.arg(2), *m, a.opt("reason"), requestNo(a),
                                                a.actor(), reply);
                          })
                 : rc;
    }
    if (sub.startsWith(QLatin1String("withdraw")))
        return cmdWithdrawal(a);
    return usageError(
        a.out, QStringLiteral(
                   "wallet needs topup, pay, refund, show, withdraw, withdrawal or withdrawals"));
}

int cmdCheck(const Args& a)
{
    if (a.arg(1) != QLatin1String("internal"))
        return usageError(a.out, QStringLiteral("check needs 'internal'"));
    const auto r = waitFor<InternalCheckReport>([&](auto reply) { a.bo.check(reply); });
    if (a.out.json()) {
        a.out.object(toJson(r));
    } else {
        if (!r.error.isEmpty())
            a.out.error(r.error);
        for (const CheckLine& l : r.lines) {
            const auto show = [&](qint64 v) {
                return l.isCount ? QString::number(v) : plainYuan(v);
            };
            a.out.line(QStringLiteral("%1 %2: %3 — expected %4, found %5")
                           .arg(l.ok() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), l.subject,
                                l.rule, show(l.expectedFen), show(l.actualFen)));
        }
        a.out.line(r.ok() ? QStringLiteral("internal check passed")
                          : QStringLiteral("internal check FAILED: see the lines marked FAIL"));
    }
    if (!r.error.isEmpty())
        return ExitStorage;
    return r.ok() ? ExitOk : ExitFailure;
}

} // namespace

QString actorName(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("by")))
        return parser.value(QStringLiteral("by"));
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

int printBackOffice(Output& out, const BackOfficeOutcome& o, const QJsonObject& extra)
{
    if (out.json()) {
        QJsonObject j = toJson(o);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            j.insert(it.key(), it.value());
        out.object(j);
    } else if (o.ok()) {
        out.line(o.message);
    } else {
        out.error(o.message);
    }
    if (o.ok())
        return ExitOk;
    return o.status == BackOfficeStatus::StorageError ? ExitStorage : ExitFailure;
}

bool isBackOfficeCommand(const QString& command)
{
    static const QStringList known = {QStringLiteral("ledger"), QStringLiteral("settle"),
                                      QStringLiteral("payout"), QStringLiteral("adjust"),
                                      QStringLiteral("wallet"), QStringLiteral("check")};
    return known.contains(command);
}

QList<QCommandLineOption> backOfficeOptions()
{
    return {
        {QStringLiteral("date"), QString(), QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("merchant"), QString(), QStringLiteral("id")},
        {QStringLiteral("at"), QString(), QStringLiteral("time")},
        {QStringLiteral("account"), QString(), QStringLiteral("account")},
        {QStringLiteral("counter"), QString(), QStringLiteral("account")},
        {QStringLiteral("ref"), QString(), QStringLiteral("ref")},
        {QStringLiteral("sale"), QString(), QStringLiteral("ref")},
        {QStringLiteral("order"), QString(), QStringLiteral("order")},
        {QStringLiteral("note"), QString(), QStringLiteral("text")},
        {QStringLiteral("member"), QString(), QStringLiteral("member")},
    };
}

int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOfficeApi& backOffice, const QString& loggedIn)
{
    const Args a{{parser, args, out, loggedIn}, backOffice};
    const QString command = args.first();
    if (command == QLatin1String("ledger"))
        return cmdLedger(a);
    if (command == QLatin1String("settle"))
        return cmdSettle(a);
    if (command == QLatin1String("payout"))
        return cmdApproval(a, QStringLiteral("payout"));
    if (command == QLatin1String("adjust"))
        return cmdApproval(a, QStringLiteral("adjustment"));
    if (command == QLatin1String("wallet"))
        return cmdWallet(a);
    return cmdCheck(a);
}

} // namespace paydesk::cli
