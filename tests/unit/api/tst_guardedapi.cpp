// The facade as a logged-in person uses it (api/GuardedApi): every use case
// refused or allowed by the role matrix, changes made in the session's name
// (maker-checker between real users), the cashier's refund limit, and an
// open core until the first user exists.
#include "api/EmbeddedApi.h"
#include "api/GuardedApi.h"
#include "testsupport/EngineHarness.h"

#include <QFile>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

const QString kPassword = QStringLiteral("a-long-password");

// One shop with a user per role (two accountants, for maker-checker), a
// paid sale, a large one that raised an alert, and an adjustment proposed
// by the second accountant.
struct Shop
{
    EngineHarness h;
    GuardedApi g{h.api()};
    QHash<Role, QString> tokens; // the first user of each role
    QString acct2Token;
    QString orderNo;
    QString adjustmentNo;
    qint64 alertId = 0;
    int serial = 0;

    explicit Shop(CoreConfig config = {}) : h(std::move(config)) {}

    template <typename T, typename Call> T wait(Call call) { return h.replyOf<T>(call); }
    QString login(const QString& name)
    {
        const LoginResult r = wait<LoginResult>(
            [&](auto reply) { h.api().userAccess().login(name, kPassword, QString(), reply); });
        if (!r.outcome.ok())
            qFatal("cannot log in %s: %s", qPrintable(name), qPrintable(r.outcome.message));
        return r.token;
    }
    void addUser(const QString& adminToken, const QString& name, Role role)
    {
        const auto o = wait<BackOfficeOutcome>([&](auto reply) {
            h.api().userAccess().addUser(adminToken, name, kPassword, {role}, reply);
        });
        if (!o.ok())
            qFatal("cannot add %s: %s", qPrintable(name), qPrintable(o.message));
    }
    // Users, a sale, an alert and an adjustment waiting for a decision.
    void setUp()
    {
        orderNo = h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                        QStringLiteral("100.00"), QStringLiteral("setup-sale"))
                      .orderNo;
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
              QStringLiteral("6000.00"), QStringLiteral("setup-large"));
        h.drain();
        const QList<AlertRecord> alerts = h.alerts();
        if (alerts.isEmpty())
            qFatal("the large sale raised no alert");
        alertId = alerts.first().id;

        addUser(QString(), QStringLiteral("admin"), Role::Admin);
        tokens[Role::Admin] = login(QStringLiteral("admin"));
        const QList<std::pair<QString, Role>> staff = {{QStringLiteral("cashier1"), Role::Cashier},
                                                       {QStringLiteral("super1"), Role::Supervisor},
                                                       {QStringLiteral("acct1"), Role::Accountant},
                                                       {QStringLiteral("acct2"), Role::Accountant},
                                                       {QStringLiteral("support1"), Role::Support}};
        for (const auto& [name, role] : staff) {
            addUser(tokens[Role::Admin], name, role);
            if (!tokens.contains(role))
                tokens[role] = login(name);
        }
        acct2Token = login(QStringLiteral("acct2"));
        g.setSessionToken(acct2Token);
        const auto proposed = wait<BackOfficeOutcome>([&](auto reply) {
            g.accounting().proposeAdjustment(accounts::suspense(), Money::fromFen(1'00), QString(),
                                             QStringLiteral("rounding"), QString(), reply);
        });
        if (!proposed.ok())
            qFatal("cannot propose: %s", qPrintable(proposed.message));
        adjustmentNo = proposed.number;
        g.setSessionToken(QString());
    }
    QString next() { return QStringLiteral("req-%1").arg(++serial); }

    CommandOutcome command(const std::function<void(PayDeskApi::Reply)>& send)
    {
        return wait<CommandOutcome>(send);
    }
    static bool refused(const CommandOutcome& o)
    {
        return o.status == CommandStatus::Forbidden || o.status == CommandStatus::Unauthenticated;
    }
    static bool refused(const BackOfficeOutcome& o)
    {
        return o.status == BackOfficeStatus::Forbidden ||
               o.status == BackOfficeStatus::Unauthenticated;
    }

    // Calls the use case through the facade as the session now set;
    // whether it was refused. A refused read answers nothing though data
    // exists (the sale, the alert, the ledger's entries, the adjustment).
    bool probe(UseCase useCase)
    {
        BackOfficeApi& bo = g.accounting();
        ReconApi& recon = g.reconciliation();
        const QString code = EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        switch (useCase) {
        case UseCase::Pay:
            return refused(command([&](auto r) {
                g.pay({next(), Money::fromFen(1'00), code, QString(), QString(), {}}, r);
            }));
        case UseCase::CreateQr:
            return refused(command([&](auto r) {
                g.createQr({next(), Money::fromFen(1'00), Wallet::WeChat, QString(), {}}, r);
            }));
        case UseCase::Refund:
            return refused(command([&](auto r) {
                g.refund({next(), orderNo, Money::fromFen(1), QStringLiteral("probe")}, r);
            }));
        case UseCase::Revoke: {
            // One's own sale when one may take sales (a cashier cancels only
            // those), the setup's otherwise.
            const CommandOutcome own = command([&](auto r) {
                g.pay({next(), Money::fromFen(1'00), code, QString(), QString(), {}}, r);
            });
            const QString target = own.ok() ? own.orderNo : orderNo;
            return refused(command([&](auto r) { g.revoke({next(), target, QString()}, r); }));
        }
        case UseCase::QueryChannel:
            return refused(command([&](auto r) { g.query(orderNo, r); }));
        case UseCase::ReadOrders:
            return wait<QList<OrderRecord>>([&](auto r) { g.orders(OrderFilter{}, r); }).isEmpty();
        case UseCase::ReadAlerts:
            return wait<QList<AlertRecord>>([&](auto r) { g.alerts(false, 100, r); }).isEmpty();
        case UseCase::AcknowledgeAlert:
            return refused(command([&](auto r) { g.acknowledgeAlert(alertId, QString(), r); }));
        case UseCase::ReportPinLockout:
            return refused(command([&](auto r) { g.reportPinLockout({5, 60'000, {}}, r); }));
        case UseCase::ReadLedger:
            return wait<QList<JournalEntry>>([&](auto r) { bo.journal(JournalFilter{}, r); })
                .isEmpty();
        case UseCase::Backfill:
            return wait<BackfillReport>([&](auto r) { bo.backfill(r); })
                .error.contains(QStringLiteral("may not"));
        case UseCase::Settle:
            return refused(wait<SettlementReport>([&](auto r) {
                               bo.settle(QDate(2025, 12, 1), QString(), QString(), r);
                           }).outcome);
        case UseCase::ReadSettlements:
            // No settlement ran: only the permit tells.
            return !g.permit(useCase).ok() && wait<QList<SettlementRow>>([&](auto r) {
                                                  bo.settlements(QString(), r);
                                              }).isEmpty();
        case UseCase::ReadApprovals:
            return wait<QList<ApprovalRecord>>(
                       [&](auto r) { bo.approvals(approvalkind::adjustment, r); })
                .isEmpty();
        case UseCase::ProposePayment:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                bo.proposeAdjustment(accounts::suspense(), Money::fromFen(1), QString(),
                                     QStringLiteral("probe"), QString(), r);
            }));
        case UseCase::DecideApproval:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                bo.decideApproval(approvalkind::adjustment, adjustmentNo, false, QString(),
                                  QStringLiteral("probe"), r);
            }));
        case UseCase::WalletCounter:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                bo.topUpCash(QStringLiteral("M1"), Money::fromFen(10'00), next(), QString(), r);
            }));
        case UseCase::ReadWallets:
            return refused(wait<BackOfficeRead<WalletView>>([&](auto r) {
                               bo.wallet(QStringLiteral("M1"), r);
                           }).outcome);
        case UseCase::RequestWithdrawal:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                bo.requestWithdrawal(QStringLiteral("M1"), Money::fromFen(1'00), next(), QString(),
                                     QString(), r);
            }));
        case UseCase::DecideWithdrawal:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                bo.decideWithdrawal(QStringLiteral("WD-NONE"), false, QString(), QString(), r);
            }));
        case UseCase::Reconcile:
            return refused(wait<ReconcileResult>([&](auto r) {
                               recon.reconcile({QStringLiteral("nosuch"), QDate(2025, 12, 1),
                                                QString(), false, QString(), QString(), QString()},
                                               r);
                           }).outcome);
        case UseCase::ReadDifferences:
            // No reconciliation ran: only the permit tells.
            return !g.permit(useCase).ok() && wait<QList<ReconDifference>>([&](auto r) {
                                                  recon.differences({}, r);
                                              }).isEmpty();
        case UseCase::WorkDifference:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                recon.resolveDifference(999, QString(), QStringLiteral("probe"), r);
            }));
        case UseCase::DecideDifference:
            return refused(wait<BackOfficeOutcome>(
                [&](auto r) { recon.decideDifference(999, QString(), true, r); }));
        case UseCase::ReadAudit:
            // The setup's adjustment is in the log.
            return wait<QList<AuditEntry>>([&](auto r) { g.audit().entries({}, r); }).isEmpty();
        case UseCase::CloseShift:
            return refused(wait<ShiftCloseResult>([&](auto r) {
                               g.shifts().closeShift(QString(), r);
                           }).outcome);
        case UseCase::ReadDashboard:
            return refused(
                wait<DashboardResult>([&](auto r) { g.dashboard().figures(0, 1, r); }).outcome);
        case UseCase::ManageUsers:
            return refused(wait<BackOfficeOutcome>([&](auto r) {
                h.api().userAccess().addUser(g.sessionToken(),
                                             QStringLiteral("new%1").arg(++serial), kPassword,
                                             {Role::Cashier}, r);
            }));
        }
        qFatal("no probe for use case %d", int(useCase));
        return false;
    }
};

} // namespace

class tst_GuardedApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyUseCaseFollowsTheMatrix_data();
    void everyUseCaseFollowsTheMatrix();
    void theMatrixSeparatesDuties_data();
    void theMatrixSeparatesDuties();
    void refusalNamesTheRoleNeeded();
    void nobodyLoggedInIsUnauthenticated();
    void withoutUsersTheCoreIsOpen();
    void changesAreMadeInTheSessionsName();
    void cashierRefundLimit_data();
    void cashierRefundLimit();
    void changesAndRefusalsAreAudited();
    void cashierCancelsOnlyOwnSales();
    void readmeShowsTheMatrix();
};

void tst_GuardedApi::everyUseCaseFollowsTheMatrix_data()
{
    QTest::addColumn<int>("useCase");
    QTest::addColumn<int>("role");
    for (const UseCaseRule& rule : roleMatrix())
        for (int r = int(Role::Cashier); r <= int(Role::Admin); ++r)
            QTest::addRow("%s as %s", qPrintable(rule.name), qPrintable(roleName(Role(r))))
                << int(rule.useCase) << r;
}

void tst_GuardedApi::everyUseCaseFollowsTheMatrix()
{
    QFETCH(int, useCase);
    QFETCH(int, role);
    Shop shop;
    shop.setUp();
    shop.g.setSessionToken(shop.tokens.value(Role(role)));
    const bool expectAllowed = allows({Role(role)}, UseCase(useCase));
    QCOMPARE(shop.g.permit(UseCase(useCase)).ok(), expectAllowed);
    QCOMPARE(!shop.probe(UseCase(useCase)), expectAllowed);
}

// The matrix itself: what the issue asks of each role, pinned apart from
// the data so an edit to the matrix that mixes duties fails here.
void tst_GuardedApi::theMatrixSeparatesDuties_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("useCase");
    QTest::addColumn<bool>("allowed");
    const auto row = [](const char* name, Role r, UseCase u, bool ok) {
        QTest::newRow(name) << int(r) << int(u) << ok;
    };
    row("cashier pays", Role::Cashier, UseCase::Pay, true);
    row("cashier revokes", Role::Cashier, UseCase::Revoke, true);
    row("cashier may not settle", Role::Cashier, UseCase::Settle, false);
    row("cashier may not read the ledger", Role::Cashier, UseCase::ReadLedger, false);
    row("supervisor refunds", Role::Supervisor, UseCase::Refund, true);
    row("accountant settles", Role::Accountant, UseCase::Settle, true);
    row("accountant approves payouts", Role::Accountant, UseCase::DecideApproval, true);
    row("accountant approves write-offs", Role::Accountant, UseCase::DecideDifference, true);
    row("accountant may not pay", Role::Accountant, UseCase::Pay, false);
    row("support reads the ledger", Role::Support, UseCase::ReadLedger, true);
    row("support queries channels", Role::Support, UseCase::QueryChannel, true);
    row("support may not refund", Role::Support, UseCase::Refund, false);
    row("support may not settle", Role::Support, UseCase::Settle, false);
    row("admin manages users", Role::Admin, UseCase::ManageUsers, true);
    row("admin may not pay", Role::Admin, UseCase::Pay, false);
    row("admin may not approve payouts", Role::Admin, UseCase::DecideApproval, false);
    row("cashier may not manage users", Role::Cashier, UseCase::ManageUsers, false);
}

void tst_GuardedApi::theMatrixSeparatesDuties()
{
    QFETCH(int, role);
    QFETCH(int, useCase);
    QFETCH(bool, allowed);
    QCOMPARE(allows({Role(role)}, UseCase(useCase)), allowed);
}

void tst_GuardedApi::refusalNamesTheRoleNeeded()
{
    Shop shop;
    shop.setUp();
    shop.g.setSessionToken(shop.tokens.value(Role::Cashier));
    const auto report = shop.wait<SettlementReport>(
        [&](auto r) { shop.g.accounting().settle(QDate(2025, 12, 1), QString(), QString(), r); });
    QCOMPARE(report.outcome.status, BackOfficeStatus::Forbidden);
    QCOMPARE(report.outcome.message,
             QStringLiteral("cashier1 (cashier) may not run a day's settlement: that needs the "
                            "accountant role"));
    const CommandOutcome pay = shop.command([&](auto r) {
        shop.g.pay({QStringLiteral("as-support"),
                    Money::fromFen(1'00),
                    EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                    QString(),
                    QString(),
                    {}},
                   r);
    });
    QCOMPARE(pay.status, CommandStatus::Ok);
    shop.g.setSessionToken(shop.tokens.value(Role::Support));
    const int before = shop.h.orderCount();
    const CommandOutcome refused = shop.command([&](auto r) {
        shop.g.pay({QStringLiteral("as-support-2"),
                    Money::fromFen(1'00),
                    EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                    QString(),
                    QString(),
                    {}},
                   r);
    });
    QCOMPARE(refused.status, CommandStatus::Forbidden);
    QVERIFY2(refused.message.contains(QStringLiteral(
                 "may not take a payment code: that needs the cashier or supervisor role")),
             qPrintable(refused.message));
    QCOMPARE(shop.h.orderCount(), before); // nothing was created
}

void tst_GuardedApi::nobodyLoggedInIsUnauthenticated()
{
    Shop shop;
    shop.setUp();
    const int before = shop.h.orderCount();
    const CommandOutcome o = shop.command([&](auto r) {
        shop.g.pay({QStringLiteral("nobody"),
                    Money::fromFen(1'00),
                    EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                    QString(),
                    QString(),
                    {}},
                   r);
    });
    QCOMPARE(o.status, CommandStatus::Unauthenticated);
    QVERIFY2(o.message.contains(QStringLiteral("log in first")), qPrintable(o.message));
    QCOMPARE(shop.h.orderCount(), before);
    // A logged-out session is no session.
    const QString token = shop.login(QStringLiteral("cashier1"));
    shop.wait<BackOfficeOutcome>([&](auto r) { shop.h.api().userAccess().logout(token, r); });
    shop.g.setSessionToken(token);
    QCOMPARE(shop.g.permit(UseCase::Pay).status, BackOfficeStatus::Unauthenticated);
}

void tst_GuardedApi::withoutUsersTheCoreIsOpen()
{
    Shop shop; // no setUp: no user
    QCOMPARE(shop.g.accessControlOn(), std::optional<bool>(false));
    const CommandOutcome paid = shop.command([&](auto r) {
        shop.g.pay({QStringLiteral("open"),
                    Money::fromFen(1'00),
                    EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                    QString(),
                    QString(),
                    {}},
                   r);
    });
    QCOMPARE(paid.status, CommandStatus::Ok);
    // The typed name stands while nobody logs in.
    const auto proposed = shop.wait<BackOfficeOutcome>([&](auto r) {
        shop.g.accounting().proposeAdjustment(accounts::suspense(), Money::fromFen(1), QString(),
                                              QStringLiteral("open"), QStringLiteral("typed-name"),
                                              r);
    });
    QVERIFY2(proposed.ok(), qPrintable(proposed.message));
    const auto waiting = shop.wait<QList<ApprovalRecord>>(
        [&](auto r) { shop.g.accounting().approvals(approvalkind::adjustment, r); });
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().proposedBy, QStringLiteral("typed-name"));
}

void tst_GuardedApi::changesAreMadeInTheSessionsName()
{
    Shop shop;
    shop.setUp();
    // acct2 proposed the adjustment, typing nobody's name: it is theirs.
    shop.g.setSessionToken(shop.acct2Token);
    auto waiting = shop.wait<QList<ApprovalRecord>>(
        [&](auto r) { shop.g.accounting().approvals(approvalkind::adjustment, r); });
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().proposedBy, QStringLiteral("acct2"));
    // Typing another name does not make acct2 someone else.
    const auto own = shop.wait<BackOfficeOutcome>([&](auto r) {
        shop.g.accounting().decideApproval(approvalkind::adjustment, shop.adjustmentNo, true,
                                           QStringLiteral("acct1"), QString(), r);
    });
    QCOMPARE(own.status, BackOfficeStatus::SameUser);
    shop.g.setSessionToken(shop.tokens.value(Role::Accountant)); // acct1
    const auto other = shop.wait<BackOfficeOutcome>([&](auto r) {
        shop.g.accounting().decideApproval(approvalkind::adjustment, shop.adjustmentNo, true,
                                           QStringLiteral("acct2"), QString(), r);
    });
    QVERIFY2(other.ok(), qPrintable(other.message));
    waiting = shop.wait<QList<ApprovalRecord>>(
        [&](auto r) { shop.g.accounting().approvals(approvalkind::adjustment, r); });
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().decidedBy, QStringLiteral("acct1"));
}

void tst_GuardedApi::cashierRefundLimit_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QStringList>("amounts"); // refunds in turn, of one ¥100.00 sale
    QTest::addColumn<QString>("lastStatus");
    QTest::newRow("cashier within the limit")
        << int(Role::Cashier) << QStringList{QStringLiteral("30.00")} << QStringLiteral("ok");
    QTest::newRow("cashier at the limit")
        << int(Role::Cashier) << QStringList{QStringLiteral("50.00")} << QStringLiteral("ok");
    QTest::newRow("cashier above the limit")
        << int(Role::Cashier) << QStringList{QStringLiteral("50.01")}
        << QStringLiteral("forbidden");
    QTest::newRow("cashier's split refunds add up")
        << int(Role::Cashier) << QStringList{QStringLiteral("30.00"), QStringLiteral("30.00")}
        << QStringLiteral("forbidden");
    QTest::newRow("supervisor above the limit")
        << int(Role::Supervisor) << QStringList{QStringLiteral("80.00")} << QStringLiteral("ok");
}

void tst_GuardedApi::cashierRefundLimit()
{
    QFETCH(int, role);
    QFETCH(QStringList, amounts);
    QFETCH(QString, lastStatus);
    CoreConfig config;
    config.cashierRefundLimitFen = 50'00;
    Shop shop(config);
    shop.setUp();
    shop.g.setSessionToken(shop.tokens.value(Role(role)));
    CommandOutcome last;
    for (const QString& amount : amounts) {
        last = shop.command([&](auto r) {
            shop.g.refund({shop.next(), shop.orderNo, *Money::parse(amount), QStringLiteral("t")},
                          r);
        });
        shop.h.drain();
    }
    QCOMPARE(commandStatusName(last.status), lastStatus);
    if (lastStatus == QLatin1String("forbidden"))
        QVERIFY2(last.message.contains(QStringLiteral("a supervisor must do it")),
                 qPrintable(last.message));
}

void tst_GuardedApi::changesAndRefusalsAreAudited()
{
    Shop shop;
    shop.setUp();
    shop.g.setSessionToken(shop.tokens.value(Role::Cashier)); // cashier1
    const CommandOutcome paid = shop.command([&](auto r) {
        shop.g.pay({QStringLiteral("audited-sale"),
                    Money::fromFen(12'34),
                    EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                    QString(),
                    QString(),
                    {}},
                   r);
    });
    QCOMPARE(paid.status, CommandStatus::Ok);
    shop.wait<SettlementReport>([&](auto r) {
        shop.g.accounting().settle(QDate(2025, 12, 1), QStringLiteral("typed"), QString(), r);
    });
    shop.h.drain();
    // The cashier may not read the log; support reads it, newest first.
    QVERIFY(shop.wait<QList<AuditEntry>>([&](auto r) { shop.g.audit().entries({}, r); }).isEmpty());
    shop.g.setSessionToken(shop.tokens.value(Role::Support));
    AuditFilter byCashier;
    byCashier.user = QStringLiteral("cashier1");
    const auto log =
        shop.wait<QList<AuditEntry>>([&](auto r) { shop.g.audit().entries(byCashier, r); });
    QCOMPARE(log.size(), 3); // and the login that began the session
    QCOMPARE(log.at(2).action, QStringLiteral("login"));
    QCOMPARE(log.at(2).outcome, QStringLiteral("ok"));
    QCOMPARE(log.at(0).action, QStringLiteral("settle"));
    QCOMPARE(log.at(0).subject, QStringLiteral("2025-12-01"));
    QCOMPARE(log.at(0).outcome, QStringLiteral("forbidden"));
    QVERIFY2(log.at(0).message.contains(QStringLiteral("needs the accountant role")),
             qPrintable(log.at(0).message));
    QCOMPARE(log.at(1).action, QStringLiteral("pay"));
    QCOMPARE(log.at(1).subject, QStringLiteral("audited-sale"));
    QCOMPARE(log.at(1).detail, QStringLiteral("12.34"));
    QCOMPARE(log.at(1).outcome, QStringLiteral("ok"));
    QCOMPARE(log.at(1).terminal, QStringLiteral("0001/0001"));
    QVERIFY(log.at(1).atMs > 0 && log.at(0).atMs >= log.at(1).atMs);

    // People management and logins are in it too, with the admin's name.
    AuditFilter adds;
    adds.action = QStringLiteral("user add");
    const auto added =
        shop.wait<QList<AuditEntry>>([&](auto r) { shop.g.audit().entries(adds, r); });
    QCOMPARE(added.size(), 6);
    QCOMPARE(added.first().user, QStringLiteral("admin")); // support1, the last added
    QCOMPARE(added.first().subject, QStringLiteral("support1"));
    QCOMPARE(added.first().detail, QStringLiteral("support"));
    QCOMPARE(added.last().user, QString()); // the first admin: nobody was logged in
    shop.wait<LoginResult>([&](auto r) {
        shop.h.api().userAccess().login(QStringLiteral("cashier1"), QStringLiteral("wrong-pass"),
                                        QString(), r);
    });
    AuditFilter logins;
    logins.action = QStringLiteral("login");
    const auto tries =
        shop.wait<QList<AuditEntry>>([&](auto r) { shop.g.audit().entries(logins, r); });
    QVERIFY(!tries.isEmpty());
    QCOMPARE(tries.first().user, QStringLiteral("cashier1"));
    QCOMPARE(tries.first().outcome, QStringLiteral("unauthenticated"));
}

void tst_GuardedApi::cashierCancelsOnlyOwnSales()
{
    Shop shop;
    shop.setUp();
    shop.addUser(shop.tokens.value(Role::Admin), QStringLiteral("cashier2"), Role::Cashier);
    const QString other = shop.login(QStringLiteral("cashier2"));
    const QString slowCode =
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 30);
    const auto sale = [&](const QString& requestNo) {
        return shop.command([&](auto r) {
            shop.g.pay({requestNo, Money::fromFen(5'00), slowCode, QString(), QString(), {}}, r);
        });
    };
    const auto revoke = [&](const QString& orderNo) {
        return shop.command([&](auto r) { shop.g.revoke({shop.next(), orderNo, QString()}, r); });
    };
    shop.g.setSessionToken(shop.tokens.value(Role::Cashier)); // cashier1
    const CommandOutcome mine = sale(QStringLiteral("mine"));
    QVERIFY2(mine.ok(), qPrintable(mine.message));
    shop.g.setSessionToken(other);
    const CommandOutcome theirs = sale(QStringLiteral("theirs"));
    QVERIFY2(theirs.ok(), qPrintable(theirs.message));

    shop.g.setSessionToken(shop.tokens.value(Role::Cashier));
    const CommandOutcome refused = revoke(theirs.orderNo);
    QCOMPARE(refused.status, CommandStatus::Forbidden);
    QVERIFY2(refused.message.contains(QStringLiteral("was taken by cashier2: a supervisor must "
                                                     "do it")),
             qPrintable(refused.message));
    // Nor one taken before anyone logged in (the setup's sale).
    QCOMPARE(revoke(shop.orderNo).status, CommandStatus::Forbidden);
    const CommandOutcome own = revoke(mine.orderNo);
    QVERIFY2(own.ok(), qPrintable(own.message));
    shop.g.setSessionToken(shop.tokens.value(Role::Supervisor));
    const CommandOutcome bySupervisor = revoke(theirs.orderNo);
    QVERIFY2(bySupervisor.ok(), qPrintable(bySupervisor.message));
}

void tst_GuardedApi::readmeShowsTheMatrix()
{
    QFile readme(QStringLiteral(PAYDESK_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    QVERIFY2(text.contains(roleMatrixMarkdown()),
             qPrintable(QStringLiteral("README's role table differs from the matrix; it is:\n") +
                        roleMatrixMarkdown()));
}

QTEST_GUILESS_MAIN(tst_GuardedApi)
#include "tst_guardedapi.moc"
